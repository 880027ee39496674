/**
 * Search options for the fields that title a document. Previews built with `prepare` select fields
 * under their own names (`name`, `abbreviation`), so the Studio's search cannot tell they are the
 * title and gives them no weight; this gives them the weight of a preview title (10), so a match on a
 * name ranks before a match on a document that merely refers to it.
 */
export const TITLE_SEARCH = {search: {weight: 10}} as const
