export const eventKinds = [
  {title: 'Heads of Office meeting', value: 'headsMeeting'},
  {title: 'Deputy Heads of Office meeting', value: 'deputyHeadsMeeting'},
  {title: 'Working group', value: 'workingGroup'},
  {title: 'Conference', value: 'conference'},
  {title: 'Other', value: 'other'},
] as const

export const attendanceModes = [
  {title: 'In person', value: 'inPerson'},
  {title: 'Online', value: 'online'},
  {title: 'Hybrid', value: 'hybrid'},
] as const

export type AttendanceMode = (typeof attendanceModes)[number]['value']

export const delegationRoles = [
  {title: 'Member', value: 'member'},
  {title: 'Observer', value: 'observer'},
] as const
