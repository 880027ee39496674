import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {postJson, raw, startLake, type InProcessLake} from '../support/lake.ts'

// Content Releases offline, with the actions @sanity/client's releases API and the Releases tool send.

const v = '/v2025-02-19'
const EDITOR = {cookie: 'sanity-local-user=editor'}
let lake: InProcessLake

beforeAll(async () => {
  // Scheduled releases are looked at every 100 ms here (10 s when served).
  lake = await startLake({scheduledReleasesEveryMs: 100})
})
afterAll(async () => lake?.close())

const rsoon = 'rsoon'
const act = (...actions: unknown[]) => postJson(lake.port, `${v}/data/actions/production`, {actions}, EDITOR)
const query = async (groq: string, perspective?: string) =>
  (await raw(lake.port, `${v}/data/query/production?query=${encodeURIComponent(groq)}${perspective ? `&perspective=${encodeURIComponent(perspective)}` : ''}`, {headers: EDITOR})).json().result
// The Releases tool's list (useActiveReleases), shortened.
const RELEASES = '*[_type=="system.release" && _id in path("_.releases.*")]{_id, name, state, metadata, publishAt, publishedAt, finalDocumentStates} | order(_createdAt desc)'

describe('content releases', () => {
  it('lets an editor create a release, add a new version of an article, publish the release, and the article is published', async () => {
    expect((await act({actionType: 'sanity.action.release.create', releaseId: 'rspring', metadata: {title: 'Spring', releaseType: 'asap'}})).status).toBe(200)
    expect(await query(RELEASES)).toEqual([{_id: '_.releases.rspring', name: 'rspring', state: 'active', metadata: {title: 'Spring', releaseType: 'asap'}, publishAt: null, publishedAt: null, finalDocumentStates: null}])
    expect((await act({actionType: 'sanity.action.release.edit', releaseId: 'rspring', patch: {set: {metadata: {title: 'Spring news', releaseType: 'asap'}}, unset: ['metadata.description']}})).status).toBe(200)

    // A version of an existing article (copied from it), and a new article that exists only in the release.
    expect((await act({actionType: 'sanity.action.document.version.create', publishedId: 'article-ip5-deputy-heads-2023', baseId: 'article-ip5-deputy-heads-2023', versionId: 'versions.rspring.article-ip5-deputy-heads-2023'})).status).toBe(200)
    expect((await act({actionType: 'sanity.action.document.edit', draftId: 'versions.rspring.article-ip5-deputy-heads-2023', publishedId: 'article-ip5-deputy-heads-2023', patch: {set: {title: 'Updated for spring'}}})).status).toBe(200)
    expect((await act({actionType: 'sanity.action.document.version.create', publishedId: 'article.spring', document: {_id: 'versions.rspring.article.spring', _type: 'article', title: 'Spring is here', offices: [{_key: 'a', _type: 'reference', _ref: 'office-gb', _weak: true, _strengthenOnPublish: {type: 'office'}}]}})).status).toBe(200)
    expect(await query('*[_type == "article"].title', 'rspring')).toEqual(expect.arrayContaining(['Updated for spring', 'Spring is here']))
    expect(await query('*[_id == "article.spring"]', 'published')).toEqual([])

    expect((await act({actionType: 'sanity.action.release.publish', releaseId: 'rspring'})).status).toBe(200)
    expect(lake.store.get('article-ip5-deputy-heads-2023')?.title).toBe('Updated for spring')
    expect(lake.store.get('article.spring')).toMatchObject({title: 'Spring is here', offices: [{_key: 'a', _type: 'reference', _ref: 'office-gb'}]})
    expect(await query('count(*[_id in path("versions.rspring.**")])', 'raw')).toBe(0)
    const [release] = await query(RELEASES)
    expect(release).toMatchObject({state: 'published', metadata: {title: 'Spring news'}, finalDocumentStates: [{id: 'article-ip5-deputy-heads-2023'}, {id: 'article.spring'}]})
    expect(Date.parse(release.publishedAt)).toBeGreaterThan(0)
    // A published release can no longer be published or edited; it can be deleted.
    expect((await act({actionType: 'sanity.action.release.publish', releaseId: 'rspring'})).status).toBe(409)
    expect((await act({actionType: 'sanity.action.release.delete', releaseId: 'rspring'})).status).toBe(200)
    expect(lake.store.get('_.releases.rspring')).toBeUndefined()
  })

  it('publishes a release atomically: a version marked for unpublishing deletes its document, and one refused change refuses all', async () => {
    await postJson(lake.port, `${v}/data/mutate/production`, {mutations: [{create: {_id: 'article.old', _type: 'article', title: 'Old'}}, {create: {_id: 'article.keep', _type: 'article', title: 'Keep'}}]})
    await act({actionType: 'sanity.action.release.create', releaseId: 'rcleanup', metadata: {title: 'Clean-up'}})
    expect((await act({actionType: 'sanity.action.document.version.unpublish', publishedId: 'article.old', versionId: 'versions.rcleanup.article.old'})).status).toBe(200)
    await act({actionType: 'sanity.action.document.version.create', publishedId: 'article.keep', baseId: 'article.keep', versionId: 'versions.rcleanup.article.keep'})
    // An office (administrators only) the editor's release would unpublish: refused, nothing published.
    await postJson(lake.port, `${v}/data/actions/production`, {actions: [{actionType: 'sanity.action.document.version.unpublish', publishedId: 'office-gb', versionId: 'versions.rcleanup.office-gb'}]})
    const refused = await act({actionType: 'sanity.action.release.publish', releaseId: 'rcleanup'})
    expect(refused.status).toBe(403)
    expect(lake.store.get('article.old')).toBeDefined()
    // An administrator takes the office out of the release.
    await postJson(lake.port, `${v}/data/actions/production`, {actions: [{actionType: 'sanity.action.document.version.discard', versionId: 'versions.rcleanup.office-gb'}]})

    expect((await act({actionType: 'sanity.action.release.publish', releaseId: 'rcleanup'})).status).toBe(200)
    expect(lake.store.get('article.old')).toBeUndefined()
    expect(lake.store.get('article.keep')?.title).toBe('Keep')
  })

  it('archives a release (its versions leave the dataset), unarchives it with them, schedules and unschedules it', async () => {
    await act({actionType: 'sanity.action.release.create', releaseId: 'rlater', metadata: {title: 'Later'}})
    await act({actionType: 'sanity.action.document.version.create', publishedId: 'article.later', document: {_id: 'versions.rlater.article.later', _type: 'article', title: 'Later'}})
    expect((await act({actionType: 'sanity.action.release.schedule', releaseId: 'rlater', publishAt: '2099-01-01T00:00:00Z'})).status).toBe(200)
    expect(lake.store.get('_.releases.rlater')).toMatchObject({state: 'scheduled', publishAt: '2099-01-01T00:00:00.000Z'})
    expect((await act({actionType: 'sanity.action.release.archive', releaseId: 'rlater'})).status).toBe(409)
    expect((await act({actionType: 'sanity.action.release.unschedule', releaseId: 'rlater'})).status).toBe(200)
    expect((await act({actionType: 'sanity.action.release.archive', releaseId: 'rlater'})).status).toBe(200)
    expect(lake.store.get('_.releases.rlater')?.state).toBe('archived')
    expect(lake.store.get('versions.rlater.article.later')).toBeUndefined()
    expect((await act({actionType: 'sanity.action.release.unarchive', releaseId: 'rlater'})).status).toBe(200)
    expect(lake.store.get('_.releases.rlater')?.state).toBe('active')
    expect(lake.store.get('versions.rlater.article.later')?.title).toBe('Later')
    // The activity panel's events, newest first.
    const activity = (await raw(lake.port, `${v}/data/history/production/events/releases/rlater?limit=100`, {headers: EDITOR})).json()
    expect(activity.events.map((event: {type: string}) => event.type)).toEqual(['unarchiveRelease', 'archiveRelease', 'unscheduleRelease', 'scheduleRelease', 'addDocumentToRelease', 'createRelease'])
    expect(activity.events.at(-2)).toMatchObject({documentId: 'article.later', documentType: 'article', author: 'local-editor'})
  })

  it('publishes a scheduled release once its time has come', async () => {
    await act({actionType: 'sanity.action.release.create', releaseId: rsoon, metadata: {title: 'Soon', releaseType: 'scheduled'}})
    await act({actionType: 'sanity.action.document.version.create', publishedId: 'article.soon', document: {_id: `versions.${rsoon}.article.soon`, _type: 'article', title: 'Soon'}})
    expect((await act({actionType: 'sanity.action.release.schedule', releaseId: rsoon, publishAt: new Date(Date.now() + 300).toISOString()})).status).toBe(200)
    expect(lake.store.get('article.soon')).toBeUndefined()
    await expect.poll(() => lake.store.get('article.soon')?.title, {timeout: 5_000}).toBe('Soon')
    expect(lake.store.get(`_.releases.${rsoon}`)?.state).toBe('published')
  })

  it('publishes a scheduled release with the grants of whoever scheduled it: an editor cannot replace an office that way', async () => {
    const mutateAsEditor = (mutations: unknown[]) => postJson(lake.port, `${v}/data/mutate/production`, {mutations}, EDITOR)
    // An editor may make a version of type article under an office's id, but not publish it over the office...
    await act({actionType: 'sanity.action.release.create', releaseId: 'rover', metadata: {title: 'Over an office'}})
    expect((await mutateAsEditor([{create: {_id: 'versions.rover.office-gb', _type: 'article', title: 'Replaced by an editor'}}])).status).toBe(200)
    expect((await act({actionType: 'sanity.action.release.publish', releaseId: 'rover'})).status).toBe(403)
    // ...nor schedule it: scheduling is publishing later, checked now with the same grants.
    const scheduled = await act({actionType: 'sanity.action.release.schedule', releaseId: 'rover', publishAt: '2020-01-01T00:00:00Z'})
    expect(scheduled.status, scheduled.text).toBe(403)
    expect(scheduled.json().error.description).toMatch(/Local editor may not change "office-gb"/)
    expect(lake.store.get('_.releases.rover')?.state).toBe('active')

    // A release the editor could publish when scheduling it, and then given a version it could not: the
    // scheduler publishes nothing of it, and says why on the release.
    await act({actionType: 'sanity.action.release.create', releaseId: 'rlate', metadata: {title: 'Changed after scheduling'}})
    await act({actionType: 'sanity.action.document.version.create', publishedId: 'article.late', document: {_id: 'versions.rlate.article.late', _type: 'article', title: 'Late'}})
    expect((await act({actionType: 'sanity.action.release.schedule', releaseId: 'rlate', publishAt: new Date(Date.now() + 300).toISOString()})).status).toBe(200)
    expect((await mutateAsEditor([{create: {_id: 'versions.rlate.office-br', _type: 'article', title: 'Deleted by an editor', _system: {delete: true}}}])).status).toBe(200)
    await expect.poll(() => lake.store.get('_.releases.rlate')?.state, {timeout: 5_000}).toBe('active')
    expect(lake.store.get('_.releases.rlate')!.error).toHaveProperty('message', expect.stringMatching(/Scheduled publishing failed: Local editor may not (change|delete) "office-br"/))
    expect(lake.store.get('office-br')?._type).toBe('office')
    expect(lake.store.get('office-gb')?._type).toBe('office')
    expect(lake.store.get('article.late')).toBeUndefined()
  })

  it('checks each version against whoever wrote it last: an editor\'s version in an administrator\'s scheduled release cannot replace an office', async () => {
    const asAdmin = (...actions: unknown[]) => postJson(lake.port, `${v}/data/actions/production`, {actions})
    // Created and scheduled in one request, as a client may send them.
    const created = await asAdmin({actionType: 'sanity.action.release.create', releaseId: 'radmin', metadata: {title: 'By an administrator'}}, {actionType: 'sanity.action.release.schedule', releaseId: 'radmin', publishAt: '2099-01-01T00:00:00Z'})
    expect(created.status, created.text).toBe(200)
    await asAdmin({actionType: 'sanity.action.document.version.create', publishedId: 'article.admins', document: {_id: 'versions.radmin.article.admins', _type: 'article', title: 'The administrator\'s'}})
    expect((await act({actionType: 'sanity.action.document.version.create', publishedId: 'office-de', document: {_id: 'versions.radmin.office-de', _type: 'article', title: 'The editor\'s'}})).status).toBe(200)
    // The editor brings the publishing forward.
    expect((await act({actionType: 'sanity.action.release.edit', releaseId: 'radmin', patch: {set: {publishAt: new Date(Date.now() + 200).toISOString()}}})).status).toBe(200)
    await expect.poll(() => lake.store.get('_.releases.radmin')?.error, {timeout: 5_000}).toHaveProperty('message', expect.stringMatching(/Local editor may not change "office-de"/))
    expect(lake.store.get('_.releases.radmin')?.state).toBe('active')
    expect(lake.store.get('office-de')?._type).toBe('office')
    expect(lake.store.get('article.admins')).toBeUndefined()
  })

  it('publishes the release its document\'s id names, whatever its name field says; release.edit changes metadata only', async () => {
    const asAdmin = (...actions: unknown[]) => postJson(lake.port, `${v}/data/actions/production`, {actions})
    await asAdmin({actionType: 'sanity.action.release.create', releaseId: 'rnamed'}, {actionType: 'sanity.action.release.schedule', releaseId: 'rnamed', publishAt: '2099-01-01T00:00:00Z'})
    await asAdmin({actionType: 'sanity.action.document.version.create', publishedId: 'article.named', document: {_id: 'versions.rnamed.article.named', _type: 'article', title: 'The administrator\'s'}})
    await act({actionType: 'sanity.action.release.create', releaseId: 'rother'})
    await act({actionType: 'sanity.action.document.version.create', publishedId: 'office-jp', document: {_id: 'versions.rother.office-jp', _type: 'article', title: 'The editor\'s'}})
    const renamed = await act({actionType: 'sanity.action.release.edit', releaseId: 'rnamed', patch: {set: {name: 'rother', publishAt: '2020-01-01T00:00:00Z'}}})
    expect(renamed.status, renamed.text).toBe(400)
    expect(renamed.json().error.description).toMatch(/metadata \(and publishAt\) only, not "name"/)
    // Written straight to the release document, the name changes nothing of what is published.
    const mutateAsEditor = (mutations: unknown[]) => postJson(lake.port, `${v}/data/mutate/production`, {mutations}, EDITOR)
    expect((await mutateAsEditor([{patch: {id: '_.releases.rnamed', set: {name: 'rother', publishAt: new Date(Date.now() + 200).toISOString()}}}])).status).toBe(200)
    await expect.poll(() => lake.store.get('article.named')?.title, {timeout: 5_000}).toBe('The administrator\'s')
    expect(lake.store.get('office-jp')?._type).toBe('office')
    expect(lake.store.get('versions.rother.office-jp')).toBeDefined()
  })

  it('refuses to publish a version whose writer history no longer knows, rather than letting it through', async () => {
    const forgetful = await startLake({scheduledReleasesEveryMs: 100, historyKeep: 20})
    try {
      const asAdmin = (...actions: unknown[]) => postJson(forgetful.port, `${v}/data/actions/production`, {actions})
      const asEditor = (...actions: unknown[]) => postJson(forgetful.port, `${v}/data/actions/production`, {actions}, EDITOR)
      await asAdmin({actionType: 'sanity.action.release.create', releaseId: 'rforgot'})
      expect((await asEditor({actionType: 'sanity.action.document.version.create', publishedId: 'office-fr', document: {_id: 'versions.rforgot.office-fr', _type: 'article', title: 'The editor\'s, long ago'}})).status).toBe(200)
      // Enough later writes for history (20 transactions here, 10,000 by default) to let the editor's go.
      for (let index = 0; index < 25; index++) await postJson(forgetful.port, `${v}/data/mutate/production`, {mutations: [{createOrReplace: {_id: `note.filler-${index}`, _type: 'note'}}]}, EDITOR)
      expect((await asAdmin({actionType: 'sanity.action.release.schedule', releaseId: 'rforgot', publishAt: new Date(Date.now() + 200).toISOString()})).status).toBe(200)
      await expect.poll(() => forgetful.store.get('_.releases.rforgot')?.error, {timeout: 5_000}).toHaveProperty('message', expect.stringMatching(/Who last wrote "versions.rforgot.office-fr" is no longer known/))
      expect(forgetful.store.get('office-fr')?._type).toBe('office')
    } finally {
      await forgetful.close()
    }
  })

  it('answers release actions on releases that do not exist or have bad ids with 404 and 400', async () => {
    expect((await act({actionType: 'sanity.action.release.publish', releaseId: 'rnone'})).status).toBe(404)
    expect((await act({actionType: 'sanity.action.release.create', releaseId: 'r.dotted'})).status).toBe(400)
    expect((await act({actionType: 'sanity.action.release.create', releaseId: 'rlater'})).status).toBe(409)
  })
})
