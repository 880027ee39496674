import {cookiePolicyQuery} from 'sanity-plugin-ip-news/queries'
import type {CookiePolicyQueryResult} from 'sanity-plugin-ip-news/types'

import type {ConsentPolicy} from '../components/consent'
import {sanityFetch} from './sanity'

export type CookiePolicy = NonNullable<CookiePolicyQueryResult>

export async function fetchCookiePolicy(): Promise<CookiePolicy | null> {
  const {data} = await sanityFetch({stega: false, query: cookiePolicyQuery})
  return data
}

/** What the banner's buttons need from the policy. */
export function consentPolicy(policy: CookiePolicy): ConsentPolicy {
  const categories = (policy.categories ?? []).filter((category) => category.key)
  return {
    version: policy.version ?? 0,
    lifetimeDays: policy.consentLifetimeDays ?? 182,
    allCategories: categories.map((category) => category.key!),
    requiredCategories: categories.filter((category) => category.required || category.strictlyNecessary).map((category) => category.key!),
    acceptLabel: policy.acceptLabel ?? 'Accept',
    rejectLabel: policy.rejectLabel ?? 'Reject',
  }
}
