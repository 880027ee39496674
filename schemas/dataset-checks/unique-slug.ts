import {getPublishedId, type SlugIsUniqueValidator} from 'sanity'

import {STUDIO_API_VERSION} from '../constants/ids.ts'

// `_type` and `slug.current` first: both are served from the Content Lake's indexes.
export const SLUG_TAKEN = `defined(*[_type == $type && slug.current == $slug && !sanity::versionOf($published)][0]._id)`

/**
 * A slug is unique among documents of the same type (the document's own draft and release versions do not count).
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
  })
  return !taken
}
