import {ref, type SeedForum} from './helpers.ts'

const members = (...codes: string[]) => codes.map((code) => ref(`office-${code}`, code))

export const forums: SeedForum[] = [
  {
    _id: 'forum-ip5',
    _type: 'forum',
    name: 'IP5',
    abbreviation: 'IP5',
    localizedNames: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '知识产权五局'}],
    members: members('ep', 'jp', 'kr', 'cn', 'us'),
    observers: members('wo'),
    founded: 2007,
    website: 'https://www.fiveipoffices.org',
    description:
      'The five largest intellectual property offices. Heads of Office meet yearly under a rotating presidency, prepared by a Deputy Heads meeting and working groups on classification, IT and examination.',
  },
  {
    _id: 'forum-tm5',
    _type: 'forum',
    name: 'TM5',
    abbreviation: 'TM5',
    localizedNames: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '商标五方'}],
    members: members('em', 'jp', 'kr', 'cn', 'us'),
    description: 'Cooperation of five trademark offices.',
  },
  {
    _id: 'forum-id5',
    _type: 'forum',
    name: 'ID5',
    abbreviation: 'ID5',
    localizedNames: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '工业品外观设计五局'}],
    members: members('em', 'jp', 'kr', 'cn', 'us'),
    description: 'Cooperation of five industrial design offices.',
  },
]
