/** Kinds of intellectual-property right an article can concern (WIPO's categories). */
export const ipRights = [
  {title: 'Patent', value: 'patent'},
  {title: 'Utility model', value: 'utilityModel'},
  {title: 'Trademark', value: 'trademark'},
  {title: 'Industrial design', value: 'industrialDesign'},
  {title: 'Copyright', value: 'copyright'},
  {title: 'Geographical indication', value: 'geographicalIndication'},
  {title: 'Trade secret', value: 'tradeSecret'},
  {title: 'Plant variety', value: 'plantVariety'},
  {title: 'IC layout design', value: 'icLayoutDesign'},
] as const
