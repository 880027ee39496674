import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {StoreQueries} from '../content-lake/query/query-store.ts'
import {DocumentStore} from '../content-lake/store/document-store.ts'
import * as site from '../queries/index.ts'
import {syntheticDataset} from './synthetic-dataset.ts'
const n = Number(process.argv[2] ?? 50000)
const documents = syntheticDataset(n)
const dir = mkdtempSync(join(tmpdir(), 'prof-'))
DocumentStore.open(join(dir, 'production'), () => documents).close()
const store = DocumentStore.open(join(dir, 'production'))
const q = new StoreQueries(store)
const query = process.argv[3] === "naive" ? "*[_type in [\"article\", \"person\", \"event\", \"office\", \"forum\"]] | order(_type asc, _id asc) {_type, _id, slug, _updatedAt, updatedAt, publishedAt}" : process.argv[3] ? process.argv[3] : site.sitemapQuery
for (let i = 0; i < 8; i++) {
  const t = performance.now()
  const r = await q.query(query, {}, 'published') as unknown[]
  const t2 = performance.now()
  const s = JSON.stringify(r)
  console.log(i, (t2 - t).toFixed(1), 'ms eval', (performance.now() - t2).toFixed(1), 'ms stringify', r.length, s.length)
}
