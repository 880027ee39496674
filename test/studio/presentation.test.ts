/**
 * The Presentation tool in the Studio's own workspace (resolved from sanity.config.ts): its preview URL
 * and draft-mode route, and that each seed document's locations are the reference site's pages, which
 * the tool's main-document resolvers map back to the same document.
 */
import type {DocumentLocationResolverObject, DocumentLocationsState, DocumentResolver, PresentationPluginOptions} from 'sanity/presentation'
import {afterEach, describe, expect, it, vi} from 'vitest'

import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import type {Doc} from '../../offline/ndjson.ts'
import {runQuery, seed} from '../support/seed.ts'
import {administrator, editor} from '../support/users.ts'
import {workspaceFor} from '../support/workspace.ts'

const ARTICLE_SLUG = '2023-meeting-of-ip5-deputy-heads-of-office-held-online'

async function presentationOptions(): Promise<PresentationPluginOptions> {
  const tool = (await workspaceFor(administrator)).tools.find((candidate) => candidate.name === 'presentation')
  expect(tool, 'the Presentation tool').toBeDefined()
  return tool!.options as PresentationPluginOptions
}

/** What the tool's preview store hands a resolver: each `select` path read from the document (dot paths). */
function selected(doc: Doc, select: Record<string, string>): Record<string, unknown> {
  const at = (path: string) => path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), doc)
  return Object.fromEntries(Object.entries(select).map(([key, path]) => [key, at(path)]))
}

function locationsOf(options: PresentationPluginOptions, doc: Doc): DocumentLocationsState | null | undefined | void {
  const resolvers = options.resolve?.locations
  if (!resolvers || typeof resolvers === 'function') throw new Error('expected location resolvers by type')
  const resolver = resolvers[doc._type]
  if (!resolver) return undefined
  if ('select' in resolver) return (resolver as DocumentLocationResolverObject).resolve(selected(doc, (resolver as DocumentLocationResolverObject).select))
  return resolver as DocumentLocationsState
}

/** The ids of the documents a site path opens beside the page, matched as the tool matches routes (URLPattern, decoded params). */
async function mainDocumentIds(options: PresentationPluginOptions, path: string, documents: readonly Doc[] = seed): Promise<string[]> {
  const resolvers: DocumentResolver[] = options.resolve?.mainDocuments ?? []
  for (const resolver of resolvers) {
    const routes = Array.isArray(resolver.route) ? resolver.route : [resolver.route]
    for (const route of routes) {
      const match = new URLPattern({pathname: route}).exec({pathname: path})
      if (!match) continue
      const params = Object.fromEntries(Object.entries(match.pathname.groups).map(([key, value]) => [key, decodeURIComponent(value ?? '')]))
      const context = {origin: 'http://localhost:3000', params, path}
      if (resolver.type) return runQuery<string[]>('*[_type == $type]._id', {type: resolver.type}, documents)
      if (resolver.filter === undefined) throw new Error(`route ${route}: only type and filter resolvers are used here`)
      const filter = typeof resolver.filter === 'function' ? resolver.filter(context) : resolver.filter
      const queryParams = typeof resolver.params === 'function' ? resolver.params(context) : (resolver.params ?? {})
      return runQuery<string[]>(`*[${filter}]._id`, queryParams, documents)
    }
  }
  return []
}

const seedDoc = (id: string) => seed.find((doc) => doc._id === id)!

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
})

describe('the Presentation tool', () => {
  it('is in the Studio after the desk, for administrators and editors', async () => {
    for (const user of [administrator, editor]) {
      const names = (await workspaceFor(user)).tools.map((tool) => tool.name)
      expect(names).toContain('presentation')
      expect(names.indexOf('presentation')).toBeGreaterThan(names.indexOf('content'))
    }
  })

  it('opens the site at http://localhost:3000 and turns draft mode on through /api/draft-mode/enable', async () => {
    const options = await presentationOptions()
    expect(options.previewUrl).toEqual({initial: 'http://localhost:3000/en', previewMode: {enable: '/api/draft-mode/enable'}})
    expect(options.allowOrigins).toEqual(['http://localhost:3000'])
  })

  it('takes the site origin from SANITY_STUDIO_PREVIEW_URL', async () => {
    vi.stubEnv('SANITY_STUDIO_PREVIEW_URL', 'https://news.example.org/')
    vi.resetModules()
    const {default: config} = await import('../../sanity.config.ts')
    const {createWorkspaceFromConfig} = await import('sanity')
    const client = createInMemoryClient([])
    const workspace = await createWorkspaceFromConfig({...config, currentUser: administrator, getClient: () => client})
    const tool = workspace.tools.find((candidate) => candidate.name === 'presentation') as {options: PresentationPluginOptions} | undefined
    expect(tool?.options.previewUrl).toEqual({initial: 'https://news.example.org/en', previewMode: {enable: '/api/draft-mode/enable'}})
    expect(tool?.options.allowOrigins).toEqual(['https://news.example.org'])
  })

  it('locates the seed article on its page in its own language, its section and the home page', async () => {
    const options = await presentationOptions()
    expect(locationsOf(options, seedDoc('article-ip5-deputy-heads-2023'))).toEqual({
      locations: [
        {title: '2023 Meeting of IP5 Deputy Heads of Office Held Online', href: `/en/articles/${ARTICLE_SLUG}`},
        {title: 'IP News', href: '/en/section/news'},
        {title: 'Home page', href: '/en'},
      ],
    })
    expect(locationsOf(options, seedDoc('article-ip5-deputy-heads-2023-zh-hans'))?.locations?.[0]).toEqual({
      title: '2023年五局副局长会议以视频形式召开',
      href: `/zh-Hans/articles/${ARTICLE_SLUG}`,
    })
    expect(locationsOf(options, {...seedDoc('article-ip5-deputy-heads-2023'), slug: undefined})).toMatchObject({tone: 'caution'})
  })

  it('maps every seed document with a page to pages that open that same document', async () => {
    const options = await presentationOptions()
    const located = seed.filter((doc) => ['article', 'office', 'forum', 'person', 'event', 'cookiePolicy'].includes(doc._type))
    expect(located.length).toBeGreaterThan(30)
    for (const doc of located) {
      const pages = locationsOf(options, doc)?.locations ?? []
      expect(pages.length, doc._id).toBeGreaterThan(0)
      // The document's own pages (the first of an article; every language of the others) open it.
      const own = doc._type === 'article' ? pages.slice(0, 1) : pages
      for (const page of own) expect(await mainDocumentIds(options, page.href), `${doc._id} at ${page.href}`).toEqual([doc._id])
    }
  })

  it('opens the English article on a Chinese page that falls back to it, as the site does', async () => {
    const options = await presentationOptions()
    const english = {...seedDoc('article-ip5-deputy-heads-2023'), _id: 'article.only-in-english', slug: {_type: 'slug', current: 'only-in-english'}}
    const documents = [...seed, english]
    expect(await mainDocumentIds(options, '/zh-Hans/articles/only-in-english', documents)).toEqual(['article.only-in-english'])
    expect(await mainDocumentIds(options, '/en/articles/only-in-english', documents)).toEqual(['article.only-in-english'])
    expect(await mainDocumentIds(options, '/zh-Hans/articles/no-such-article', documents)).toEqual([])
  })
})
