import {evaluateSync, parse, toJS, type ExprNode} from 'groq-js'

import {LakeError} from '../errors.ts'
import {compileGroq, type CompiledQuery} from '../query/compiled-groq.ts'
import type {Doc} from '../store/document-store.ts'

/** What a grant allows on the documents its filter matches, as in the hosted lake's dataset ACL. */
export type Permission = 'read' | 'create' | 'update' | 'history' | 'manage'

/** One dataset grant: `/projects/:id/datasets/:dataset/acl` lists them, and the Studio evaluates them itself. */
export interface Grant {
  filter: string
  permissions: Permission[]
}

/** The filter that matches every document, drafts and versions included. */
export const EVERY_DOCUMENT = '_id in path("**")'

/** The documents a request without credentials reads on a public dataset: ids that are root paths (no "."). */
export const PUBLIC_DOCUMENTS = '_id in path("*")'

const parsedFilters = new Map<string, {tree: ExprNode; compiled: CompiledQuery | undefined}>()

/**
 * Whether a grant's GROQ filter matches a document: evaluated as the Studio does, `*[filter]` over it
 * alone. Compiled where it can be (`_type in [...]`, `_id in path(...)`): groq-js throws for a document
 * with a field named `hasOwnProperty`, which would fail the write with a 500 instead of checking it.
 * A filter that reads `identity()` goes to groq-js.
 */
function matches(filter: string, doc: Doc, identity: string): boolean {
  let parsed = parsedFilters.get(filter)
  if (!parsed) {
    const tree = parse(`*[${filter}]`)
    parsedFilters.set(filter, (parsed = {tree, compiled: compileGroq(tree)}))
  }
  const result = (parsed.compiled ? parsed.compiled({params: {identity}, dataset: [doc]}) : toJS(evaluateSync(parsed.tree, {dataset: [doc], identity, params: {identity}}))) as unknown[]
  return result.length === 1
}

/** Whether any grant with `permission` matches the document. */
export function isPermitted(grants: readonly Grant[], permission: Permission, doc: Doc, identity: string): boolean {
  return grants.some((grant) => grant.permissions.includes(permission) && matches(grant.filter, doc, identity))
}

/**
 * The hosted lake's rule for a write, which is also the rule the Studio applies to its buttons: a new
 * document needs `create` on it; a change needs `update` on the document as it was and as it becomes;
 * a deletion needs `update` on the document. Throws 403 naming the document otherwise.
 */
export function authorizeChange(user: {id: string; name: string; grants: readonly Grant[]}, change: {id: string; before: Doc | null; after: Doc | null}) {
  const {before, after} = change
  const needs: [Permission, Doc][] = before && after ? [['update', before], ['update', after]] : before ? [['update', before]] : after ? [['create', after]] : []
  for (const [permission, doc] of needs) {
    if (!isPermitted(user.grants, permission, doc, user.id)) {
      const verb = !before ? 'create' : !after ? 'delete' : 'change'
      throw new LakeError(
        403,
        'permissionDenied',
        `${user.name} may not ${verb} "${change.id}" (a ${doc._type} document): the role's grants do not give "${permission}" on it. Ask an administrator.`,
      )
    }
  }
}

/** Whether the grants let their holder read every document (the only reading rule this lake enforces). */
export function readsEverything(grants: readonly Grant[]): boolean {
  return grants.some((grant) => grant.filter === EVERY_DOCUMENT && grant.permissions.includes('read'))
}
