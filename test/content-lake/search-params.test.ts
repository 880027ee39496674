import * as fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {searchParamsOf} from '../../content-lake/http/search-params.ts'

// What URLSearchParams itself reads of a URL's query string: the answer searchParamsOf must give.
const expected = (url: URL) => [...new URLSearchParams(url.search)]
const read = (search: string) => {
  const url = new URL(`https://localhost/v2025-02-19/data/query/production?${search}`)
  return {url, pairs: [...searchParamsOf(url)]}
}
// Long enough for the fast path (shorter query strings go to URLSearchParams as they are).
const padded = (search: string) => `${search}&pad=${'x'.repeat(300)}`

describe('searchParamsOf (the query route reading a long query string)', () => {
  it('reads what @sanity/client sends, a 2 KB query and JSON parameters, as URLSearchParams does', () => {
    const query = `*[_type == "article" && slug.current == $slug][0]{title, "body": body[]{..., "x": 1 + 2 % 3}, 'quote': "a&b=c?d#e"} // ${'ü中😀'.repeat(200)}`
    const sent = new URLSearchParams({query, $slug: JSON.stringify('news/2023 ip5+deputy heads'), $limit: '20', perspective: 'published'})
    const {url, pairs} = read(sent.toString())
    expect(pairs).toEqual(expected(url))
    expect(Object.fromEntries(pairs).query).toBe(query)
  })

  it('gives URLSearchParams an ASCII query string it could not decode exactly: stray %, bytes that are not UTF-8', () => {
    for (const raw of ['query=%E0%A4%A&b=%', 'query=%FF%FE%41', 'query=50%25+off%2', 'a=%zz%4&=x&b', 'query=%C3%28', '&&a=1&&']) {
      const {url, pairs} = read(padded(raw))
      expect(pairs).toEqual(expected(url))
    }
  })

  it('reads any query string as URLSearchParams does (generated: encoded text, raw characters, stray escapes)', () => {
    const piece = fc.oneof(
      fc.string({unit: 'grapheme', maxLength: 40}).map((text) => encodeURIComponent(text)),
      fc.string({unit: 'binary', maxLength: 20}),
      fc.constantFrom('%', '%2', '%zz', '%E0%A4', '%FF', '%C3%A9', '+', '=', '&', '%2B', '%26', '%3D', '%00'),
    )
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 30}), fc.boolean(), (pieces, pad) => {
        const search = pieces.join('')
        let url: URL
        try {
          url = new URL(`https://localhost/q?${pad ? padded(search) : search}`)
        } catch {
          return // not a URL the server could have been sent
        }
        expect([...searchParamsOf(url)]).toEqual(expected(url))
      }),
      {numRuns: 3000},
    )
  })
})
