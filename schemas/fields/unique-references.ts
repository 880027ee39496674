import {defineArrayMember, defineField, type ArrayRule, type FieldGroupDefinition} from 'sanity'

interface UniqueReferencesOptions {
  name: string
  title: string
  /** Document types the references may point to. */
  to: string[]
  /** Shown at each repeated item, for example "Each office is listed once: remove the repeat". */
  repeatMessage: string
  group?: FieldGroupDefinition['name']
  description?: string
  /** Further rules on the list, beside the one against repeats. */
  rules?: (rule: ArrayRule<unknown[]>) => ArrayRule<unknown[]>[]
}

/** A list of references in which each document appears once, as article offices or forum members. */
export function uniqueReferences({name, title, to, repeatMessage, group, description, rules}: UniqueReferencesOptions) {
  return defineField({
    name,
    title,
    type: 'array',
    ...(group ? {group} : {}),
    ...(description ? {description} : {}),
    of: [defineArrayMember({type: 'reference', to: to.map((type) => ({type}))})],
    validation: (rule) => [rule.unique().error(repeatMessage), ...(rules?.(rule) ?? [])],
  })
}
