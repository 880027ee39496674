/** Editorial topics that cut across sections. */
export const topics = [
  {title: 'Work sharing and PPH', value: 'workSharing'},
  {title: 'AI and emerging technologies', value: 'emergingTech'},
  {title: 'Standard-essential patents and FRAND', value: 'sepFrand'},
  {title: 'Unified Patent Court', value: 'upc'},
  {title: 'Enforcement', value: 'enforcement'},
  {title: 'Statistics', value: 'statistics'},
  {title: 'International cooperation', value: 'internationalCooperation'},
  {title: 'Digital transformation', value: 'digitalTransformation'},
  {title: 'Sustainable development', value: 'sustainability'},
] as const
