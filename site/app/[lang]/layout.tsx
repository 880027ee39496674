import type {Metadata} from 'next'
import {cookies, draftMode} from 'next/headers'
import Link from 'next/link'
import {notFound} from 'next/navigation'
import {VisualEditing} from 'next-sanity/visual-editing'
import type {ReactNode} from 'react'

import {CookieBanner} from '../../components/consent'
import {LanguageLinks} from '../../components/language-links'
import {PublishedLive} from '../../components/published-live'
import {answers, CONSENT_COOKIE, parseConsent} from '../../lib/consent'
import {consentPolicy, fetchCookiePolicy} from '../../lib/cookie-policy'
import {isLanguage, languageNames, sections, t, type Language} from '../../lib/i18n'
import {paths, safeHref, siteUrl} from '../../lib/paths'
import {publishedLiveConfig, SanityLive} from '../../lib/sanity'
import {expireSyncTags} from '../live-action'
// oxlint-disable-next-line import/no-unassigned-import -- Next.js takes global CSS as an import for its side effect
import '../globals.css'

export async function generateMetadata({params}: {params: Promise<{lang: string}>}): Promise<Metadata> {
  const {lang} = await params
  const language: Language = isLanguage(lang) ? lang : 'en'
  return {
    metadataBase: new URL(siteUrl()),
    title: {template: `%s · ${t(language, 'siteName')}`, default: t(language, 'siteName')},
  }
}

export default async function LanguageLayout({children, params}: {children: ReactNode; params: Promise<{lang: string}>}) {
  const {lang} = await params
  if (!isLanguage(lang)) notFound()
  const language = lang
  const [policy, cookieStore, draft] = await Promise.all([fetchCookiePolicy(), cookies(), draftMode()])
  const consent = parseConsent(cookieStore.get(CONSENT_COOKIE)?.value)
  const askConsent = policy !== null && !answers(consent, policy.version)
  const live = draft.isEnabled ? null : publishedLiveConfig()
  return (
    <html lang={language}>
      <body>
        <a className="skip" href="#main">
          {t(language, 'skip')}
        </a>
        <header className="site-header">
          <p className="brand">
            <Link href={paths.home(language)}>{t(language, 'siteName')}</Link>
          </p>
          <nav aria-label={t(language, 'sections')}>
            <ul>
              {sections.map((section) => (
                <li key={section.value}>
                  <Link href={paths.section(language, section.value)}>{section.title[language]}</Link>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageLinks current={language} label={t(language, 'language')} names={languageNames} />
          <search>
            <form action={paths.search(language)} className="search">
              <label htmlFor="site-search">{t(language, 'searchLabel')}</label>
              <input id="site-search" type="search" name="q" />
              <button type="submit">{t(language, 'search')}</button>
            </form>
          </search>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <ul>
            <li>
              {/* The policy's own label is English: other languages use theirs. */}
              <Link href={paths.cookiePolicy(language)}>{(language === 'en' && policy?.policyLinkLabel) || t(language, 'cookiePolicy')}</Link>
            </li>
            <li>
              <Link href={`${paths.cookiePolicy(language)}#cookie-settings`}>{(language === 'en' && policy?.preferencesLabel) || t(language, 'cookieSettings')}</Link>
            </li>
            {safeHref(policy?.privacyStatementUrl) ? (
              <li>
                <a href={safeHref(policy?.privacyStatementUrl)}>{t(language, 'privacy')}</a>
              </li>
            ) : null}
            {sections.map((section) => (
              <li key={section.value}>
                <a href={paths.feed(language, section.value)} type="application/rss+xml">
                  {t(language, 'feed')}: {section.title[language]}
                </a>
              </li>
            ))}
          </ul>
        </footer>
        {askConsent ? (
          <CookieBanner key={policy.version ?? 0} policy={consentPolicy(policy)} label={policy.policyLinkLabel ?? t(language, 'cookiePolicy')}>
            {/* The policy is written in English: marked so where the page is in another language. */}
            <p lang={language === 'en' ? undefined : 'en'}>
              {policy.bannerText}{' '}
              <Link href={paths.cookiePolicy(language)}>{policy.policyLinkLabel ?? t(language, 'cookiePolicy')}</Link>
            </p>
          </CookieBanner>
        ) : null}
        {/* Live updates: next-sanity's <SanityLive> in draft mode (drafts, with the browser token), its
            lighter equivalent for visitors (published content on the browser's EventSource). */}
        {live ? (
          <>
            {/* As <SanityLive> does: the browser connects to the API early (React puts the link in the head). */}
            <link rel="preconnect" href={new URL(live.eventsUrl).origin} />
            <PublishedLive config={live} action={expireSyncTags} />
          </>
        ) : (
          <SanityLive action={expireSyncTags} />
        )}
        {/* In the Studio's Presentation tool (draft mode): overlays that open each value's field in the Studio. */}
        {draft.isEnabled ? <VisualEditing /> : null}
      </body>
    </html>
  )
}
