import {ref, slug, type SeedPerson} from './helpers.ts'

// Titles are the positions as the offices give them; what a source reported is kept on the event.
// Simplified Chinese names: Liao Tao's own; Katsura Masanori's kanji in simplified characters; Wallace and Ernst
// transliterated for this dataset (Xinhua style). Ryu Donghyun has none here: his hanja are not known to
// the dataset, so Chinese pages show his name in Latin script (the English fallback).
export const people: SeedPerson[] = [
  {
    _id: 'person-liao-tao',
    _type: 'person',
    givenName: 'Tao',
    familyName: 'Liao',
    nameOrder: 'familyFirst',
    nativeName: '廖涛',
    localizedNames: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '廖涛'}],
    slug: slug('liao-tao'),
    positions: [{_key: 'cnipa', _type: 'position', title: 'Deputy Commissioner', localizedTitles: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '副局长'}], office: ref('office-cn')}],
  },
  {
    _id: 'person-valencia-martin-wallace',
    _type: 'person',
    givenName: 'Valencia',
    familyName: 'Martin Wallace',
    nameOrder: 'givenFirst',
    localizedNames: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '瓦伦西亚·马丁·华莱士'}],
    slug: slug('valencia-martin-wallace'),
    positions: [
      {_key: 'uspto', _type: 'position', title: 'Deputy Commissioner for Patents', localizedTitles: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '专利副局长'}], office: ref('office-us')},
    ],
  },
  {
    _id: 'person-christoph-ernst',
    _type: 'person',
    givenName: 'Christoph',
    familyName: 'Ernst',
    nameOrder: 'givenFirst',
    localizedNames: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '克里斯托夫·恩斯特'}],
    slug: slug('christoph-ernst'),
    positions: [{_key: 'epo', _type: 'position', title: 'Vice-President', localizedTitles: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '副局长'}], office: ref('office-ep')}],
  },
  {
    _id: 'person-katsura-masanori',
    _type: 'person',
    givenName: 'Masanori',
    familyName: 'Katsura',
    nameOrder: 'familyFirst',
    nativeName: '桂正憲',
    localizedNames: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '桂正宪'}],
    slug: slug('katsura-masanori'),
    positions: [{_key: 'jpo', _type: 'position', title: 'Deputy Commissioner', office: ref('office-jp')}],
    bio: 'Spelt "Karsura Masanori" in the CNIPA report of the 2023 IP5 Deputy Heads meeting.',
  },
  {
    _id: 'person-ryu-donghyun',
    _type: 'person',
    givenName: 'Donghyun',
    familyName: 'Ryu',
    nameOrder: 'familyFirst',
    slug: slug('ryu-donghyun'),
    positions: [{_key: 'kipo', _type: 'position', title: 'Vice Commissioner', office: ref('office-kr')}],
  },
]
