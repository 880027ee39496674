import {notFound} from 'next/navigation'

/** The site's languages: English first (the fallback), then Simplified Chinese, as the desk publishes them. */
export const languages = ['en', 'zh-Hans'] as const
export type Language = (typeof languages)[number]

export const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value)

export const languageNames: Record<Language, string> = {en: 'English', 'zh-Hans': '简体中文'}

/** The sections of the source site's navigation, in its order; `value` as the package stores it. */
export const sections = [
  {value: 'news', title: {en: 'IP News', 'zh-Hans': '知识产权新闻'}},
  {value: 'alert', title: {en: 'Alerts', 'zh-Hans': '提示'}},
  {value: 'article', title: {en: 'Articles', 'zh-Hans': '文章'}},
  {value: 'case', title: {en: 'Cases', 'zh-Hans': '案例'}},
  {value: 'link', title: {en: 'Links', 'zh-Hans': '链接'}},
] as const
export type Section = (typeof sections)[number]['value']

export const isSection = (value: string): value is Section => sections.some((section) => section.value === value)

export function sectionTitle(value: string | null | undefined, language: Language): string {
  return sections.find((section) => section.value === value)?.title[language] ?? value ?? ''
}

const strings = {
  siteName: {en: 'IP News', 'zh-Hans': '知识产权新闻'},
  skip: {en: 'Skip to content', 'zh-Hans': '跳到正文'},
  sections: {en: 'Sections', 'zh-Hans': '栏目'},
  language: {en: 'Language', 'zh-Hans': '语言'},
  latest: {en: 'Latest', 'zh-Hans': '最新'},
  all: {en: 'All articles in', 'zh-Hans': '全部文章：'},
  noArticles: {en: 'No articles yet.', 'zh-Hans': '暂无文章。'},
  next: {en: 'Older articles', 'zh-Hans': '更早的文章'},
  first: {en: 'Newest articles', 'zh-Hans': '最新文章'},
  published: {en: 'Published', 'zh-Hans': '发布于'},
  updated: {en: 'Updated', 'zh-Hans': '更新于'},
  offices: {en: 'Offices', 'zh-Hans': '知识产权局'},
  people: {en: 'People', 'zh-Hans': '人物'},
  events: {en: 'Events', 'zh-Hans': '活动'},
  source: {en: 'Source', 'zh-Hans': '来源'},
  translations: {en: 'Also in', 'zh-Hans': '其他语言版本'},
  fallback: {en: 'This article is not available in English; it is shown in', 'zh-Hans': '本文暂无中文版本，以下为'},
  fallbackEnd: {en: '.', 'zh-Hans': '版本。'},
  translatedFrom: {en: 'Translated from', 'zh-Hans': '译自'},
  original: {en: 'original', 'zh-Hans': '原文'},
  case: {en: 'Case', 'zh-Hans': '案件'},
  linkTo: {en: 'Read it at the source', 'zh-Hans': '阅读原文'},
  articles: {en: 'Articles', 'zh-Hans': '文章'},
  departments: {en: 'Departments', 'zh-Hans': '内设部门'},
  partOf: {en: 'Part of', 'zh-Hans': '隶属于'},
  website: {en: 'Website', 'zh-Hans': '网站'},
  hostedEvents: {en: 'Events hosted', 'zh-Hans': '主办的活动'},
  positions: {en: 'Positions', 'zh-Hans': '职务'},
  since: {en: 'since', 'zh-Hans': '起'},
  until: {en: 'until', 'zh-Hans': '至'},
  forum: {en: 'Forum', 'zh-Hans': '论坛'},
  host: {en: 'Host', 'zh-Hans': '主办方'},
  chair: {en: 'Chair', 'zh-Hans': '主持人'},
  delegations: {en: 'Delegations', 'zh-Hans': '代表团'},
  agenda: {en: 'Agenda', 'zh-Hans': '议题'},
  where: {en: 'Where', 'zh-Hans': '地点'},
  online: {en: 'Online', 'zh-Hans': '线上'},
  members: {en: 'Members', 'zh-Hans': '成员'},
  observers: {en: 'Observers', 'zh-Hans': '观察员'},
  observer: {en: 'observer', 'zh-Hans': '观察员'},
  founded: {en: 'Founded', 'zh-Hans': '成立于'},
  cookiePolicy: {en: 'Cookie Policy', 'zh-Hans': 'Cookie 政策'},
  cookieSettings: {en: 'Cookie settings', 'zh-Hans': 'Cookie 设置'},
  privacy: {en: 'Privacy Statement', 'zh-Hans': '隐私声明'},
  version: {en: 'Version', 'zh-Hans': '版本'},
  effective: {en: 'in effect from', 'zh-Hans': '生效日期'},
  categories: {en: 'Categories of cookies', 'zh-Hans': 'Cookie 类别'},
  cookies: {en: 'Cookies the site sets', 'zh-Hans': '本站设置的 Cookie'},
  name: {en: 'Name', 'zh-Hans': '名称'},
  provider: {en: 'Provider', 'zh-Hans': '提供方'},
  purpose: {en: 'Purpose', 'zh-Hans': '用途'},
  duration: {en: 'Duration', 'zh-Hans': '期限'},
  category: {en: 'Category', 'zh-Hans': '类别'},
  required: {en: 'always on', 'zh-Hans': '始终启用'},
  optional: {en: 'only if you accept', 'zh-Hans': '仅在您同意后'},
  yourChoice: {en: 'Your choice', 'zh-Hans': '您的选择'},
  search: {en: 'Search', 'zh-Hans': '搜索'},
  searchLabel: {en: 'Search articles', 'zh-Hans': '搜索文章'},
  results: {en: 'Results for', 'zh-Hans': '搜索结果：'},
  noResults: {en: 'No article matches.', 'zh-Hans': '没有匹配的文章。'},
  feed: {en: 'RSS feed', 'zh-Hans': 'RSS 订阅'},
  notFound: {en: 'Page not found', 'zh-Hans': '未找到页面'},
  home: {en: 'Home', 'zh-Hans': '首页'},
} as const

export type StringKey = keyof typeof strings

export const t = (language: Language, key: StringKey): string => strings[key][language]

/** A date (or date-time) as the reader's language writes it, in UTC so server and browser agree. */
export function formatDate(value: string | null | undefined, language: Language, precision?: string | null): string {
  if (!value) return ''
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return value
  const options: Intl.DateTimeFormatOptions =
    precision === 'year' ? {year: 'numeric'} : precision === 'month' ? {year: 'numeric', month: 'long'} : {year: 'numeric', month: 'long', day: 'numeric'}
  return new Intl.DateTimeFormat(language, {...options, timeZone: 'UTC'}).format(date)
}

/** The route's language, or a 404 for any other first segment. */
export async function routeLanguage(params: Promise<{lang: string}>): Promise<Language> {
  const {lang} = await params
  if (!isLanguage(lang)) notFound()
  return lang
}
