import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {PortableText} from '@portabletext/react'

type Named = {_id: string; name?: string; slug?: string}
type Article = {title: string; summary?: string; publishedAt?: string; body?: never[]; offices?: Named[]; people?: Named[]}

// Read on every request, as the site reads the lake: written by bench/site.ts (the same article the
// reference site renders, and its JSON-LD) into this folder, where next runs.
export const dynamic = 'force-dynamic'

/** The article with nothing but Next.js: heading, summary, Portable Text body, the offices and people it names, JSON-LD. */
export default function Page() {
  const {article, jsonLd} = JSON.parse(readFileSync(join(process.cwd(), 'article.json'), 'utf8')) as {article: Article; jsonLd: unknown}
  return (
    <article>
      <script type="application/ld+json" dangerouslySetInnerHTML={{__html: JSON.stringify(jsonLd).replace(/</g, '\\u003c')}} />
      <h1>{article.title}</h1>
      {article.publishedAt ? <p><time dateTime={article.publishedAt}>{article.publishedAt.slice(0, 10)}</time></p> : null}
      {article.summary ? <p>{article.summary}</p> : null}
      <PortableText value={article.body ?? []} />
      <h2>Offices</h2>
      <ul>{(article.offices ?? []).map((office) => <li key={office._id}><a href={`/offices/${office._id}`}>{office.name}</a></li>)}</ul>
      <h2>People</h2>
      <ul>{(article.people ?? []).map((person) => <li key={person._id}><a href={`/people/${person.slug}`}>{person.name}</a></li>)}</ul>
    </article>
  )
}
