/** What every rule here returns: `true` when the value is fine, otherwise a message for the editor. */
export type RuleResult = true | string

/** A document-level rule's message, shown at the field it concerns. */
export function atField(field: string, result: RuleResult): true | {message: string; path: string[]} {
  return result === true ? true : {message: result, path: [field]}
}
