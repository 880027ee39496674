import {ref, slug, type SeedEvent} from './helpers.ts'

const head = (person: string, titleAsReported: string) => ({_type: 'reportedPerson' as const, person: ref(person), titleAsReported})

/**
 * The seed article gives no date: the meeting was held "recently", before "the upcoming June meetings of
 * IP5 Heads" (12-15 June 2023). So the date is known to the year only.
 */
export const events: SeedEvent[] = [
  {
    _id: 'event-ip5-deputy-heads-2023',
    _type: 'event',
    title: '2023 IP5 Deputy Heads of Office meeting',
    localizedTitles: [{_key: 'zh-Hans', _type: 'localizedName', language: 'zh-Hans', name: '2023年五局副局长会议'}],
    slug: slug('ip5-deputy-heads-2023'),
    forum: ref('forum-ip5'),
    kind: 'deputyHeadsMeeting',
    datePrecision: 'year',
    startDate: '2023-01-01',
    attendanceMode: 'online',
    videoLinkNote: 'Held via video link',
    host: ref('office-us'),
    chair: head('person-valencia-martin-wallace', 'Deputy Commissioner'),
    summary:
      'The Deputy Heads heard the working groups, discussed the preparation of the June Heads of Office meeting and reviewed the cooperation projects to be proposed to the Heads.',
    delegations: [
      {
        _key: 'cn',
        _type: 'delegation',
        office: ref('office-cn'),
        role: 'member',
        head: head('person-liao-tao', 'Deputy Commissioner'),
        members: [
          ref('office-cn-international-cooperation', 'icd'),
          ref('office-cn-treaty-and-law', 'tl'),
          ref('office-cn-strategic-planning', 'sp'),
          ref('office-cn-patent-office-examination-affairs', 'ea'),
          ref('office-cn-patent-office-documentation', 'pd'),
          ref('office-cn-patent-office-automation', 'au'),
        ],
      },
      {_key: 'us', _type: 'delegation', office: ref('office-us'), role: 'member', head: head('person-valencia-martin-wallace', 'Deputy Commissioner')},
      {_key: 'ep', _type: 'delegation', office: ref('office-ep'), role: 'member', head: head('person-christoph-ernst', 'Vice President')},
      {_key: 'jp', _type: 'delegation', office: ref('office-jp'), role: 'member', head: head('person-katsura-masanori', 'Deputy Commissioner')},
      {_key: 'kr', _type: 'delegation', office: ref('office-kr'), role: 'member', head: head('person-ryu-donghyun', 'Vice Commissioner')},
      {_key: 'wo', _type: 'delegation', office: ref('office-wo'), role: 'observer'},
    ],
    agendaTopics: [
      'Working group progress reports',
      'Roadmap for new emerging technologies and artificial intelligence',
      'Preparation of the IP5 Heads of Office meeting',
      "IP5's contribution to sustainable development",
      'Update on the IP5 Joint Statement',
      'Programme management',
      'Interaction with industry',
      'Cooperation projects proposed for approval by the IP5 Heads of Office',
    ],
  },
]
