import type {DefaultDocumentNodeResolver} from 'sanity/structure'

import {ForumEvents, ReferencingArticles} from './views/referencing-articles.tsx'

/** Types whose editors show the articles that mention them. */
export const TYPES_WITH_ARTICLE_VIEW = ['office', 'person', 'event']

export const defaultDocumentNode: DefaultDocumentNodeResolver = (S, {schemaType}) => {
  if (TYPES_WITH_ARTICLE_VIEW.includes(schemaType)) {
    return S.document().views([S.view.form(), S.view.component(ReferencingArticles).id('articles').title('Articles')])
  }
  if (schemaType === 'forum') {
    return S.document().views([S.view.form(), S.view.component(ForumEvents).id('events').title('Events')])
  }
  return S.document()
}
