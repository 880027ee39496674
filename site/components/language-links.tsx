'use client'

import {usePathname} from 'next/navigation'

/**
 * This page in each language: the same path after the language (articles share their slug across
 * languages). A client component because the layout it sits in is not rendered again when the reader
 * follows a link; the server renders it with the page's path all the same.
 */
export function LanguageLinks({current, label, names}: {current: string; label: string; names: Record<string, string>}) {
  const pathname = usePathname() ?? `/${current}`
  const rest = pathname.replace(/^\/[^/]+/, '')
  return (
    <nav aria-label={label} className="languages">
      <ul>
        {Object.entries(names).map(([language, name]) => (
          <li key={language}>
            {language === current ? (
              <span aria-current="page" lang={language}>
                {name}
              </span>
            ) : (
              <a href={`/${language}${rest}`} hrefLang={language} lang={language}>
                {name}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}
