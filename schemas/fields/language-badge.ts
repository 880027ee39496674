import {createElement, type ReactElement} from 'react'

/** Short marks for the languages a badge has room for; any other tag shows its language subtag in capitals. */
const MARKS: Record<string, string> = {en: 'EN', 'zh-Hans': '中文', 'zh-Hant': '中文', ja: '日本', ko: '한국'}

/** The language tag as a preview's subtitle shows it ("en", "zh-Hans"), or undefined when there is none. */
export function languageLabel(language: unknown): string | undefined {
  return typeof language === 'string' && language ? language : undefined
}

/** A preview's media: the article's language as a small badge, for lists where articles in several languages sit together. */
export function languageBadge(language: unknown): ReactElement | undefined {
  const tag = languageLabel(language)
  if (!tag) return undefined
  const mark = MARKS[tag] ?? tag.split('-')[0]!.toUpperCase()
  return createElement(
    'span',
    {
      'data-testid': 'language-badge',
      'aria-label': tag,
      title: tag,
      style: {
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: '100%',
        height: '100%',
        fontSize: mark.length > 2 ? '0.6875rem' : '0.8125rem',
        fontWeight: 600,
        borderRadius: 3,
        background: 'var(--card-badge-primary-bg-color, #e3f2ff)',
        color: 'var(--card-badge-primary-fg-color, #0b4fa8)',
      },
    },
    mark,
  )
}
