import {defineArrayMember, defineField, type CustomValidator, type FieldGroupDefinition} from 'sanity'

import {checkHasItems} from '../rules/list-items.ts'
import {requiredRule, withoutBuiltIns} from './own-messages.ts'

interface UniqueReferencesOptions {
  name: string
  title: string
  /** Document types the references may point to (the document's structure rule checks the targets' types). */
  to: string[]
  /** Shown at each repeated item, for example "Each office is listed once: remove the repeat". */
  repeatMessage: string
  /** When the list must hold at least one reference: the message for a missing or empty list. */
  requiredMessage?: string
  group?: FieldGroupDefinition['name']
  description?: string
  /** Further checks of the list, each returning its own message. */
  checks?: CustomValidator<unknown[] | undefined>[]
  /** Options of each reference, such as a search filter. */
  options?: {filter: string}
}

/** A list of references in which each document appears once, as article offices or forum members. */
export function uniqueReferences({name, title, to, repeatMessage, requiredMessage, group, description, checks, options}: UniqueReferencesOptions) {
  return defineField({
    name,
    title,
    type: 'array',
    ...(group ? {group} : {}),
    ...(description ? {description} : {}),
    of: [defineArrayMember({type: 'reference', to: to.map((type) => ({type})), ...(options ? {options} : {})})],
    validation: (rule) => [
      // Sanity's own checks (a list, of references) keep their messages; each of ours has its own rule.
      (checks ?? []).reduce((chained, check) => chained.custom(check), rule),
      withoutBuiltIns(rule).unique().error(repeatMessage),
      ...(requiredMessage
        ? [requiredRule(rule, requiredMessage), withoutBuiltIns(rule).custom((items) => checkHasItems(items, requiredMessage))]
        : []),
    ],
  })
}
