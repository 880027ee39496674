import {ref, type SeedOffice} from './helpers.ts'

// Facts from ../../../shared/notes/domain.md: names, WIPO ST.3 codes, seats, former names. Simplified
// Chinese (zh-Hans) names are the ones Chinese official sources use for these offices (see README.md here).
// KIPO keeps its 2023 name here, as in the seed article; migrations/ records its 2025 renaming.
export const ip5Offices: SeedOffice[] = [
  {
    _id: 'office-us',
    _type: 'office',
    name: 'United States Patent and Trademark Office',
    abbreviation: 'USPTO',
    kind: 'national',
    st3Code: 'US',
    country: 'US',
    officialNames: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '美国专利商标局'}],
    website: 'https://www.uspto.gov',
    headquarters: 'Alexandria, Virginia',
    description: 'The national patent and trademark office of the United States, an agency of the Department of Commerce.',
  },
  {
    _id: 'office-cn',
    _type: 'office',
    name: 'China National Intellectual Property Administration',
    abbreviation: 'CNIPA',
    kind: 'national',
    st3Code: 'CN',
    country: 'CN',
    officialNames: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '国家知识产权局'}],
    formerNames: [
      {_key: 'sipo', _type: 'formerName', name: 'State Intellectual Property Office', abbreviation: 'SIPO', until: '2018-08-28'},
    ],
    website: 'https://www.cnipa.gov.cn',
    headquarters: 'Beijing',
  },
  {
    _id: 'office-jp',
    _type: 'office',
    name: 'Japan Patent Office',
    abbreviation: 'JPO',
    kind: 'national',
    st3Code: 'JP',
    country: 'JP',
    officialNames: [{_key: 'ja', _type: 'localizedName', language: 'ja', name: '特許庁'}, {_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '日本特许厅'}],
    website: 'https://www.jpo.go.jp',
    headquarters: 'Tokyo',
  },
  {
    _id: 'office-kr',
    _type: 'office',
    name: 'Korean Intellectual Property Office',
    abbreviation: 'KIPO',
    kind: 'national',
    st3Code: 'KR',
    country: 'KR',
    officialNames: [{_key: 'ko', _type: 'localizedName', language: 'ko', name: '특허청'}, {_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '韩国知识产权局'}],
    website: 'https://www.kipo.go.kr',
    headquarters: 'Daejeon',
  },
  {
    _id: 'office-ep',
    _type: 'office',
    name: 'European Patent Office',
    abbreviation: 'EPO',
    kind: 'regional',
    st3Code: 'EP',
    country: 'DE',
    officialNames: [
      {_key: 'de', _type: 'localizedName', language: 'de', name: 'Europäisches Patentamt'},
      {_key: 'fr', _type: 'localizedName', language: 'fr', name: 'Office européen des brevets'},
      {_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '欧洲专利局'},
    ],
    website: 'https://www.epo.org',
    headquarters: 'Munich',
    description: 'The executive body of the European Patent Organisation, an intergovernmental organisation.',
  },
  {
    _id: 'office-wo',
    _type: 'office',
    name: 'World Intellectual Property Organization',
    abbreviation: 'WIPO',
    kind: 'intergovernmental',
    st3Code: 'WO',
    officialNames: [
      {_key: 'fr', _type: 'localizedName', language: 'fr', name: 'Organisation Mondiale de la Propriété Intellectuelle'},
      {_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '世界知识产权组织'},
    ],
    website: 'https://www.wipo.int',
    headquarters: 'Geneva',
    description: 'A specialised agency of the United Nations; its International Bureau also uses the ST.3 code IB.',
  },
]

const office = (
  code: string,
  abbreviation: string,
  name: string,
  kind: 'national' | 'regional',
  country: string,
  headquarters: string,
  website: string,
  extra: Partial<SeedOffice> = {},
): SeedOffice => ({
  _id: `office-${code.toLowerCase()}`,
  _type: 'office',
  name,
  abbreviation,
  kind,
  st3Code: code,
  country,
  headquarters,
  website,
  ...extra,
})

export const otherOffices: SeedOffice[] = [
  office('GB', 'UKIPO', 'Intellectual Property Office', 'national', 'GB', 'Newport', 'https://www.gov.uk/government/organisations/intellectual-property-office'),
  office('DE', 'DPMA', 'German Patent and Trade Mark Office', 'national', 'DE', 'Munich', 'https://www.dpma.de', {
    officialNames: [{_key: 'de', _type: 'localizedName', language: 'de', name: 'Deutsches Patent- und Markenamt'}],
  }),
  office('FR', 'INPI', 'National Institute of Industrial Property', 'national', 'FR', 'Courbevoie', 'https://www.inpi.fr', {
    officialNames: [{_key: 'fr', _type: 'localizedName', language: 'fr', name: 'Institut national de la propriété industrielle'}],
  }),
  office('IN', 'CGPDTM', 'Office of the Controller General of Patents, Designs and Trade Marks', 'national', 'IN', 'Mumbai', 'https://ipindia.gov.in'),
  office('BR', 'INPI', 'National Institute of Industrial Property', 'national', 'BR', 'Rio de Janeiro', 'https://www.gov.br/inpi', {
    officialNames: [{_key: 'pt', _type: 'localizedName', language: 'pt', name: 'Instituto Nacional da Propriedade Industrial'}],
  }),
  office('EA', 'EAPO', 'Eurasian Patent Organization', 'regional', 'RU', 'Moscow', 'https://www.eapo.org'),
  office('AP', 'ARIPO', 'African Regional Intellectual Property Organization', 'regional', 'ZW', 'Harare', 'https://www.aripo.org'),
  office('OA', 'OAPI', 'African Intellectual Property Organization', 'regional', 'CM', 'Yaoundé', 'https://www.oapi.int', {
    officialNames: [{_key: 'fr', _type: 'localizedName', language: 'fr', name: 'Organisation Africaine de la Propriété Intellectuelle'}],
  }),
  office('EM', 'EUIPO', 'European Union Intellectual Property Office', 'regional', 'ES', 'Alicante', 'https://www.euipo.europa.eu', {
    formerNames: [
      {
        _key: 'ohim',
        _type: 'formerName',
        name: 'Office for Harmonization in the Internal Market',
        abbreviation: 'OHIM',
        until: '2016-03-22',
      },
    ],
  }),
]

const department = (id: string, name: string, parent: string, chineseName: string): SeedOffice => ({
  _id: id,
  _type: 'office',
  name,
  kind: 'department',
  parent: ref(parent),
  officialNames: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: chineseName}],
})

/** The CNIPA departments whose principals were in the Chinese delegation, as the seed article names them. */
export const cnipaDepartments: SeedOffice[] = [
  department('office-cn-international-cooperation', 'International Cooperation Department', 'office-cn', '国际合作司'),
  department('office-cn-treaty-and-law', 'Department of Treaty and Law', 'office-cn', '条法司'),
  department('office-cn-strategic-planning', 'Strategic Planning Department', 'office-cn', '战略规划司'),
  department('office-cn-patent-office', 'Patent Office', 'office-cn', '专利局'),
  department('office-cn-patent-office-examination-affairs', 'Examination Affair Department', 'office-cn-patent-office', '审查业务管理部'),
  department('office-cn-patent-office-documentation', 'Patent Documentation Department', 'office-cn-patent-office', '专利文献部'),
  department('office-cn-patent-office-automation', 'Automation Department', 'office-cn-patent-office', '自动化部'),
]

export const offices = [...ip5Offices, ...otherOffices, ...cnipaDepartments]
