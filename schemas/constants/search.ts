/**
 * Search options for the fields that name a document. Previews built with `prepare` select fields
 * under their own names (`name`, `abbreviation`), so the Studio's search cannot tell they are the
 * title and gives them no weight; these give a name the weight of a preview title (10), so a match on a
 * name ranks before a match on a document that merely refers to it.
 */
export const TITLE_SEARCH = {search: {weight: 10}} as const

/**
 * An abbreviation (CNIPA, IP5) identifies its office or forum exactly: a match there outranks an
 * article whose title mentions it and which also refers to it (title 10 plus reference 5).
 */
export const ABBREVIATION_SEARCH = {search: {weight: 20}} as const
