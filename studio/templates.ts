import type {Template} from 'sanity'

import {articleSections, type ArticleSection} from '../schemas/constants/article-sections.ts'

/** The id of the template that starts an article in one section: `article-in-alert`, ... */
export const articleSectionTemplateId = (section: ArticleSection) => `article-in-${section}`

/**
 * "+" inside a section list starts the article in that section. One template per section (not one
 * template with a parameter): the structure tool finds the pane that opens a new document by the
 * template's id alone, so each section list can only claim its own new articles.
 */
export const articleSectionTemplates: Template<Record<string, never>, {section: ArticleSection}>[] = articleSections.map(
  ({title, value}) => ({
    id: articleSectionTemplateId(value),
    title: `Article in ${title}`,
    schemaType: 'article',
    value: {section: value},
  }),
)

export const isArticleSectionTemplate = (templateId: string) =>
  articleSections.some(({value}) => articleSectionTemplateId(value) === templateId)
