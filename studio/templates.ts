import type {Template} from 'sanity'

import {articleSections} from '../schemas/constants/article-sections.ts'

export const ARTICLE_IN_SECTION_TEMPLATE = 'article-in-section'

/** "New article" inside a section list starts in that section. */
export const articleInSection: Template<{section: string}, {section: string}> = {
  id: ARTICLE_IN_SECTION_TEMPLATE,
  title: 'Article in section',
  schemaType: 'article',
  parameters: [{name: 'section', title: 'Section', type: 'string'}],
  value: (params) => {
    const section = params?.section
    if (!section || !articleSections.some((known) => known.value === section)) {
      throw new Error(`Unknown article section "${section}"`)
    }
    return {section}
  },
}
