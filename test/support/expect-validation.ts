import {expect} from 'vitest'

import {errorsOf, validate} from './workspace.ts'

type Doc = {_id: string; _type: string; [key: string]: unknown}

/** The document passes every rule: no error and no warning. */
export async function expectValid(document: Doc, dataset: readonly Doc[] = []) {
  expect(await validate(document, dataset)).toEqual([])
}

/** Exactly one error, at `path`, with `message`: the rule under test fired and no other rule did. */
export async function expectOnlyError(document: Doc, dataset: readonly Doc[], path: string, message: string) {
  expect(await errorsOf(document, dataset)).toEqual([{level: 'error', path, message}])
}
