import type {DefaultDocumentNodeResolver} from 'sanity/structure'

import {ReferencingArticles} from './views/referencing-articles.tsx'

/** Types whose editors show the articles that mention them. */
export const TYPES_WITH_ARTICLE_VIEW = ['office', 'person', 'event']

export const defaultDocumentNode: DefaultDocumentNodeResolver = (S, {schemaType}) =>
  TYPES_WITH_ARTICLE_VIEW.includes(schemaType)
    ? S.document().views([S.view.form(), S.view.component(ReferencingArticles).id('articles').title('Articles')])
    : S.document()
