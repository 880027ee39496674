import type {Metadata} from 'next'
import {cookies} from 'next/headers'
import {notFound} from 'next/navigation'

import {ConsentSettings} from '../../../components/consent'
import {Part} from '../../../components/links'
import {Body} from '../../../components/portable-text'
import {CONSENT_COOKIE, parseConsent} from '../../../lib/consent'
import {consentPolicy, fetchCookiePolicy} from '../../../lib/cookie-policy'
import {formatDate, isLanguage, routeLanguage, t} from '../../../lib/i18n'
import {alternatesFor, paths, safeHref} from '../../../lib/paths'

type Props = {params: Promise<{lang: string}>}

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {lang} = await params
  if (!isLanguage(lang)) return {}
  const policy = await fetchCookiePolicy()
  return {title: policy?.policyLinkLabel ?? t(lang, 'cookiePolicy'), alternates: alternatesFor(lang, paths.cookiePolicy)}
}

const choiceLabels = {
  en: {none: 'not made yet', accepted: 'all cookies accepted', rejected: 'only strictly necessary cookies'},
  'zh-Hans': {none: '尚未选择', accepted: '已接受全部 Cookie', rejected: '仅限必要 Cookie'},
} as const

/** The cookie policy singleton: its text, categories and cookies, and the visitor's choice with the same two buttons. */
export default async function CookiePolicyPage({params}: Props) {
  const language = await routeLanguage(params)
  const [policy, cookieStore] = await Promise.all([fetchCookiePolicy(), cookies()])
  if (!policy) notFound()
  return (
    <article>
      <h1>{policy.policyLinkLabel ?? t(language, 'cookiePolicy')}</h1>
      <p className="meta">
        {t(language, 'version')} {policy.version}
        {policy.effectiveDate ? (
          <>
            {', '}
            {t(language, 'effective')} <time dateTime={policy.effectiveDate}>{formatDate(policy.effectiveDate, language)}</time>
          </>
        ) : null}
      </p>
      <Body value={policy.policy} language={language} />
      <Part id="cookie-settings" title={(language === 'en' && policy.preferencesLabel) || t(language, 'cookieSettings')}>
        <ConsentSettings
          policy={consentPolicy(policy)}
          current={parseConsent(cookieStore.get(CONSENT_COOKIE)?.value)}
          labels={{yourChoice: t(language, 'yourChoice'), ...choiceLabels[language]}}
        />
      </Part>
      {policy.categories && policy.categories.length > 0 ? (
        <Part id="policy-categories" title={t(language, 'categories')}>
          <dl>
            {policy.categories.map((category) => (
              <div key={category.key}>
                <dt>
                  <strong>{category.title}</strong> ({category.required || category.strictlyNecessary ? t(language, 'required') : t(language, 'optional')})
                </dt>
                <dd>{category.description}</dd>
              </div>
            ))}
          </dl>
        </Part>
      ) : null}
      {policy.cookies && policy.cookies.length > 0 ? (
        <Part id="policy-cookies" title={t(language, 'cookies')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(language, 'name')}</th>
                <th scope="col">{t(language, 'provider')}</th>
                <th scope="col">{t(language, 'category')}</th>
                <th scope="col">{t(language, 'purpose')}</th>
                <th scope="col">{t(language, 'duration')}</th>
              </tr>
            </thead>
            <tbody>
              {policy.cookies.map((cookie) => (
                <tr key={cookie.name}>
                  <th scope="row">
                    <code>{cookie.name}</code>
                  </th>
                  <td>{cookie.provider}</td>
                  <td>{policy.categories?.find((category) => category.key === cookie.category)?.title ?? cookie.category}</td>
                  <td>{cookie.purpose}</td>
                  <td>{cookie.duration}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Part>
      ) : null}
      {safeHref(policy.privacyStatementUrl) ? (
        <p>
          <a href={safeHref(policy.privacyStatementUrl)}>{t(language, 'privacy')}</a>
        </p>
      ) : null}
    </article>
  )
}
