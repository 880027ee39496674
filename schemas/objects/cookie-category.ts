import {ControlsIcon} from '@sanity/icons/Controls'
import {defineField, defineType} from 'sanity'

import {checkOffByDefault, type CookieCategoryLike} from '../rules/cookie-consent.ts'
import {requiredRule, requiredTextRule} from '../fields/own-messages.ts'

/** A purpose visitors consent to as a whole, such as "analytics". */
export const cookieCategory = defineType({
  name: 'cookieCategory',
  title: 'Cookie category',
  type: 'object',
  icon: ControlsIcon,
  fields: [
    defineField({
      name: 'key',
      type: 'slug',
      description: 'The identifier the site stores with a visitor\'s choice, for example "analytics". Cookies name their category by it.',
      options: {
        source: (_doc, context) => (context.parent as {title?: string})?.title ?? '',
        // Keys are unique within the policy: the categories list checks that, naming the repeated key.
        isUnique: () => true,
      },
      validation: (rule) => [rule, requiredRule(rule, 'Enter a key, for example "analytics"')],
    }),
    defineField({
      name: 'title',
      type: 'string',
      validation: (rule) => [rule, requiredTextRule(rule, 'Give the category a title visitors understand, for example "Analytics"')],
    }),
    defineField({
      name: 'description',
      type: 'text',
      rows: 3,
      description: 'What the cookies in this category are for, in words a visitor understands.',
      validation: (rule) => [rule, requiredTextRule(rule, 'Describe the purpose: visitors must know what they consent to')],
    }),
    defineField({
      name: 'strictlyNecessary',
      title: 'Strictly necessary',
      type: 'boolean',
      description: 'The site cannot work without these cookies, so no consent is asked (ePrivacy Directive art. 5(3)). One category only.',
      initialValue: false,
    }),
    defineField({
      name: 'required',
      type: 'boolean',
      description: 'Visitors cannot switch this category off.',
      initialValue: false,
    }),
    defineField({
      name: 'enabledByDefault',
      title: 'On by default',
      type: 'boolean',
      description: 'Only the strictly necessary category may be on before the visitor chooses.',
      initialValue: false,
      validation: (rule) => rule.custom((_value, context) => checkOffByDefault(context.parent as CookieCategoryLike)),
    }),
  ],
  preview: {
    select: {title: 'title', key: 'key.current', necessary: 'strictlyNecessary', required: 'required'},
    prepare: ({title, key, necessary, required}) => ({
      title,
      subtitle: [key, necessary ? 'strictly necessary' : undefined, required ? 'always on' : 'optional']
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
