import {EVERY_DOCUMENT} from '../content-lake/access/grants.ts'
import {LOCAL_USERS, type LocalUsers} from '../content-lake/http/identity.ts'
import {REFERENCE_DATA_TYPES} from '../schemas/constants/ids.ts'

/**
 * Documents only administrators change: the reference data (offices, people, forums) and the cookie
 * policy (a legal text). Drafts and release versions carry their document's type, so they are covered.
 */
export const ADMINISTRATOR_ONLY_TYPES = [...REFERENCE_DATA_TYPES, 'cookiePolicy'] as const

/**
 * The grants of an editor of this content model, as a hosted custom role would give them: read and see
 * the history of everything; create, change and delete everything else (articles, events, their drafts
 * and versions, uploaded images and files). The lake enforces them, and the Studio reads them from
 * `/acl` and shows the administrators' documents read-only by itself.
 */
export const EDITOR_WRITE_FILTER = `!(_type in ${JSON.stringify(ADMINISTRATOR_ONLY_TYPES)})`

/** The local users of this package's Studio: Sanity's administrator, and an editor narrowed as above. */
export const IP_NEWS_USERS: LocalUsers = {
  administrator: LOCAL_USERS.administrator,
  editor: {
    ...LOCAL_USERS.editor,
    grants: [
      {filter: EVERY_DOCUMENT, permissions: ['read', 'history']},
      {filter: EDITOR_WRITE_FILTER, permissions: ['create', 'update']},
    ],
  },
}
