import {paragraph, ref, slug, type SeedArticle} from './helpers.ts'

const officeRefs = ['cn', 'us', 'ep', 'jp', 'kr', 'wo'].map((code) => ref(`office.${code}`, code))
const peopleRefs = ['liao-tao', 'valencia-martin-wallace', 'christoph-ernst', 'katsura-masanori', 'ryu-donghyun'].map((id) =>
  ref(`person.${id}`, id),
)

/**
 * The article of ../../../shared/seed/ip5-deputy-heads-2023.txt. The page is undated; it is filed on
 * 1 June 2023, before the June Heads meeting it looks forward to.
 */
export const articles: SeedArticle[] = [
  {
    _id: 'article.ip5-deputy-heads-2023',
    _type: 'article',
    title: '2023 Meeting of IP5 Deputy Heads of Office Held Online',
    slug: slug('2023-meeting-of-ip5-deputy-heads-of-office-held-online'),
    section: 'news',
    publishedAt: '2023-06-01T00:00:00Z',
    language: 'en',
    summary:
      'The 2023 meeting of IP5 Deputy Heads of Office was held via video link under the presidency of the USPTO, with WIPO attending as observer.',
    body: [
      paragraph(
        'p1',
        "The 2023 meeting of IP5 Deputy Heads of Office was held via video link recently. The United States Patent and Trademark Office (USPTO) held this year's presidency. Liao Tao, Deputy Commissioner of the China National Intellectual Property Administration (CNIPA) led a Chinese delegation to the meeting, which was officiated by USPTO Deputy Commissioner Valencia Martin Wallace and attended by delegations led respectively by European Patent Office (EPO)'s Vice President Christoph Ernst, Japan Patent Office (JPO)'s Deputy Commissioner Katsura Masanori, Korean Intellectual Property Office (KIPO)'s Vice Commissioner Ryu Donghyun. The World Intellectual Property Organization (WIPO) also sent representatives to the meeting as observers.",
      ),
      paragraph(
        'p2',
        'Liao said that the IP5 offices have maintained close cooperation in the past decade with prolific results benefiting users. Particularly in recent several years, colleagues from the five offices have endeavored to explore and innovate by using constantly-updated digital technologies and shaped an efficient mode of online cooperation, which has maintained a palpable cooperative momentum and incessantly deepened the cooperation.',
      ),
      paragraph(
        'p3',
        "During the meeting, Deputy Heads of the five offices listened to working progress and reports made by different working groups and through the cooperation framework of the roadmap for new emerging technologies and artificial intelligence in the past year, and held discussion on the preparation for the IP5 Heads of Office meeting, IP5's contribution to sustainable development, update on the IP5 Joint Statement, program management, interactive mode with the industry and other crucial issues related to the IP5's future cooperation. The meeting also reviewed the cooperation projects set to be proposed for approval by the IP5 Heads of Office. Having laid a solid foundation for the upcoming June meetings of IP5 Heads, this meeting will also exert its own role in bolstering IP5 cooperation.",
      ),
      paragraph(
        'p4',
        "CNIPA principals responsible for the International Cooperation Department, Department of Treaty and Law and Strategic Planning Department, and Patent Office's Examination Affair Department, Patent Documentation Department and Automation Department also attended the meeting as members of the Chinese delegation.",
      ),
    ],
    offices: officeRefs,
    people: peopleRefs,
    events: [ref('event.ip5-deputy-heads-2023', 'meeting')],
    ipRights: ['patent'],
    topics: ['internationalCooperation', 'emergingTech', 'sustainability'],
    source: {_type: 'articleSource', office: ref('office.cn')},
    translation: {
      _type: 'translationInfo',
      originalLanguage: 'zh-Hans',
      note: 'Translated from CNIPA Website Chinese Version',
    },
  },
]
