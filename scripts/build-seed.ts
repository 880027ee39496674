/**
 * Writes data/seed.ndjson from the typed seed modules in data/seed/.
 *   npm run data:seed
 */
import {writeFile} from 'node:fs/promises'

import {seedDocuments} from '../data/seed/index.ts'
import {toNdjson} from '../offline/ndjson.ts'

const target = new URL('../data/seed.ndjson', import.meta.url)
await writeFile(target, toNdjson(seedDocuments))
console.log(`Wrote ${seedDocuments.length} documents to data/seed.ndjson`)
