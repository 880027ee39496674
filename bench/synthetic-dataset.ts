/**
 * Deterministic synthetic datasets with the seed's shapes: offices (with departments), people with
 * positions, forums, events with delegations, and articles referencing them, one in five a Chinese version
 * of the article before it (linked by a `translation.metadata` document), and the seed's cookie policy.
 * Same size, same documents, every run.
 */
import {readFileSync} from 'node:fs'

type Doc = {_id: string; _type: string; [key: string]: unknown}

/** The seed's cookie policy singleton: every site page reads it for the banner. */
function seedCookiePolicy(): Doc {
  const lines = readFileSync(new URL('../data/seed.ndjson', import.meta.url), 'utf8').split('\n')
  const line = lines.find((text) => text.startsWith('{"_id":"cookiePolicy"'))
  if (!line) throw new Error('data/seed.ndjson has no cookiePolicy document')
  return JSON.parse(line) as Doc
}

/** mulberry32: a small seeded PRNG, so datasets are identical between runs and machines. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const words = 'patent office examination cooperation trademark design delegation meeting heads deputy working group digital artificial intelligence roadmap sustainable joint statement industry users quality classification search report'.split(' ')
const sections = ['news', 'alert', 'article', 'case', 'link']
const kinds = ['headsMeeting', 'deputyHeadsMeeting', 'workingGroup', 'conference', 'other']
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

export function syntheticDataset(total: number, seed = 42): Doc[] {
  const rand = random(seed)
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!
  const sentence = (n: number) => Array.from({length: n}, () => pick(words)).join(' ')
  const ref = (id: string, key?: string) => ({_type: 'reference', _ref: id, ...(key ? {_key: key} : {})})
  const date = (yearFrom: number, years: number) => {
    const day = Math.floor(rand() * 365 * years)
    return new Date(Date.UTC(yearFrom, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)
  }

  const counts = {office: Math.round(total * 0.03), person: Math.round(total * 0.2), forum: Math.max(3, Math.round(total * 0.002)), event: Math.round(total * 0.17)}
  // Every fifth article (from the second) is the Chinese version of the one before it, the two linked by a
  // translation.metadata document as the translation plugin links them: articles and those documents share
  // what is left of the total.
  // One of them is the cookie policy singleton.
  const rest = total - counts.office - counts.person - counts.forum - counts.event - 1
  const documents: Doc[] = []

  const national = Math.round(counts.office / 3)
  for (let i = 0; i < counts.office; i++) {
    const isDepartment = i >= national
    documents.push({
      _id: `office.${i}`,
      _type: 'office',
      name: `${isDepartment ? 'Department' : 'Office'} ${i} of ${sentence(2)}`,
      abbreviation: `O${i}`,
      kind: isDepartment ? 'department' : 'national',
      ...(isDepartment
        ? {parent: ref(`office.${i % national}`)}
        : {st3Code: `${letters[Math.floor(i / 26) % 26]}${letters[i % 26]}`, country: 'DE', website: `https://office${i}.example`}),
      headquarters: `City ${i}`,
      description: sentence(20),
    })
  }
  for (let i = 0; i < counts.person; i++) {
    documents.push({
      _id: `person.${i}`,
      _type: 'person',
      givenName: `Given${i}`,
      familyName: `Family${i}`,
      nameOrder: i % 3 === 0 ? 'familyFirst' : 'givenFirst',
      slug: {_type: 'slug', current: `person-${i}`},
      positions: [
        {_key: 'now', _type: 'position', title: 'Deputy Commissioner', office: ref(`office.${i % national}`), startDate: date(2015, 8)},
        {_key: 'before', _type: 'position', title: 'Director', office: ref(`office.${(i * 7) % national}`), startDate: date(2005, 5), endDate: date(2011, 3)},
      ],
      bio: sentence(30),
    })
  }
  for (let i = 0; i < counts.forum; i++) {
    documents.push({
      _id: `forum.${i}`,
      _type: 'forum',
      name: `Forum ${i}`,
      abbreviation: `F${i}`,
      members: Array.from({length: 5}, (_, m) => ref(`office.${(i * 5 + m) % national}`, `m${m}`)),
      observers: [ref(`office.${(i * 5 + 5) % national}`, 'o')],
      founded: 2000 + (i % 20),
    })
  }
  for (let i = 0; i < counts.event; i++) {
    documents.push({
      _id: `event.${i}`,
      _type: 'event',
      title: `Event ${i}: ${sentence(4)}`,
      slug: {_type: 'slug', current: `event-${i}`},
      forum: ref(`forum.${i % counts.forum}`),
      kind: pick(kinds),
      datePrecision: 'day',
      startDate: date(2010, 18),
      attendanceMode: i % 2 ? 'online' : 'inPerson',
      ...(i % 2 ? {videoLinkNote: 'Held via video link'} : {location: {_type: 'eventLocation', city: `City ${i % 50}`, country: 'KR'}}),
      host: ref(`office.${i % national}`),
      chair: {_type: 'reportedPerson', person: ref(`person.${i % counts.person}`), titleAsReported: 'Chair'},
      delegations: Array.from({length: 5}, (_, d) => ({
        _key: `d${d}`,
        _type: 'delegation',
        office: ref(`office.${(i + d) % national}`),
        role: d === 4 ? 'observer' : 'member',
        head: {_type: 'reportedPerson', person: ref(`person.${(i * 5 + d) % counts.person}`), titleAsReported: 'Head'},
      })),
      agendaTopics: [sentence(3), sentence(4)],
      summary: sentence(25),
    })
  }
  const translationOf = (article: number) => ({_type: 'internationalizedArrayReferenceValue', value: ref(`article.${article}`)})
  for (let i = 0, made = 0; made < rest; i++) {
    // A few offices are referenced by many articles, as CNIPA or the EPO are in real news.
    const hub = i % 10 === 0 ? 0 : Math.floor(rand() * national)
    const isTranslation = i % 5 === 1 && made + 2 <= rest
    made += isTranslation ? 2 : 1
    documents.push({
      _id: `article.${i}`,
      _type: 'article',
      title: `Article ${i}: ${sentence(6)}`,
      // A language version keeps the original's slug: the site puts the language in the address.
      slug: {_type: 'slug', current: `article-${isTranslation ? i - 1 : i}`},
      section: pick(sections),
      publishedAt: `${date(2012, 14)}T${String(i % 24).padStart(2, '0')}:00:00Z`,
      language: isTranslation ? 'zh-Hans' : 'en',
      summary: sentence(25),
      body: Array.from({length: 4}, (_, p) => ({
        _key: `p${p}`,
        _type: 'block',
        style: 'normal',
        markDefs: [],
        children: [{_key: `p${p}s`, _type: 'span', text: sentence(60), marks: []}],
      })),
      offices: [ref(`office.${hub}`, 'a'), ref(`office.${(hub + 1) % national}`, 'b')],
      people: [ref(`person.${i % counts.person}`, 'a'), ref(`person.${(i * 3) % counts.person}`, 'b')],
      ...(i % 4 === 0 ? {events: [ref(`event.${i % counts.event}`, 'e')]} : {}),
      ipRights: ['patent'],
      topics: ['internationalCooperation'],
      source: {_type: 'articleSource', office: ref(`office.${hub}`)},
    })
    if (isTranslation) {
      documents.push({
        _id: `translation.${i - 1}`,
        _type: 'translation.metadata',
        schemaTypes: ['article'],
        translations: [
          {_key: 'en', language: 'en', ...translationOf(i - 1)},
          {_key: 'zh-Hans', language: 'zh-Hans', ...translationOf(i)},
        ],
      })
    }
  }
  documents.push(seedCookiePolicy())
  return documents
}
