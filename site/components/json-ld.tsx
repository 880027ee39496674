import {jsonLdScriptContent} from 'sanity-plugin-ip-news/jsonld'

/** schema.org data for the page, escaped by the package so no text can end the script element. */
export function JsonLd({data}: {data: object}) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{__html: jsonLdScriptContent(data)}} />
}
