import {Box, Card, Flex, Spinner, Stack, Text} from '@sanity/ui'
import {useEffect, useState, type ComponentProps, type ComponentType} from 'react'
import {getPublishedId, Preview, useDocumentStore, useSchema, type SanityDocument} from 'sanity'
import {IntentLink} from 'sanity/router'

import {STUDIO_API_VERSION} from '../../schemas/constants/ids.ts'
import {countOf} from '../../schemas/rules/text.ts'

/** At most this many rows: the view is a pointer to the documents, not a list tool. */
export const REFERENCING_LIMIT = 100

type Row = Pick<SanityDocument, '_id' | '_type'> & {title?: string}

/** What the view says above its rows: "1 article refers to this office.", "2 events refer to this forum." */
export function referencingSummary(count: number, noun: {singular: string; plural: string}, target: string): string {
  if (count === 0) return `No ${noun.singular} refers to this ${target} yet.`
  if (count >= REFERENCING_LIMIT) return `The ${REFERENCING_LIMIT} newest ${noun.plural} that refer to this ${target}.`
  return `${countOf(count, noun.singular, noun.plural)} ${count === 1 ? 'refers' : 'refer'} to this ${target}.`
}

export interface ReferencingViewOptions {
  /** The type of the documents listed, such as article or event. */
  type: string
  noun: {singular: string; plural: string}
  /** A GROQ ordering of the rows, newest first. */
  order: string
}

export interface ViewProps {
  documentId: string
  schemaType: {name: string; title?: string}
}

/** A document view listing, live, the documents of one type that refer to the open document. */
/** The view's query, with `$type` and `$id`. A reverse lookup is fine here: it runs for the one document open in the editor, never for a list. */
export const referencingQuery = (order: string) =>
  `*[_type == $type && references($id)] | order(${order}) [0...${REFERENCING_LIMIT}] {_id, _type, title}`

export function referencingView({type, noun, order}: ReferencingViewOptions): ComponentType<ViewProps> {
  const query = referencingQuery(order)

  function ReferencingDocuments({documentId, schemaType}: ViewProps) {
    const documentStore = useDocumentStore()
    const rowType = useSchema().get(type)
    const [rows, setRows] = useState<Row[] | undefined>(undefined)
    const [error, setError] = useState<Error | undefined>(undefined)
    const id = getPublishedId(documentId)
    const target = (schemaType.title ?? schemaType.name).toLowerCase()

    useEffect(() => {
      const subscription = documentStore
        .listenQuery(query, {id, type}, {apiVersion: STUDIO_API_VERSION, perspective: 'drafts'})
        .subscribe({next: (result) => setRows(result as Row[]), error: setError})
      return () => subscription.unsubscribe()
    }, [documentStore, id])

    if (error) {
      return (
        <Card padding={4} tone="critical">
          <Text>
            Could not load the {noun.plural}: {error.message}
          </Text>
        </Card>
      )
    }
    if (!rows || !rowType) {
      return (
        <Flex padding={4} justify="center">
          <Spinner muted />
        </Flex>
      )
    }
    return (
      <Stack padding={3} gap={1}>
        <Box paddingX={2} paddingBottom={2}>
          <Text size={1} muted>
            {referencingSummary(rows.length, noun, target)}
          </Text>
        </Box>
        {rows.map((row) => (
          <RowLink key={row._id} row={row} schemaType={rowType} />
        ))}
      </Stack>
    )
  }
  ReferencingDocuments.displayName = `Referencing(${type})`
  return ReferencingDocuments
}

function RowLink({row, schemaType}: {row: Row; schemaType: ComponentProps<typeof Preview>['schemaType']}) {
  return (
    <Card as={IntentLink} intent="edit" params={{id: getPublishedId(row._id), type: row._type}} padding={2} radius={2}>
      <Preview schemaType={schemaType} value={row} layout="default" />
    </Card>
  )
}
