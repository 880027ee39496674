import {defineQuery} from 'groq'

/** A forum page: member and observer offices, and its events, newest first. Param: $id (for example "forum.ip5"). */
export const forumPageQuery = defineQuery(`*[_type == "forum" && _id == $id][0] {
  _id,
  name,
  abbreviation,
  founded,
  website,
  description,
  "members": members[]->{_id, name, abbreviation, st3Code},
  "observers": observers[]->{_id, name, abbreviation, st3Code},
  "events": *[_type == "event" && forum._ref == ^._id] | order(startDate desc, _id desc) [0...20] {
    _id,
    title,
    "slug": slug.current,
    kind,
    startDate,
    datePrecision
  }
}`)
