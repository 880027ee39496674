import {Box, Card, Flex, Spinner, Stack, Text} from '@sanity/ui'
import {useEffect, useState, type ComponentProps} from 'react'
import {getPublishedId, Preview, useDocumentStore, useSchema, type SanityDocument} from 'sanity'
import {IntentLink} from 'sanity/router'

import {STUDIO_API_VERSION} from '../../schemas/constants/ids.ts'

// A reverse lookup is fine here: it runs for the one document open in the editor, never for a list.
const REFERENCING_ARTICLES = `*[_type == "article" && references($id)] | order(publishedAt desc) [0...100] {_id, _type, title, section, publishedAt}`

type ArticleRow = Pick<SanityDocument, '_id' | '_type'> & {title?: string}

interface ViewProps {
  documentId: string
}

/** The articles that reference the open office, person or event, live, newest first. */
export function ReferencingArticles({documentId}: ViewProps) {
  const documentStore = useDocumentStore()
  const articleType = useSchema().get('article')
  const [rows, setRows] = useState<ArticleRow[] | undefined>(undefined)
  const [error, setError] = useState<Error | undefined>(undefined)
  const id = getPublishedId(documentId)

  useEffect(() => {
    const subscription = documentStore
      .listenQuery(REFERENCING_ARTICLES, {id}, {apiVersion: STUDIO_API_VERSION, perspective: 'drafts'})
      .subscribe({next: (result) => setRows(result as ArticleRow[]), error: setError})
    return () => subscription.unsubscribe()
  }, [documentStore, id])

  if (error) {
    return (
      <Card padding={4} tone="critical">
        <Text>Could not load the articles: {error.message}</Text>
      </Card>
    )
  }
  if (!rows || !articleType) {
    return (
      <Flex padding={4} justify="center">
        <Spinner muted />
      </Flex>
    )
  }
  if (rows.length === 0) {
    return (
      <Box padding={4}>
        <Text muted>No article references this document yet.</Text>
      </Box>
    )
  }
  return (
    <Stack padding={3} gap={1}>
      <Box paddingX={2} paddingBottom={2}>
        <Text size={1} muted>
          {rows.length === 100 ? 'The 100 newest articles' : `${rows.length} article${rows.length === 1 ? '' : 's'}`} reference
          this document.
        </Text>
      </Box>
      {rows.map((row) => (
        <ArticleLink key={row._id} row={row} schemaType={articleType} />
      ))}
    </Stack>
  )
}

function ArticleLink({row, schemaType}: {row: ArticleRow; schemaType: ComponentProps<typeof Preview>['schemaType']}) {
  return (
    <Card as={IntentLink} intent="edit" params={{id: getPublishedId(row._id), type: row._type}} padding={2} radius={2}>
      <Preview schemaType={schemaType} value={row} layout="default" />
    </Card>
  )
}
