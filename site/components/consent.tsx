'use client'

import {useRouter} from 'next/navigation'
import {useState, type ReactNode} from 'react'

import {consentCookie, type Consent} from '../lib/consent'

export interface ConsentPolicy {
  version: number
  lifetimeDays: number
  /** Every category's key, and those the site needs whatever the choice. */
  allCategories: string[]
  requiredCategories: string[]
  acceptLabel: string
  rejectLabel: string
}

function useChoose(policy: ConsentPolicy, onChosen: (consent: Consent) => void) {
  return (accept: boolean) => {
    const consent = {version: policy.version, categories: accept ? policy.allCategories : policy.requiredCategories}
    document.cookie = consentCookie(consent, policy.lifetimeDays)
    onChosen(consent)
  }
}

/** Accept and reject: two buttons of the same kind, side by side, in the policy's words. */
function Choices({policy, choose}: {policy: ConsentPolicy; choose: (accept: boolean) => void}) {
  return (
    <div className="consent-choices">
      <button type="button" onClick={() => choose(true)}>
        {policy.acceptLabel}
      </button>
      <button type="button" onClick={() => choose(false)}>
        {policy.rejectLabel}
      </button>
    </div>
  )
}

/**
 * The cookie banner: the server renders it only while the visitor has not answered the policy's current
 * version. It is a region at the foot of the page, not a dialog: the page stays usable behind it.
 */
export function CookieBanner({policy, label, children}: {policy: ConsentPolicy; label: string; children: ReactNode}) {
  const [open, setOpen] = useState(true)
  const choose = useChoose(policy, () => setOpen(false))
  if (!open) return null
  return (
    <section className="cookie-banner" aria-label={label} data-policy-version={policy.version}>
      <div className="cookie-banner-text">{children}</div>
      <Choices policy={policy} choose={choose} />
    </section>
  )
}

/** On the cookie-policy page: the choice made, and the same two buttons to change it. */
export function ConsentSettings({policy, current, labels}: {policy: ConsentPolicy; current: Consent | undefined; labels: {yourChoice: string; none: string; accepted: string; rejected: string}}) {
  const router = useRouter()
  const [consent, setConsent] = useState(current)
  const choose = useChoose(policy, (chosen) => {
    setConsent(chosen)
    // The banner (rendered by the server) goes once the page is rendered again with the cookie.
    router.refresh()
  })
  const answered = consent?.version === policy.version
  const state = !answered ? labels.none : consent.categories.length > policy.requiredCategories.length ? labels.accepted : labels.rejected
  return (
    <div className="consent-settings">
      <output className="consent-state">
        {labels.yourChoice}: <strong>{state}</strong>
      </output>
      <Choices policy={policy} choose={choose} />
    </div>
  )
}
