/** Where the next page of a (publishedAt, _id) cursor query starts. */
export interface PageCursor {
  afterPublishedAt: string | null
  afterId: string | null
}

export const FIRST_PAGE: PageCursor = {afterPublishedAt: null, afterId: null}

/** The cursor after a page, or null when the page was the last (shorter than the page size). */
export function nextPageCursor(
  page: readonly {_id: string; publishedAt: string | null}[],
  pageSize: number,
): PageCursor | null {
  const last = page.at(-1)
  if (!last || page.length < pageSize) return null
  return {afterPublishedAt: last.publishedAt, afterId: last._id}
}
