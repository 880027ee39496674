import type {Rule, RuleDef} from 'sanity'

import {isBlank} from '../rules/text.ts'

/*
 * Sanity hands each field's validation a rule that already holds the built-in checks of its type:
 * JSON type, date format, URL, reference, slug structure, allowed list values. `.error(message)` sets
 * the message of every check in that rule, so `rule.required().error('Set the publication date')`
 * also says "Set the publication date" for "yesterday" or for a number, hiding Sanity's own "Must be
 * a valid ISO-8601 formatted date string". So a field's rules follow one pattern:
 *
 *   validation: (rule) => [rule.custom(ownCheck), requiredRule(rule, 'Set the publication date and time')]
 *
 * - the rule Sanity passed keeps its built-in checks and their messages, with custom checks (which
 *   return their own messages) chained on it, and no `.error(message)`;
 * - each built-in constraint that needs our message (required, max, unique, uri, ...) sits on a rule of
 *   its own made by `withoutBuiltIns`, so that message covers that constraint only.
 */

/** A rule of the same type with none of the built-in checks, for one constraint and its own message. */
export function withoutBuiltIns<R extends RuleDef<R>>(rule: R): R {
  return (rule as unknown as Rule).skip() as unknown as R
}

/** "Required", with the field's own message, and nothing else: a wrong type still gets Sanity's message. */
export function requiredRule<R extends RuleDef<R>>(rule: R, message: string): R {
  return withoutBuiltIns(rule).required().error(message)
}

/** Required text: missing, empty or only spaces all get the field's message. */
export function requiredTextRule<R extends RuleDef<R>>(rule: R, message: string): R {
  return withoutBuiltIns(rule)
    .required()
    .custom((value) => (isBlank(value) ? message : true))
    .error(message)
}

/**
 * An address field's checks: Sanity's type check, and the allowed schemes with the field's message.
 * Sanity's default URL check is left out, or an address with a wrong scheme would get two messages.
 */
export function urlRules<R extends RuleDef<R>>(
  rule: R,
  options: Parameters<Rule['uri']>[0],
  message: string,
): R[] {
  const typeOnly = withoutBuiltIns(rule) as unknown as Rule
  return [typeOnly.type('String') as unknown as R, (withoutBuiltIns(rule) as unknown as Rule).uri(options).error(message) as unknown as R]
}

/**
 * Declares a field required to schema extraction and TypeGen, which look for a `required()` call,
 * while the field's own rule checks its presence. For fields where Sanity's required check would speak
 * twice (a required slug also makes Sanity check its inner `current`) or where a draft may go without
 * (Publish fills in `publishedAt`). At validation time this rule checks nothing.
 */
export function requiredForTypes<R extends RuleDef<R>>(rule: R): R {
  return (withoutBuiltIns(rule) as unknown as Rule).required().optional() as unknown as R
}
