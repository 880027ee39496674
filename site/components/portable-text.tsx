import Link from 'next/link'
import {PortableText, type PortableTextComponents} from 'next-sanity'
import type {ComponentProps, ReactNode} from 'react'

import type {Language} from '../lib/i18n'
import {paths, safeHref} from '../lib/paths'

interface LinkTarget {
  _type?: string | null
  _id?: string | null
  slug?: string | null
  title?: string | null
}

/** Where an internal link goes: the page of the article, office, person or event it references. */
export function targetPath(target: LinkTarget | null | undefined, language: Language): string | undefined {
  if (!target) return undefined
  switch (target._type) {
    case 'article':
      return target.slug ? paths.article(language, target.slug) : undefined
    case 'person':
      return target.slug ? paths.person(language, target.slug) : undefined
    case 'event':
      return target.slug ? paths.event(language, target.slug) : undefined
    case 'office':
      return target._id ? paths.office(language, target._id) : undefined
    default:
      return undefined
  }
}

function components(language: Language): PortableTextComponents {
  return {
    marks: {
      internalLink: ({value, children}: {value?: {target?: LinkTarget | null}; children: ReactNode}) => {
        const href = targetPath(value?.target, language)
        return href ? <Link href={href}>{children}</Link> : <>{children}</>
      },
      link: ({value, children}: {value?: {href?: string}; children: ReactNode}) => {
        // The schema allows http, https and mailto only; anything else is shown as text.
        const href = safeHref(value?.href)
        if (!href) return <>{children}</>
        return (
          <a href={href} rel="noopener noreferrer">
            {children}
          </a>
        )
      },
    },
    types: {
      accessibleImage: ({value}: {value: {url?: string | null; alt?: string | null; caption?: string | null}}) =>
        value.url ? (
          <figure>
            <img src={value.url} alt={value.alt ?? ''} loading="lazy" />
            {value.caption ? <figcaption>{value.caption}</figcaption> : null}
          </figure>
        ) : null,
    },
  }
}

type Blocks = Extract<ComponentProps<typeof PortableText>['value'], unknown[]>

export function Body({value, language}: {value: Blocks | null | undefined; language: Language}) {
  if (!value || value.length === 0) return null
  return <PortableText value={value} components={components(language)} />
}
