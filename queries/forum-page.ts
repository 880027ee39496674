import {defineQuery} from 'groq'

/**
 * A forum page: member and observer offices, and its events, newest first. Params: $id (for example
 * "forum-ip5") and $language: names and titles in that language where the dataset has them, else English.
 */
export const forumPageQuery = defineQuery(`*[_type == "forum" && _id == $id][0] {
  _id,
  "name": coalesce(localizedNames[language == $language][0].name, name),
  abbreviation,
  founded,
  website,
  description,
  "members": members[]->{_id, "name": coalesce(officialNames[language == $language][0].name, name), abbreviation, st3Code},
  "observers": observers[]->{_id, "name": coalesce(officialNames[language == $language][0].name, name), abbreviation, st3Code},
  "events": *[_type == "event" && forum._ref == ^._id] | order(startDate desc, _id desc) [0...20] {
    _id,
    "title": coalesce(localizedTitles[language == $language][0].name, title),
    "slug": slug.current,
    kind,
    startDate,
    datePrecision
  }
}`)
