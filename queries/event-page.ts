import {defineQuery} from 'groq'

/** An event page: forum, host, chair, delegations with heads and members, related articles. Param: $slug. */
export const eventPageQuery = defineQuery(`*[_type == "event" && slug.current == $slug][0] {
  _id,
  title,
  "slug": slug.current,
  kind,
  summary,
  datePrecision,
  startDate,
  endDate,
  attendanceMode,
  location {venue, city, country},
  videoLinkNote,
  agendaTopics,
  "forum": forum->{_id, name, abbreviation},
  "host": host->{_id, name, abbreviation, st3Code},
  chair {
    titleAsReported,
    "person": person->{
      _id,
      "slug": slug.current,
      "name": array::join(select(nameOrder == "familyFirst" => [familyName, givenName], [givenName, familyName])[defined(@)], " ")
    }
  },
  delegations[] {
    _key,
    role,
    "office": office->{_id, name, abbreviation, st3Code},
    head {
      titleAsReported,
      "person": person->{
        _id,
        "slug": slug.current,
        "name": array::join(select(nameOrder == "familyFirst" => [familyName, givenName], [givenName, familyName])[defined(@)], " ")
      }
    },
    "members": members[]->{
      _id,
      _type,
      "slug": slug.current,
      "name": coalesce(
        name,
        array::join(select(nameOrder == "familyFirst" => [familyName, givenName], [givenName, familyName])[defined(@)], " ")
      )
    }
  },
  "relatedArticles": *[_type == "article" && references(^._id)] | order(publishedAt desc, _id desc) [0...10] {
    _id,
    title,
    "slug": slug.current,
    publishedAt
  }
}`)
