import {SearchIcon} from '@sanity/icons/Search'
import {defineField, defineType} from 'sanity'
import {withoutBuiltIns} from '../fields/own-messages.ts'

/** Search-result title and description; both fall back to the article's own title and summary. */
export const seoFields = defineType({
  name: 'seoFields',
  title: 'Search engines',
  type: 'object',
  icon: SearchIcon,
  fields: [
    defineField({
      name: 'title',
      type: 'string',
      description: 'Leave empty to use the article title. Search engines cut titles after about 60 characters.',
      validation: (rule) => [rule, withoutBuiltIns(rule).max(60).error('Shorten the search title to 60 characters or fewer')],
    }),
    defineField({
      name: 'description',
      type: 'text',
      rows: 3,
      description: 'Leave empty to use the summary. Search engines show about 160 characters.',
      validation: (rule) => [rule, withoutBuiltIns(rule).max(160).error('Shorten the search description to 160 characters or fewer')],
    }),
  ],
})
