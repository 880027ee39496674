import {X509Certificate} from 'node:crypto'
import {mkdtempSync, readFileSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {localCertificate} from '../../content-lake/http/certificate.ts'
import {postJson, raw, startLake, type InProcessLake} from '../support/lake.ts'

// The lake serves its own Studio, the origins the user names, and nobody else; and the roles it
// reports are the roles it enforces.

const v = '/v2025-02-19'
let lake: InProcessLake
let own: string
const EDITOR = {cookie: 'sanity-local-user=editor'}

beforeAll(async () => {
  lake = await startLake({corsOrigins: ['http://localhost:3000']})
  own = `https://local.localhost:${lake.port}`
})
afterAll(async () => lake?.close())

describe('other sites cannot use the lake from a browser', () => {
  it('refuses a cross-site form or text/plain post that would delete an office, and a null origin', async () => {
    for (const origin of ['https://evil.example', 'null', `http://local.localhost:${lake.port}`, 'https://localhost:1']) {
      const response = await raw(lake.port, `${v}/data/mutate/production`, {
        method: 'POST',
        headers: {origin, 'content-type': 'text/plain'},
        body: JSON.stringify({mutations: [{delete: {id: 'office-kr'}}]}),
      })
      expect(response.status, origin).toBe(403)
      expect(response.headers['access-control-allow-origin']).toBeUndefined()
    }
    const form = await raw(lake.port, `${v}/data/mutate/production`, {method: 'POST', headers: {origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded'}, body: 'mutations=x'})
    expect(form.status).toBe(403)
    const read = await raw(lake.port, `${v}/data/query/production?query=*`, {headers: {origin: 'https://evil.example'}})
    expect(read.status).toBe(403)
    expect(lake.store.get('office-kr')).toBeDefined()
  })

  it('accepts writes only as application/json, even without an Origin', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const response = await raw(lake.port, `${v}/data/mutate/production`, {method: 'POST', headers: type ? {'content-type': type} : {}, body: JSON.stringify({mutations: [{delete: {id: 'office-kr'}}]})})
      expect(response.status, type).toBe(415)
    }
    expect(lake.store.get('office-kr')).toBeDefined()
  })

  it('gives credentials and CORS to its own origin and to origins the user named only', async () => {
    const mine = await raw(lake.port, `${v}/users/me`, {headers: {origin: own}})
    expect(mine.status).toBe(200)
    expect(mine.headers['access-control-allow-origin']).toBe(own)
    expect(mine.headers['access-control-allow-credentials']).toBe('true')
    const preflight = await raw(lake.port, `${v}/data/mutate/production`, {method: 'OPTIONS', headers: {origin: 'http://localhost:3000', 'access-control-request-method': 'POST'}})
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:3000')
    const refusedPreflight = await raw(lake.port, `${v}/data/mutate/production`, {method: 'OPTIONS', headers: {origin: 'http://localhost:3001', 'access-control-request-method': 'POST'}})
    expect(refusedPreflight.status).toBe(403)
    expect(refusedPreflight.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('lets pages of a named origin (a site) read but not write, and says so in /users/me', async () => {
    const site = {origin: 'http://localhost:3000'}
    const read = await raw(lake.port, `${v}/data/query/production?query=${encodeURIComponent('*[_id == "office-kr"][0]._id')}`, {headers: site})
    expect(read.status).toBe(200)
    expect(read.json().result).toBe('office-kr')
    const me = (await raw(lake.port, `${v}/users/me`, {headers: site})).json()
    expect(me.role).toBe('viewer')
    const write = await postJson(lake.port, `${v}/data/mutate/production`, {mutations: [{patch: {id: 'office-kr', set: {name: 'Renamed by a page'}}}]}, site)
    expect(write.status).toBe(403)
    expect(write.json().error.description ?? write.json().error.message ?? write.text).toMatch(/may not change "office-kr"/)
    const upload = await raw(lake.port, `${v}/assets/images/production`, {method: 'POST', headers: {...site, 'content-type': 'image/png'}, body: readFileSync(new URL('../fixtures/red-3x2.png', import.meta.url))})
    expect(upload.status).toBe(403)
    expect((await raw(lake.port, `${v}/users/me/keyvalue/studio.x`, {method: 'PUT', headers: {...site, 'content-type': 'application/json'}, body: '[]'})).status).toBe(403)
    expect(lake.store.get('office-kr')?.name).not.toBe('Renamed by a page')
    // The Studio's own origin keeps the lake's user.
    expect((await raw(lake.port, `${v}/users/me`, {headers: {origin: own}})).json().role).toBe('administrator')
  })

  it('answers only for loopback host names (no DNS rebinding), and builds asset URLs from its own origin', async () => {
    for (const host of ['evil.example', `evil.example:${lake.port}`, '10.0.0.1', 'localhost.evil.example']) {
      expect((await raw(lake.port, `${v}/ping`, {headers: {host}})).status, host).toBe(421)
    }
    for (const host of [`localhost:${lake.port}`, `local.localhost:${lake.port}`, `127.0.0.1:${lake.port}`, `[::1]:${lake.port}`]) {
      expect((await raw(lake.port, `${v}/ping`, {headers: {host}})).status, host).toBe(200)
    }
    const png = readFileSync(new URL('../fixtures/red-3x2.png', import.meta.url))
    const upload = await raw(lake.port, `${v}/assets/images/production`, {method: 'POST', headers: {host: `attacker.localhost:${lake.port}`, 'content-type': 'image/png'}, body: png})
    expect(upload.json().document.url).toMatch(new RegExp(`^https://localhost:${lake.port}/images/local/production/`))
  })

  it('serves an uploaded SVG (or HTML file) inert: nosniff and a sandboxing Content-Security-Policy', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script></svg>')
    const image = (await raw(lake.port, `${v}/assets/images/production?filename=x.svg`, {method: 'POST', headers: {'content-type': 'image/svg+xml'}, body: svg})).json().document
    const served = await raw(lake.port, new URL(image.url).pathname)
    expect(served.headers['content-type']).toBe('image/svg+xml')
    expect(served.headers['x-content-type-options']).toBe('nosniff')
    expect(served.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/)
    const html = (await raw(lake.port, `${v}/assets/files/production?filename=page.html`, {method: 'POST', headers: {'content-type': 'text/html'}, body: '<script>alert(1)</script>'})).json().document
    const page = await raw(lake.port, new URL(html.url).pathname)
    expect(page.headers['content-security-policy']).toMatch(/sandbox/)
    expect(page.headers['content-disposition']).toBe('attachment')
  })

  it('makes a leaf certificate for loopback names only, its key readable by the owner alone', () => {
    const directory = mkdtempSync(join(tmpdir(), 'lake-certificate-'))
    const {cert} = localCertificate(directory)
    const x509 = new X509Certificate(cert)
    expect(x509.ca).toBe(false)
    expect(x509.subjectAltName?.split(', ').toSorted()).toEqual(['DNS:*.localhost', 'DNS:localhost', 'IP Address:0:0:0:0:0:0:0:1', 'IP Address:127.0.0.1'])
    expect(statSync(join(directory, 'localhost.key')).mode & 0o077).toBe(0)
    expect(x509.checkHost('evil.example')).toBeUndefined()
  })
})

describe('roles are enforced by the lake, as the grants it reports say', () => {
  const mutateAs = (headers: Record<string, string>, mutations: unknown[]) => postJson(lake.port, `${v}/data/mutate/production`, {mutations}, headers)
  const actAs = (headers: Record<string, string>, actions: unknown[]) => postJson(lake.port, `${v}/data/actions/production`, {actions}, headers)

  it('reports an editor\'s grants with GROQ filters the Studio evaluates itself', async () => {
    const acl = (await raw(lake.port, `${v}/projects/local/datasets/production/acl`, {headers: EDITOR})).json()
    expect(acl).toEqual([
      {filter: '_id in path("**")', permissions: ['read', 'history']},
      {filter: '!(_type in ["office","person","forum","cookiePolicy"])', permissions: ['create', 'update']},
    ])
    const me = (await raw(lake.port, `${v}/users/me`, {headers: EDITOR})).json()
    expect(me).toMatchObject({id: 'local-editor', role: 'editor'})
    expect(me.grants).toBeUndefined()
  })

  it('refuses an editor\'s mutations and actions on offices, people, forums and the cookie policy with 403', async () => {
    const refused = [
      await mutateAs(EDITOR, [{patch: {id: 'office-kr', set: {name: 'Renamed by an editor'}}}]),
      await mutateAs(EDITOR, [{delete: {id: 'cookiePolicy'}}]),
      await mutateAs(EDITOR, [{create: {_id: 'person.new', _type: 'person', familyName: 'New'}}]),
      await mutateAs(EDITOR, [{createOrReplace: {_id: 'drafts.forum-ip5', _type: 'forum', name: 'Draft by an editor'}}]),
      // Turning an article into an office is a change to an office.
      await mutateAs(EDITOR, [{createOrReplace: {_id: 'article.turned', _type: 'article', title: 'x'}}, {createOrReplace: {_id: 'article.turned', _type: 'office', name: 'x'}}]),
      await actAs(EDITOR, [{actionType: 'sanity.action.document.edit', draftId: 'drafts.office-kr', publishedId: 'office-kr', patch: {set: {name: 'x'}}}]),
      await actAs(EDITOR, [{actionType: 'sanity.action.document.delete', publishedId: 'cookiePolicy', includeDrafts: []}]),
    ]
    for (const response of refused) {
      expect(response.status, response.text).toBe(403)
      expect(response.json().error.description).toMatch(/Local editor may not .* Ask an administrator/)
    }
    expect(lake.store.get('office-kr')?.name).not.toBe('Renamed by an editor')
    expect(lake.store.get('cookiePolicy')).toBeDefined()
    expect(lake.store.get('drafts.forum-ip5')).toBeUndefined()
  })

  it('lets an editor write articles and events, and an administrator everything', async () => {
    expect((await mutateAs(EDITOR, [{create: {_id: 'drafts.article.by-editor', _type: 'article', title: 'By the editor'}}])).status).toBe(200)
    expect((await actAs(EDITOR, [{actionType: 'sanity.action.document.publish', draftId: 'drafts.article.by-editor', publishedId: 'article.by-editor'}])).status).toBe(200)
    expect((await mutateAs(EDITOR, [{patch: {id: 'event-ip5-deputy-heads-2023', set: {note: 'edited'}}}])).status).toBe(200)
    expect((await mutateAs({}, [{patch: {id: 'office-kr', set: {headquarters: 'Daejeon'}}}])).status).toBe(200)
    expect((await actAs({}, [{actionType: 'sanity.action.document.edit', draftId: 'drafts.cookiePolicy', publishedId: 'cookiePolicy', patch: {set: {title: 'Cookies'}}}])).status).toBe(200)
  })

  it('checks the grants on a document with fields named like Object\'s own (constructor, toString)', async () => {
    const odd = {constructor: 1, toString: 'a field like any other', valueOf: [1]}
    expect((await mutateAs(EDITOR, [{create: {_id: 'article.odd-fields', _type: 'article', title: 'Odd', ...odd}}])).status).toBe(200)
    const refused = await mutateAs(EDITOR, [{create: {_id: 'office.odd-fields', _type: 'office', name: 'Odd', ...odd}}])
    expect(refused.status, refused.text).toBe(403)
    expect((await mutateAs({}, [{create: {_id: 'office.odd-fields', _type: 'office', name: 'Odd', ...odd}}])).status).toBe(200)
    expect(lake.store.get('article.odd-fields')?.toString).toBe('a field like any other')
  })

  it('refuses a field named hasOwnProperty, which groq-js and @sanity/mutator cannot read past, with 400 naming where it is', async () => {
    const search = () => postJson(lake.port, `${v}/data/query/production`, {query: '*[_type == "article" && [title, summary] match "odd*"]._id'})
    for (const mutation of [
      {create: {_id: 'article.holds-it', _type: 'article', title: 'Odd', hasOwnProperty: 'x'}},
      {create: {_id: 'article.holds-it', _type: 'article', title: 'Odd', body: [{_type: 'block', _key: 'a', hasOwnProperty: true}]}},
      {patch: {id: 'article.odd-fields', set: {'seo.hasOwnProperty': 1}}},
    ]) {
      const response = await mutateAs({}, [mutation])
      expect(response.status, response.text).toBe(400)
      expect(response.json().error.description).toMatch(/a field named "hasOwnProperty" \((hasOwnProperty|body\[0\]\.hasOwnProperty|seo\.hasOwnProperty)\)/)
    }
    // Search over articles still answers, for everyone.
    expect((await search()).json().result).toContain('article.odd-fields')
  })

  it('never lets the act-as cookie raise a server started as editor to administrator', async () => {
    const editorLake = await startLake({defaultRole: 'editor'})
    try {
      const asAdmin = {cookie: 'sanity-local-user=administrator'}
      expect((await raw(editorLake.port, `${v}/users/me`, {headers: asAdmin})).json().role).toBe('editor')
      const response = await postJson(editorLake.port, `${v}/data/mutate/production`, {mutations: [{delete: {id: 'office-kr'}}]}, asAdmin)
      expect(response.status).toBe(403)
      expect((await raw(editorLake.port, '/local/act-as/administrator')).status).toBe(403)
    } finally {
      await editorLake.close()
    }
  })
})
