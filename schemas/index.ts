import {article} from './documents/article.ts'
import {cookiePolicy} from './documents/cookie-policy.ts'
import {event} from './documents/event.ts'
import {forum} from './documents/forum.ts'
import {office} from './documents/office.ts'
import {person} from './documents/person.ts'
import {accessibleImage} from './objects/accessible-image.ts'
import {articleSource} from './objects/article-source.ts'
import {caseDetails} from './objects/case-details.ts'
import {caseParty} from './objects/case-party.ts'
import {cookieCategory} from './objects/cookie-category.ts'
import {cookieDeclaration} from './objects/cookie-declaration.ts'
import {delegation} from './objects/delegation.ts'
import {eventLocation} from './objects/event-location.ts'
import {externalLink} from './objects/external-link.ts'
import {formerName} from './objects/former-name.ts'
import {internalLink} from './objects/internal-link.ts'
import {localizedName} from './objects/localized-name.ts'
import {position} from './objects/position.ts'
import {reportedPerson} from './objects/reported-person.ts'
import {richText} from './objects/rich-text.ts'
import {seoFields} from './objects/seo-fields.ts'
import {translationInfo} from './objects/translation-info.ts'

export const documentTypes = [article, office, person, event, forum, cookiePolicy]

export const objectTypes = [
  accessibleImage,
  articleSource,
  caseDetails,
  caseParty,
  cookieCategory,
  cookieDeclaration,
  delegation,
  eventLocation,
  externalLink,
  formerName,
  internalLink,
  localizedName,
  position,
  reportedPerson,
  richText,
  seoFields,
  translationInfo,
]

export const schemaTypes = [...documentTypes, ...objectTypes]

export {COOKIE_POLICY_ID, REFERENCE_DATA_TYPES} from './constants/ids.ts'
export {articleSections} from './constants/article-sections.ts'
export {ipRights} from './constants/ip-rights.ts'
export {topics} from './constants/topics.ts'
export {officeKinds} from './constants/office-kinds.ts'
export {formatPersonName} from './rules/person-name.ts'
export {formatPartialDate} from './rules/partial-date.ts'
