// The model's documents that earlier seeds put on dotted paths: `office.cn`, `office.cn.patent-office`,
// `person.liao-tao`, `article.ip5-deputy-heads-2023.zh-hans`, `translation.ip5-deputy-heads-2023`.
const DOTTED = /^(article|event|forum|office|person|translation)\./

/** `drafts.` or `versions.<release>.` and the published id after it. */
export function splitVariant(id: string): {prefix: string; publishedId: string} {
  if (id.startsWith('drafts.')) return {prefix: 'drafts.', publishedId: id.slice('drafts.'.length)}
  const version = /^versions\.[^.]+\./.exec(id)
  if (version) return {prefix: version[0], publishedId: id.slice(version[0].length)}
  return {prefix: '', publishedId: id}
}

/**
 * Where a document of an earlier seed moves: the same id with "-" for every "." after its variant
 * prefix (`drafts.office.cn` → `drafts.office-cn`); undefined for ids that stay.
 */
export function rootPathId(id: string): string | undefined {
  const {prefix, publishedId} = splitVariant(id)
  return DOTTED.test(publishedId) ? prefix + publishedId.replaceAll('.', '-') : undefined
}
