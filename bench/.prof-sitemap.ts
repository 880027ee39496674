import {mkdtempSync, writeFileSync} from 'node:fs'
import {Session} from 'node:inspector/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {StoreQueries} from '../content-lake/query/query-store.ts'
import {DocumentStore} from '../content-lake/store/document-store.ts'
import * as site from '../queries/index.ts'
import {syntheticDataset} from './synthetic-dataset.ts'
const documents = syntheticDataset(50000)
const dir = mkdtempSync(join(tmpdir(), 'prof-'))
DocumentStore.open(join(dir, 'production'), () => documents).close()
const store = DocumentStore.open(join(dir, 'production'))
const q = new StoreQueries(store)
const query = process.argv[2] || site.sitemapQuery
await q.query(query, {}, 'published')
const session = process.env.PROF ? new Session() : undefined; if (session) { session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start') }
for (let i = 0; i < 10; i++) { const t = performance.now(); await q.query(query, {}, 'published'); console.log((performance.now() - t).toFixed(1)) }
if (session) { const {profile} = await session.post('Profiler.stop'); writeFileSync('/tmp/prof/sitemap.cpuprofile', JSON.stringify(profile)) }

