/**
 * Runs the local Content Lake: the part of Sanity's HTTP API the Studio and @sanity/client use, over
 * HTTP/2 with TLS on 127.0.0.1, with its data in .content-lake/ (seeded from data/seed.ndjson on first
 * run). Stops on Ctrl-C.
 *
 *   npm run lake [-- --port 3334] [--reset] [--data .content-lake]
 */
import {join, resolve} from 'node:path'
import {parseArgs} from 'node:util'

import {localCertificate} from '../content-lake/http/certificate.ts'
import {createLakeServer} from '../content-lake/http/server.ts'
import {openLocalDataset} from '../local-studio/start.ts'

const {values} = parseArgs({
  options: {
    port: {type: 'string', default: '3334'},
    reset: {type: 'boolean', default: false},
    data: {type: 'string', default: '.content-lake'},
    dataset: {type: 'string', default: process.env.SANITY_STUDIO_DATASET || 'production'},
    studio: {type: 'string'},
  },
})

const root = resolve(values.data)
const store = openLocalDataset(resolve(import.meta.dirname, '..'), root, values.dataset, values.reset)

const {port, close} = await createLakeServer({
  store,
  projectId: 'local',
  dataset: values.dataset,
  certificate: localCertificate(join(root, 'certificate')),
  port: Number(values.port),
  ...(values.studio ? {studioDir: resolve(values.studio)} : {}),
})

console.log(`Local Content Lake: https://localhost:${port} (project "local", dataset "${values.dataset}", ${store.size} documents)`)
console.log(`Its certificate is self-signed: open https://local.localhost:${port}/v1/ping once in your browser and accept it.`)

const stop = async () => {
  await close()
  store.close()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
