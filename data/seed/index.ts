import {articles} from './articles.ts'
import {cookiePolicy} from './cookie-policy.ts'
import {events} from './events.ts'
import {forums} from './forums.ts'
import {offices} from './offices.ts'
import {people} from './people.ts'
import {translations} from './translations.ts'

/** The seed's world, in import order: what others reference comes first. */
export const seedDocuments = [...offices, ...forums, ...people, ...events, ...articles, ...translations, cookiePolicy]
