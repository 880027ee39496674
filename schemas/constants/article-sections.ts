/** The site's sections, in the order the site's navigation shows them. */
export const articleSections = [
  {title: 'IP News', value: 'news'},
  {title: 'Alerts', value: 'alert'},
  {title: 'Articles', value: 'article'},
  {title: 'Cases', value: 'case'},
  {title: 'Links', value: 'link'},
] as const

export type ArticleSection = (typeof articleSections)[number]['value']

export function sectionTitle(value: string | undefined): string | undefined {
  return articleSections.find((section) => section.value === value)?.title
}
