import {append, at, defineMigration, patch, set, setIfMissing} from 'sanity/migrate'

/** The old name's last day: the Ministry of Intellectual Property took over on 1 October 2025. */
const LAST_DAY_AS_KIPO = '2025-09-30'

/**
 * KIPO became the Ministry of Intellectual Property (MOIP, 지식재산처) on 1 October 2025. The current
 * name moves to former names, dated; the Korean official name follows. Offices already renamed are
 * left alone, so running it twice changes nothing.
 *
 *   npx sanity migration run record-kipo-renaming            (dry run)
 *   npx sanity migration run record-kipo-renaming --no-dry-run
 */
export default defineMigration({
  title: "Record KIPO's renaming to the Ministry of Intellectual Property (2025)",
  documentTypes: ['office'],
  filter: 'st3Code == "KR" && abbreviation == "KIPO"',
  migrate: {
    document(office) {
      if (office.abbreviation !== 'KIPO') return undefined
      const officialNames = (office.officialNames as {_key: string; language?: string; name?: string}[] | undefined) ?? []
      const korean = officialNames.find((name) => name.language === 'ko')
      // One patch, so the renaming applies whole; ifRevision refuses it if the office changed meanwhile.
      const operations = [
        at('formerNames', setIfMissing([])),
        at(
          'formerNames',
          append({
            _key: 'kipo',
            _type: 'formerName',
            name: office.name as string,
            abbreviation: 'KIPO',
            until: LAST_DAY_AS_KIPO,
          }),
        ),
        at('name', set('Ministry of Intellectual Property')),
        at('abbreviation', set('MOIP')),
        ...(korean
          ? [at(['officialNames', {_key: korean._key}, 'name'], set('지식재산처'))]
          : [
              at('officialNames', setIfMissing([])),
              at('officialNames', append({_key: 'ko', _type: 'localizedName', language: 'ko', name: '지식재산처'})),
            ]),
      ]
      return patch(office._id, operations, office._rev ? {ifRevision: office._rev} : undefined)
    },
  },
})
