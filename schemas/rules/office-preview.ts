import {officeKinds} from '../constants/office-kinds.ts'
import {countryName} from './country-code.ts'

export interface OfficePreviewParts {
  name?: string
  abbreviation?: string
  code?: string
  kind?: string
  country?: string
  /** A department's office: its abbreviation, else its name, after its own office's abbreviation when it has one. */
  parentAbbreviation?: string
  parentName?: string
  grandparent?: string
}

/**
 * An office's preview, with what tells look-alikes apart first: two offices called "National Institute
 * of Industrial Property" (INPI of France and of Brazil) read "INPI (FR) – National Institute of ..."
 * and "INPI (BR) – ...", and a department "CNIPA – International Cooperation Department", so a list or a
 * reference field that cuts the title short still shows which one it is.
 */
export function officePreview(parts: OfficePreviewParts): {title: string; subtitle: string} {
  const {name, abbreviation, code, kind, country} = parts
  const parent = [parts.grandparent, parts.parentAbbreviation ?? parts.parentName].filter(Boolean).join(' ') || undefined
  const kindTitle = officeKinds.find((known) => known.value === kind)?.title
  if (kind === 'department') {
    return {
      title: [parent, name].filter(Boolean).join(' – ') || 'Unnamed department',
      subtitle: parent ? `Department of ${parent}` : 'Department: choose the office it belongs to',
    }
  }
  const tag = abbreviation ? (code && code !== abbreviation ? `${abbreviation} (${code})` : abbreviation) : code
  return {
    title: [tag, name].filter(Boolean).join(' – ') || 'Unnamed office',
    subtitle: [kindTitle, countryName(country)].filter(Boolean).join(' · '),
  }
}
