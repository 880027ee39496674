import {getDraftId, getPublishedId, type ValidationContext} from 'sanity'

import {STUDIO_API_VERSION} from '../constants/ids.ts'

const CODE_HOLDER = `*[_type == "office" && st3Code == $code && !(_id in [$draft, $published])][0]{name, abbreviation}`

/** Two offices never share an ST.3 code: say which office already holds it. */
export async function checkSt3CodeUnique(code: unknown, context: ValidationContext) {
  if (typeof code !== 'string' || !code || !context.document) return true
  const published = getPublishedId(context.document._id)
  const holder = await context
    .getClient({apiVersion: STUDIO_API_VERSION})
    .fetch<{name?: string; abbreviation?: string} | null>(CODE_HOLDER, {
      code,
      draft: getDraftId(published),
      published,
    })
  if (!holder) return true
  return `${code} is already the code of ${holder.name ?? holder.abbreviation ?? 'another office'}: each code belongs to one office`
}
