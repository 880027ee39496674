import {publishedIdOf} from '../../content-lake/store/document-ids.ts'

// The model's documents that earlier seeds put on dotted paths: `office.cn`, `office.cn.patent-office`,
// `person.liao-tao`, `article.ip5-deputy-heads-2023.zh-hans`, `translation.ip5-deputy-heads-2023`.
const DOTTED = /^(article|event|forum|office|person|translation)\./

/**
 * Where a document of an earlier seed moves: the same id with "-" for every "." after its variant
 * prefix (`drafts.office.cn` → `drafts.office-cn`); undefined for ids that stay.
 */
export function rootPathId(id: string): string | undefined {
  const publishedId = publishedIdOf(id)
  const prefix = id.slice(0, id.length - publishedId.length)
  return DOTTED.test(publishedId) ? prefix + publishedId.replaceAll('.', '-') : undefined
}
