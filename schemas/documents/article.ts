import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {articleSections, sectionTitle, type ArticleSection} from '../constants/article-sections.ts'
import {ipRights} from '../constants/ip-rights.ts'
import {topics} from '../constants/topics.ts'
import {isUniqueAmongType} from '../dataset-checks/unique-slug.ts'
import {MISSING_OFFICE_HINT, officesOnly} from '../fields/office-reference.ts'
import {uniqueReferences} from '../fields/unique-references.ts'
import {checkCaseDetails, checkExternalUrl} from '../rules/article-section.ts'
import {checkNotBefore} from '../rules/date-order.ts'
import {atField} from '../rules/result.ts'
import {checkLanguageTag} from '../rules/language-tag.ts'
import {checkPublishedAtPresent} from '../rules/published-at.ts'
import {checkSlug, checkSlugPresent} from '../rules/slug.ts'
import {checkDocumentStructure} from '../dataset-checks/document-structure.ts'
import {requiredRule, requiredTextRule, urlRules, withoutBuiltIns, requiredForTypes} from '../fields/own-messages.ts'
import {LanguageCodeInput} from '../components/code-select-input.tsx'
import {languageBadge, languageLabel} from '../fields/language-badge.ts'

type ArticleDocument = {section?: ArticleSection; publishedAt?: string}

/**
 * Language-specific fields a translation starts without: creating one from the Translations menu copies the
 * rest (section, slug, offices, people, events, IP rights, topics, source, link address, case details).
 */
const NOT_COPIED_TO_TRANSLATIONS = {documentInternationalization: {exclude: true}} as const
const sectionOf = (document: unknown) => (document as ArticleDocument | undefined)?.section

export const article = defineType({
  name: 'article',
  title: 'Article',
  type: 'document',
  icon: DocumentTextIcon,
  groups: [
    {name: 'content', title: 'Content', default: true},
    {name: 'publishing', title: 'Publishing'},
    {name: 'about', title: 'About'},
    {name: 'source', title: 'Source'},
    {name: 'case', title: 'Case', hidden: ({document}) => sectionOf(document) !== 'case'},
    {name: 'seo', title: 'SEO'},
  ],
  // Rules that depend on the section live on the document and point at the field they concern.
  validation: (rule) => [
    rule.custom((document) => atField('externalUrl', checkExternalUrl(sectionOf(document), (document as {externalUrl?: string})?.externalUrl))),
    rule.custom((document) => atField('caseDetails', checkCaseDetails(sectionOf(document), (document as {caseDetails?: unknown})?.caseDetails))),
    rule.custom((document) => atField('publishedAt', checkPublishedAtPresent((document as ArticleDocument | undefined)?.publishedAt, document?._id))),
    rule.custom(checkDocumentStructure),
  ],
  fields: [
    defineField({
      name: 'title',
      type: 'string',
      group: 'content',
      options: NOT_COPIED_TO_TRANSLATIONS,
      validation: (rule) => [rule, requiredTextRule(rule, 'Give the article a title')],
    }),
    defineField({
      name: 'slug',
      type: 'slug',
      group: 'content',
      description: 'The last part of the article\'s address. Generate it from the title.',
      options: {source: 'title', maxLength: 96, isUnique: isUniqueAmongType},
      // Two parameters keep this a function, which schema extraction calls and so sees `requiredForTypes`.
      validation: (rule, _context) => [rule.custom(checkSlug).custom((slug) => checkSlugPresent(slug, 'Generate a slug from the title')), requiredForTypes(rule)],
    }),
    defineField({
      name: 'section',
      type: 'string',
      group: ['content', 'publishing'],
      description: 'Where the site lists the article.',
      options: {list: [...articleSections], layout: 'radio', direction: 'horizontal'},
      initialValue: 'news',
      validation: (rule) => [rule, requiredRule(rule, 'Choose the section the article appears in')],
    }),
    defineField({
      name: 'summary',
      type: 'text',
      rows: 3,
      group: 'content',
      description: 'One or two sentences for lists and link previews.',
      options: NOT_COPIED_TO_TRANSLATIONS,
      validation: (rule) => [rule, withoutBuiltIns(rule).max(300).warning('Summaries read best under 300 characters')],
    }),
    defineField({
      name: 'externalUrl',
      title: 'Link address',
      type: 'url',
      group: 'content',
      description: 'The page this entry in Links points to.',
      hidden: ({document}) => sectionOf(document) !== 'link',
      validation: (rule) => urlRules(rule, {scheme: ['http', 'https']}, 'Enter an address starting with https:// or http://'),
    }),
    defineField({name: 'mainImage', title: 'Main image', type: 'accessibleImage', group: 'content', options: {hotspot: true, ...NOT_COPIED_TO_TRANSLATIONS}}),
    defineField({name: 'body', type: 'richText', group: 'content', options: NOT_COPIED_TO_TRANSLATIONS}),
    defineField({
      name: 'publishedAt',
      title: 'Published',
      type: 'datetime',
      group: 'publishing',
      description: 'Filled in with the time of publishing when the article is first published. Set it yourself to show another date.',
      options: NOT_COPIED_TO_TRANSLATIONS,
      // Required, except in a draft: on the document, where the id says which it is (see validation above).
      validation: (rule, _context) => [rule, requiredForTypes(rule)],
    }),
    defineField({
      name: 'updatedAt',
      title: 'Updated',
      type: 'datetime',
      group: 'publishing',
      description: 'Set when the article is changed in substance after publication.',
      options: NOT_COPIED_TO_TRANSLATIONS,
      validation: (rule) =>
        rule.custom((updatedAt, context) =>
          checkNotBefore(
            updatedAt,
            (context.document as ArticleDocument | undefined)?.publishedAt,
            'The update cannot be earlier than the publication: set it on or after the published date',
          ),
        ),
    }),
    defineField({
      name: 'language',
      type: 'string',
      group: 'publishing',
      description:
        'The language of the article (stored as its BCP 47 tag: en, zh-Hans, ...). Set when the article is created; a translation is made from the Translations menu above the form, which links the two.',
      components: {input: LanguageCodeInput},
      readOnly: true,
      initialValue: 'en',
      validation: (rule) => [rule.custom(checkLanguageTag), requiredTextRule(rule, 'Enter the article\'s language, for example en')],
    }),
    uniqueReferences({
      name: 'offices',
      title: 'Offices it is about',
      group: 'about',
      to: ['office'],
      options: officesOnly,
      description: MISSING_OFFICE_HINT,
      repeatMessage: 'Each office is listed once: remove the repeat',
    }),
    uniqueReferences({
      name: 'people',
      title: 'People mentioned',
      group: 'about',
      to: ['person'],
      repeatMessage: 'Each person is listed once: remove the repeat',
    }),
    uniqueReferences({
      name: 'events',
      title: 'Events covered',
      group: 'about',
      to: ['event'],
      repeatMessage: 'Each event is listed once: remove the repeat',
    }),
    defineField({
      name: 'ipRights',
      title: 'IP rights',
      type: 'array',
      group: 'about',
      of: [defineArrayMember({type: 'string'})],
      options: {list: [...ipRights]},
    }),
    defineField({
      name: 'topics',
      type: 'array',
      group: 'about',
      of: [defineArrayMember({type: 'string'})],
      options: {list: [...topics]},
    }),
    defineField({name: 'source', type: 'articleSource', group: 'source'}),
    defineField({
      name: 'translation',
      type: 'translationInfo',
      group: 'source',
      description:
        'Fill in when the article is translated from a page outside this dataset, such as a CNIPA page. Translations of articles in this dataset are linked through the Translations menu instead.',
      options: NOT_COPIED_TO_TRANSLATIONS,
    }),
    defineField({
      name: 'caseDetails',
      title: 'Case details',
      type: 'caseDetails',
      group: 'case',
      hidden: ({document}) => sectionOf(document) !== 'case',
    }),
    defineField({name: 'seo', title: 'Search engines', type: 'seoFields', group: 'seo', options: NOT_COPIED_TO_TRANSLATIONS}),
  ],
  orderings: [
    {title: 'Newest first', name: 'publishedAtDesc', by: [{field: 'publishedAt', direction: 'desc'}]},
    {title: 'Title', name: 'titleAsc', by: [{field: 'title', direction: 'asc'}]},
  ],
  preview: {
    select: {title: 'title', section: 'section', publishedAt: 'publishedAt', language: 'language', media: 'mainImage'},
    prepare: ({title, section, publishedAt, language, media}) => ({
      title,
      subtitle: [sectionTitle(section), typeof publishedAt === 'string' ? publishedAt.slice(0, 10) : 'not dated', languageLabel(language)]
        .filter(Boolean)
        .join(' · '),
      // The language as a badge where the article has no image of its own.
      media: media ?? languageBadge(language),
    }),
  },
})
