import {countryName} from './country-code.ts'

/** A pick-list entry: the code is what is stored, the title what the editor reads. */
export interface CodeOption {
  value: string
  title: string
}

export type CodeListKind = 'country' | 'language' | 'st3'

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** Every ISO 3166-1 alpha-2 code the country rule accepts: the two-letter codes the platform names as countries. */
export const COUNTRY_CODES: readonly string[] = [...letters].flatMap((first) => [...letters].map((second) => first + second)).filter((code) => countryName(code))

/** The languages offered first; any other BCP 47 tag can still be imported and is shown as it is. */
export const LANGUAGE_CODES: readonly string[] = [
  'en', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ru', 'ar', 'sv', 'da', 'fi', 'nb', 'pl', 'cs', 'sk',
  'hu', 'ro', 'bg', 'el', 'tr', 'he', 'fa', 'hi', 'id', 'ms', 'th', 'vi', 'uk', 'hr', 'sl', 'sr', 'et', 'lv', 'lt',
]

/**
 * WIPO ST.3 codes of offices and organisations that are not countries (ST.3 gives countries their ISO
 * 3166-1 code). Their names are the organisations' own English names, in every Studio language.
 */
export const ST3_ORGANISATION_CODES: Readonly<Record<string, string>> = {
  AP: 'African Regional Intellectual Property Organization (ARIPO)',
  BX: 'Benelux Office for Intellectual Property (BOIP)',
  EA: 'Eurasian Patent Organization (EAPO)',
  EM: 'European Union Intellectual Property Office (EUIPO)',
  EP: 'European Patent Office (EPO)',
  GC: 'Patent Office of the Cooperation Council for the Arab States of the Gulf (GCC)',
  IB: 'International Bureau of WIPO',
  OA: 'African Intellectual Property Organization (OAPI)',
  QZ: 'Community Plant Variety Office (CPVO)',
  WO: 'World Intellectual Property Organization (WIPO)',
  XN: 'Nordic Patent Institute (NPI)',
  XU: 'International Union for the Protection of New Varieties of Plants (UPOV)',
  XV: 'Visegrad Patent Institute (VPI)',
  XX: 'Unknown state or organisation',
}

function displayNames(locale: string, type: 'region' | 'language'): Intl.DisplayNames {
  try {
    return new Intl.DisplayNames([locale, 'en'], {type, fallback: 'none'})
  } catch {
    return new Intl.DisplayNames(['en'], {type, fallback: 'none'})
  }
}

/**
 * The pick list of one kind of code, with names in the editor's language (the Studio's locale: "South
 * Korea" in English, "韩国" in Chinese), sorted by name in that language; codes stay the values.
 */
export function codeOptions(kind: CodeListKind, locale = 'en'): CodeOption[] {
  const regions = displayNames(locale, 'region')
  const named = (code: string, name: string | undefined): CodeOption => ({value: code, title: name ? `${name} (${code})` : code})
  const options =
    kind === 'language'
      ? LANGUAGE_CODES.map((code) => named(code, displayNames(locale, 'language').of(code)))
      : kind === 'country'
        ? COUNTRY_CODES.map((code) => named(code, regions.of(code)))
        : [
            ...Object.entries(ST3_ORGANISATION_CODES).map(([code, name]) => named(code, name)),
            ...COUNTRY_CODES.filter((code) => !(code in ST3_ORGANISATION_CODES)).map((code) => named(code, regions.of(code))),
          ]
  const collator = new Intl.Collator([locale, 'en'])
  return options.toSorted((a, b) => collator.compare(a.title, b.title))
}

/** Whether an option matches what the editor typed: its name anywhere ("korea"), or its code from the start ("KR", "zh"). */
export function matchesCode(query: string, option: CodeOption): boolean {
  const wanted = query.trim().toLocaleLowerCase()
  if (!wanted) return true
  return option.title.toLocaleLowerCase().includes(wanted) || option.value.toLocaleLowerCase().startsWith(wanted)
}
