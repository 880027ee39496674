import type {ArticleSection} from '../constants/article-sections.ts'
import type {RuleResult} from './result.ts'

/** Case details belong to articles in the Cases section, and are required there. */
export function checkCaseDetails(section: ArticleSection | undefined, details: unknown): RuleResult {
  if (section !== 'case' || details) return true
  return 'Articles in Cases need the case details: the court, case number and decision'
}

/** A Links entry exists to point elsewhere, so its URL is required. */
export function checkExternalUrl(section: ArticleSection | undefined, url: string | undefined): RuleResult {
  if (section !== 'link' || url) return true
  return 'Articles in Links need the address of the page they point to'
}
