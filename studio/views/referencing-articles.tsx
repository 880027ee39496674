import {referencingView} from './referencing-documents.tsx'

/** The articles that reference the open office, person or event, live, newest first. */
export const ReferencingArticles = referencingView({type: 'article', noun: {singular: 'article', plural: 'articles'}, order: 'publishedAt desc'})

/** The events of the open forum, live, newest first. */
export const ForumEvents = referencingView({type: 'event', noun: {singular: 'event', plural: 'events'}, order: 'startDate desc'})
