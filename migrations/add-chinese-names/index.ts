import {append, at, defineMigration, patch, setIfMissing, type NodePatch} from 'sanity/migrate'

import {seedDocuments} from '../../data/seed/index.ts'

const LANGUAGE = 'zh-Hans'

type LocalizedItem = {_key: string; _type: 'localizedName'; language?: string; name?: string}
type Keyed = {_key: string; [field: string]: unknown}
type Named = {_id: string; _type: string; [field: string]: unknown}

/** The lists of names in other languages, by document type; positions are inside people. */
const LISTS: Record<string, string> = {office: 'officialNames', forum: 'localizedNames', event: 'localizedTitles', person: 'localizedNames'}

const chineseItem = (list: unknown) => (Array.isArray(list) ? (list as LocalizedItem[]).find((item) => item.language === LANGUAGE) : undefined)
const byId = new Map((seedDocuments as unknown as Named[]).map((doc) => [doc._id, doc]))

/** Adds the seed's item to `path` unless the list there already has a name in Chinese. */
function addMissing(path: (string | {_key: string})[], current: unknown, wanted: LocalizedItem | undefined): NodePatch[] {
  if (!wanted || chineseItem(current)) return []
  return [at(path, setIfMissing([])), at(path, append({...wanted}))]
}

/**
 * Adds the Simplified Chinese names the seed knows (offices, forums, the event, people and their positions)
 * to a dataset loaded before there were any: each goes where the document has no Chinese name yet, so names
 * an editor wrote stay and running it twice changes nothing. The shapes do not change: the lists are new
 * and optional, so older documents stay valid without it.
 *
 *   npx sanity migration run add-chinese-names            (dry run)
 *   npx sanity migration run add-chinese-names --no-dry-run
 */
export default defineMigration({
  title: 'Add the seed\'s Simplified Chinese names to offices, forums, events, people and positions',
  documentTypes: Object.keys(LISTS),
  migrate: {
    document(document) {
      const seeded = byId.get(document._id)
      const list = LISTS[document._type]
      if (!seeded || !list || seeded._type !== document._type) return undefined
      const operations = addMissing([list], document[list], chineseItem(seeded[list]))
      if (document._type === 'person') {
        const seededPositions = (seeded.positions as Keyed[] | undefined) ?? []
        for (const position of (document.positions as Keyed[] | undefined) ?? []) {
          const match = seededPositions.find((candidate) => candidate._key === position._key)
          operations.push(...addMissing(['positions', {_key: position._key}, 'localizedTitles'], position.localizedTitles, chineseItem(match?.localizedTitles)))
        }
      }
      if (operations.length === 0) return undefined
      return patch(document._id, operations, document._rev ? {ifRevision: document._rev} : undefined)
    },
  },
})
