import {Card, Stack, Text} from '@sanity/ui'
import type {ComponentType} from 'react'
import {useCurrentUser, type InputProps} from 'sanity'

/** What an editor reads above an office, person or forum they may not change, and what to do instead. */
export function readOnlyNotice(typeTitle: string): string {
  return `${typeTitle} records are reference data, kept by administrators: you can read them and pick them in articles and events, but not change them. To correct one or have one added, ask an administrator.`
}

/** The document's form, with the read-only notice above it for a user who may not edit the type. */
export function readOnlyNoticeInput(typeTitle: string, mayEdit: (user: ReturnType<typeof useCurrentUser>) => boolean): ComponentType<InputProps> {
  function ReferenceDataNotice(props: InputProps) {
    const user = useCurrentUser()
    if (mayEdit(user)) return props.renderDefault(props)
    return (
      <Stack gap={4}>
        <Card tone="caution" padding={3} radius={2} border data-testid="reference-data-notice">
          <Text size={1}>{readOnlyNotice(typeTitle)}</Text>
        </Card>
        {props.renderDefault(props)}
      </Stack>
    )
  }
  ReferenceDataNotice.displayName = 'ReferenceDataNotice'
  return ReferenceDataNotice
}
