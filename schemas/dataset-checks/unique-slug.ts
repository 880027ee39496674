import {getPublishedId, type SlugIsUniqueValidator} from 'sanity'

import {STUDIO_API_VERSION} from '../constants/ids.ts'

// `_type` and `slug.current` first: both are served from the Content Lake's indexes. Documents with a
// language (articles) share a slug with their translations: the site puts the language in the address.
export const SLUG_TAKEN = `defined(*[_type == $type && slug.current == $slug && !sanity::versionOf($published) && (!defined($language) || language == $language)][0]._id)`

/**
 * A slug is unique among documents of the same type, and for articles the same language (the document's own
 * draft and release versions do not count): a translation keeps its original's slug.
 * Replaces Sanity's default check, whose query needs the hosted API's release functions.
 */
export const isUniqueAmongType: SlugIsUniqueValidator = async (slug, context) => {
  const {document, getClient} = context
  if (!document) return true
  const published = getPublishedId(document._id)
  const taken = await getClient({apiVersion: STUDIO_API_VERSION}).fetch<boolean>(SLUG_TAKEN, {
    type: document._type,
    slug,
    published,
    language: typeof document.language === 'string' ? document.language : null,
  })
  return !taken
}
