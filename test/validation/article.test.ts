import {describe, expect, it} from 'vitest'

import {article, referenceData, variant, deputyHeads2023} from '../fixtures/documents.ts'
import {expectOnlyError, expectValid} from '../support/expect-validation.ts'
import {errorsOf, validate} from '../support/workspace.ts'

const dataset = [...referenceData, deputyHeads2023]

describe('article validation', () => {
  it('accepts the seed article', async () => {
    await expectValid(article, dataset)
  })

  it('requires a title', async () => {
    await expectOnlyError(variant(article, {title: undefined}), dataset, 'title', 'Give the article a title')
  })

  it('requires a section', async () => {
    await expectOnlyError(variant(article, {section: undefined}), dataset, 'section', 'Choose the section the article appears in')
  })

  it('keeps slugs unique among articles, not across types', async () => {
    const twin = variant(article, {_id: 'article.twin'})
    await expectOnlyError(twin, [...dataset, article], 'slug', 'Slug is already in use')
    // An event may share the slug: it lives under another path.
    const event = variant(deputyHeads2023, {slug: article.slug})
    await expectValid(twin, [...referenceData, event])
    // The draft of the same article does not count as a clash.
    await expectValid(variant(article, {_id: 'drafts.article-ip5-deputy-heads-2023'}), [...dataset, article])
  })

  it('does not let the update date precede publication', async () => {
    await expectValid(variant(article, {updatedAt: '2023-06-02T08:00:00Z'}), dataset)
    await expectOnlyError(
      variant(article, {updatedAt: '2023-05-31T08:00:00Z'}),
      dataset,
      'updatedAt',
      'The update cannot be earlier than the publication: set it on or after the published date',
    )
  })

  it('checks the language tag', async () => {
    await expectValid(variant(article, {language: 'zh-Hans'}), dataset)
    await expectOnlyError(
      variant(article, {language: 'english'}),
      dataset,
      'language',
      '"english" is not a BCP 47 language tag: use a code such as en, zh-Hans, ko or de-AT',
    )
    await expectOnlyError(variant(article, {language: 'EN-gb'}), dataset, 'language', 'Write the language tag as en-GB')
  })

  it('requires case details in Cases, and checks them', async () => {
    const inCases = variant(article, {section: 'case'})
    await expectOnlyError(inCases, dataset, 'caseDetails', 'Articles in Cases need the case details: the court, case number and decision')
    const details = {_type: 'caseDetails', court: 'UPC Court of Appeal', caseNumber: 'UPC_CoA_335/2023', ecli: 'ECLI:EU:C:2015:477'}
    await expectValid(variant(article, {section: 'case', caseDetails: details}), dataset)
    await expectOnlyError(
      variant(article, {section: 'case', caseDetails: {...details, ecli: 'EU:C:2015:477'}}),
      dataset,
      'caseDetails.ecli',
      'Enter the ECLI as ECLI:country:court:year:number, for example ECLI:EU:C:2015:477',
    )
    await expectOnlyError(
      variant(article, {section: 'case', caseDetails: {...details, court: undefined}}),
      dataset,
      'caseDetails.court',
      'Enter the court or board that decided the case',
    )
  })

  it('requires the link address in Links, with a safe scheme', async () => {
    await expectOnlyError(variant(article, {section: 'link'}), dataset, 'externalUrl', 'Articles in Links need the address of the page they point to')
    await expectValid(variant(article, {section: 'link', externalUrl: 'https://www.wipo.int/pct'}), dataset)
    await expectOnlyError(
      variant(article, {section: 'link', externalUrl: 'javascript:alert(1)'}),
      dataset,
      'externalUrl',
      'Enter an address starting with https:// or http://',
    )
  })

  it('allows only http, https and mailto links in the body', async () => {
    const withHref = (href: string) =>
      variant(article, {
        body: [
          {
            _key: 'b1',
            _type: 'block',
            style: 'normal',
            markDefs: [{_key: 'l1', _type: 'link', href}],
            children: [{_key: 's1', _type: 'span', text: 'x', marks: ['l1']}],
          },
        ],
      })
    await expectValid(withHref('mailto:press@example.org'), dataset)
    await expectOnlyError(
      withHref('javascript:alert(document.cookie)'),
      dataset,
      'body[_key=="b1"].markDefs[_key=="l1"].href',
      'Enter an address starting with https://, http:// or mailto:',
    )
  })

  it('requires internal links to point somewhere', async () => {
    const body = [
      {
        _key: 'b1',
        _type: 'block',
        style: 'normal',
        markDefs: [{_key: 'i1', _type: 'internalLink'}],
        children: [{_key: 's1', _type: 'span', text: 'CNIPA', marks: ['i1']}],
      },
    ]
    await expectOnlyError(
      variant(article, {body}),
      dataset,
      'body[_key=="b1"].markDefs[_key=="i1"].reference',
      'Choose the article, office, person or event to link to',
    )
  })

  it('requires alternative text on uploaded images, in the body and as main image', async () => {
    const image = {_type: 'accessibleImage', asset: {_type: 'reference', _ref: 'image-abc-10x10-png'}}
    await expectOnlyError(
      variant(article, {mainImage: image}),
      [...dataset, {_id: 'image-abc-10x10-png', _type: 'sanity.imageAsset'}],
      'mainImage.alt',
      'Describe the image for readers who cannot see it (alternative text)',
    )
    await expectOnlyError(
      variant(article, {body: [{...image, _key: 'img'}]}),
      [...dataset, {_id: 'image-abc-10x10-png', _type: 'sanity.imageAsset'}],
      'body[_key=="img"].alt',
      'Describe the image for readers who cannot see it (alternative text)',
    )
    await expectValid(
      variant(article, {mainImage: {...image, alt: 'Delegates on a video call'}}),
      [...dataset, {_id: 'image-abc-10x10-png', _type: 'sanity.imageAsset'}],
    )
  })

  it('limits the SEO title to 60 and description to 160 characters', async () => {
    await expectValid(variant(article, {seo: {_type: 'seoFields', title: 'x'.repeat(60), description: 'y'.repeat(160)}}), dataset)
    await expectOnlyError(
      variant(article, {seo: {_type: 'seoFields', title: 'x'.repeat(61)}}),
      dataset,
      'seo.title',
      'Shorten the search title to 60 characters or fewer',
    )
    await expectOnlyError(
      variant(article, {seo: {_type: 'seoFields', description: 'y'.repeat(161)}}),
      dataset,
      'seo.description',
      'Shorten the search description to 160 characters or fewer',
    )
  })

  it('lists each office once', async () => {
    const twice = variant(article, {offices: [{_key: 'a', _type: 'reference', _ref: 'office-cn'}, {_key: 'b', _type: 'reference', _ref: 'office-cn'}]})
    expect(await errorsOf(twice, dataset)).toEqual(
      ['a', 'b'].map((key) => ({level: 'error', path: `offices[_key=="${key}"]`, message: 'Each office is listed once: remove the repeat'})),
    )
  })

  it('requires a slug, and says so once (no "Required" on the slug\'s inner field)', async () => {
    expect(await errorsOf(variant(article, {slug: undefined}), dataset)).toEqual([
      {level: 'error', path: 'slug', message: 'Generate a slug from the title'},
    ])
  })

  it('names the source: an office or an organisation, not both', async () => {
    await expectValid(variant(article, {source: {_type: 'articleSource', organisationName: 'EUIPO Observatory'}}), dataset)
    await expectOnlyError(
      variant(article, {source: {_type: 'articleSource', url: 'https://example.org'}}),
      dataset,
      'source',
      'Choose the office the article comes from, or type the organisation name',
    )
    await expectOnlyError(
      variant(article, {source: {_type: 'articleSource', office: {_type: 'reference', _ref: 'office-cn'}, organisationName: 'CNIPA'}}),
      dataset,
      'source',
      'Choose an office or type an organisation name, not both: clear one of them',
    )
  })

  it('requires the original language of a translation', async () => {
    await expectOnlyError(
      variant(article, {translation: {_type: 'translationInfo', note: 'Translated'}}),
      dataset,
      'translation.originalLanguage',
      'Enter a language tag, for example zh-Hans',
    )
  })

  it('warns, without blocking, about long summaries', async () => {
    const markers = await validate(variant(article, {summary: 'z'.repeat(301)}), dataset)
    expect(markers).toEqual([{level: 'warning', path: 'summary', message: 'Summaries read best under 300 characters'}])
  })
})
