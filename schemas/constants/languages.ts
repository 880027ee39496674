/** A language the site publishes in: a BCP 47 tag and the name editors see. */
export interface SiteLanguage {
  id: string
  title: string
}

/** The language every name and title is required in: the model's plain string fields hold it. */
export const BASE_LANGUAGE = 'en'

/**
 * The site's languages unless `ipNews({languages})` says otherwise: English and Simplified Chinese.
 * Articles are translated document by document into these; names of offices, forums, events, people
 * and positions carry values for the languages other than English in `localizedName` lists.
 */
export const DEFAULT_LANGUAGES: readonly SiteLanguage[] = [
  {id: 'en', title: 'English'},
  {id: 'zh-Hans', title: 'Chinese (Simplified)'},
]

/** The site languages other than English, in order: the ones a preview shows a name in beside the English one. */
export const otherLanguages = (languages: readonly SiteLanguage[] = DEFAULT_LANGUAGES) =>
  languages.filter((language) => language.id !== BASE_LANGUAGE)
