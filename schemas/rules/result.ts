/** What every rule here returns: `true` when the value is fine, otherwise a message for the editor. */
export type RuleResult = true | string

/** A document-level rule's message, shown at the field it concerns. */
export function atField(field: string, result: RuleResult): true | {message: string; path: string[]} {
  return result === true ? true : {message: result, path: [field]}
}

/** An array rule's message, shown at each offending item (or `true` when there is none). */
export function atItems<T extends {_key: string}>(
  items: readonly T[],
  message: (item: T) => string,
): true | {message: string; path: {_key: string}[]}[] {
  return items.length === 0 ? true : items.map((item) => ({message: message(item), path: [{_key: item._key}]}))
}

/** A document-level rule's message, shown at each of the fields it concerns (a name in two parts). */
export function atFields(fields: readonly string[], result: RuleResult): true | {message: string; path: string[]}[] {
  return result === true ? true : fields.map((field) => ({message: result, path: [field]}))
}
