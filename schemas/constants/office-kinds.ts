export const officeKinds = [
  {title: 'National office', value: 'national'},
  {title: 'Regional office', value: 'regional'},
  {title: 'Intergovernmental organisation', value: 'intergovernmental'},
  {title: 'Department of an office', value: 'department'},
] as const

export type OfficeKind = (typeof officeKinds)[number]['value']
