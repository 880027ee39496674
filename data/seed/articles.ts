import {paragraph, ref, slug, type SeedArticle} from './helpers.ts'

const officeRefs = ['cn', 'us', 'ep', 'jp', 'kr', 'wo'].map((code) => ref(`office-${code}`, code))
const peopleRefs = ['liao-tao', 'valencia-martin-wallace', 'christoph-ernst', 'katsura-masanori', 'ryu-donghyun'].map((id) =>
  ref(`person-${id}`, id),
)

const english = {_id: 'article-ip5-deputy-heads-2023', slug: '2023-meeting-of-ip5-deputy-heads-of-office-held-online'}

/**
 * The article of ../../../shared/seed/ip5-deputy-heads-2023.txt. The page is undated; it is filed on
 * 1 June 2023, before the June Heads meeting it looks forward to.
 */
export const articles: SeedArticle[] = [
  {
    _id: english._id,
    _type: 'article',
    title: '2023 Meeting of IP5 Deputy Heads of Office Held Online',
    slug: slug(english.slug),
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
    events: [ref('event-ip5-deputy-heads-2023', 'meeting')],
    ipRights: ['patent'],
    topics: ['internationalCooperation', 'emergingTech', 'sustainability'],
    source: {_type: 'articleSource', office: ref('office-cn')},
    translation: {
      _type: 'translationInfo',
      originalLanguage: 'zh-Hans',
      note: 'Translated from CNIPA Website Chinese Version',
    },
  },
  {
    // The dataset's own Simplified Chinese rendering of the English article, written for this seed: it is not
    // the text of CNIPA's Chinese page (see README.md here). It shares the English version's slug (the site puts
    // the language in the address) and its section, offices, people, event, rights and topics, as a
    // translation made from the Studio's Translations menu does.
    _id: 'article-ip5-deputy-heads-2023-zh-hans',
    _type: 'article',
    title: '2023年五局副局长会议以视频形式召开',
    slug: slug(english.slug),
    section: 'news',
    publishedAt: '2023-06-01T00:00:00Z',
    language: 'zh-Hans',
    summary: '2023年五局副局长会议以视频形式召开，美国专利商标局担任本年度主席局，世界知识产权组织作为观察员出席。',
    body: [
      paragraph(
        'p1',
        '近日，2023年五局副局长会议以视频形式召开。美国专利商标局（USPTO）担任本年度五局合作主席局。国家知识产权局（CNIPA）副局长廖涛率中国代表团出席会议。会议由美国专利商标局副局长瓦伦西亚·马丁·华莱士主持，欧洲专利局（EPO）副局长克里斯托夫·恩斯特、日本特许厅（JPO）副长官桂正宪、韩国知识产权局（KIPO）次长Ryu Donghyun分别率团出席。世界知识产权组织（WIPO）派代表作为观察员参会。',
      ),
      paragraph(
        'p2',
        '廖涛表示，过去十年来，五局保持密切合作，取得丰硕成果，惠及广大用户。特别是近年来，五局同事积极运用不断更新的数字技术探索创新，形成了高效的线上合作模式，保持了良好的合作势头，合作不断深化。',
      ),
      paragraph(
        'p3',
        '会上，五局副局长听取了各工作组过去一年的工作进展报告，以及新兴技术和人工智能路线图合作框架下的工作情况，并就五局局长会议筹备、五局对可持续发展的贡献、五局联合声明更新、项目管理、与产业界的互动方式等事关五局未来合作的重要议题进行了讨论。会议还审议了拟提交五局局长批准的合作项目。本次会议为即将于6月举行的五局局长会议奠定了坚实基础，也将为推动五局合作发挥积极作用。',
      ),
      paragraph(
        'p4',
        '国家知识产权局国际合作司、条法司、战略规划司以及专利局审查业务管理部、专利文献部、自动化部负责同志作为中国代表团成员参加会议。',
      ),
    ],
    offices: officeRefs,
    people: peopleRefs,
    events: [ref('event-ip5-deputy-heads-2023', 'meeting')],
    ipRights: ['patent'],
    topics: ['internationalCooperation', 'emergingTech', 'sustainability'],
    source: {_type: 'articleSource', office: ref('office-cn')},
  },
]
