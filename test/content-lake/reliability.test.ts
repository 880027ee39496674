import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient} from '@sanity/client'
import {afterAll, beforeAll, expect, it} from 'vitest'

import {localCertificate} from '../../content-lake/http/certificate.ts'
import {createLakeServer} from '../../content-lake/http/server.ts'
import {DocumentStore} from '../../content-lake/store/document-store.ts'
import {projectRoot} from '../support/cli.ts'
import {TEST_TOKEN} from '../support/lake.ts'

// The local certificate is self-signed; this test process talks only to its own server on 127.0.0.1.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

const CLIENTS = 4
const UPDATES_EACH = 250
const MAX_ATTEMPTS_EACH = 20 * UPDATES_EACH // bounded: the loop stops by itself

let close: () => Promise<void>
let apiHost: string

beforeAll(async () => {
  const store = DocumentStore.open(mkdtempSync(join(tmpdir(), 'lake-reliability-')), () => [{_id: 'counter', _type: 'counter', value: 0}])
  const started = await createLakeServer({store, projectId: 'local', dataset: 'production', certificate: localCertificate(`${projectRoot}test/.tmp/certificate`), port: 0})
  close = started.close
  apiHost = `https://127.0.0.1:${started.port}`
})

afterAll(async () => close?.())

it('loses no update when four clients each make 250 increments with ifRevisionID; conflicts get 409', async () => {
  const conflicts: number[] = []
  const worker = async () => {
    const client = createClient({projectId: 'local', dataset: 'production', apiHost, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', token: TEST_TOKEN})
    let done = 0
    let conflictCount = 0
    for (let attempt = 0; attempt < MAX_ATTEMPTS_EACH && done < UPDATES_EACH; attempt++) {
      const counter = (await client.getDocument<{value: number}>('counter'))!
      try {
        await client.patch('counter').ifRevisionId(counter._rev).set({value: counter.value + 1}).commit()
        done += 1
      } catch (error) {
        if ((error as {statusCode?: number}).statusCode !== 409) throw error
        conflictCount += 1
      }
    }
    conflicts.push(conflictCount)
    return done
  }
  const done = await Promise.all(Array.from({length: CLIENTS}, worker))
  expect(done).toEqual([UPDATES_EACH, UPDATES_EACH, UPDATES_EACH, UPDATES_EACH])
  const client = createClient({projectId: 'local', dataset: 'production', apiHost, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', token: TEST_TOKEN})
  expect((await client.getDocument<{value: number}>('counter'))?.value).toBe(CLIENTS * UPDATES_EACH)
  expect(conflicts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0)
}, 120_000)
