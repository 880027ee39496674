/** What every rule here returns: `true` when the value is fine, otherwise a message for the editor. */
export type RuleResult = true | string
