import {ref, slug, type SeedPerson} from './helpers.ts'

// Titles are the positions as the offices give them; what a source reported is kept on the event.
export const people: SeedPerson[] = [
  {
    _id: 'person.liao-tao',
    _type: 'person',
    givenName: 'Tao',
    familyName: 'Liao',
    nameOrder: 'familyFirst',
    nativeName: '廖涛',
    slug: slug('liao-tao'),
    positions: [{_key: 'cnipa', _type: 'position', title: 'Deputy Commissioner', office: ref('office.cn')}],
  },
  {
    _id: 'person.valencia-martin-wallace',
    _type: 'person',
    givenName: 'Valencia',
    familyName: 'Martin Wallace',
    nameOrder: 'givenFirst',
    slug: slug('valencia-martin-wallace'),
    positions: [{_key: 'uspto', _type: 'position', title: 'Deputy Commissioner for Patents', office: ref('office.us')}],
  },
  {
    _id: 'person.christoph-ernst',
    _type: 'person',
    givenName: 'Christoph',
    familyName: 'Ernst',
    nameOrder: 'givenFirst',
    slug: slug('christoph-ernst'),
    positions: [{_key: 'epo', _type: 'position', title: 'Vice-President', office: ref('office.ep')}],
  },
  {
    _id: 'person.katsura-masanori',
    _type: 'person',
    givenName: 'Masanori',
    familyName: 'Katsura',
    nameOrder: 'familyFirst',
    nativeName: '桂正憲',
    slug: slug('katsura-masanori'),
    positions: [{_key: 'jpo', _type: 'position', title: 'Deputy Commissioner', office: ref('office.jp')}],
    bio: 'Spelt "Karsura Masanori" in the CNIPA report of the 2023 IP5 Deputy Heads meeting.',
  },
  {
    _id: 'person.ryu-donghyun',
    _type: 'person',
    givenName: 'Donghyun',
    familyName: 'Ryu',
    nameOrder: 'familyFirst',
    slug: slug('ryu-donghyun'),
    positions: [{_key: 'kipo', _type: 'position', title: 'Vice Commissioner', office: ref('office.kr')}],
  },
]
