import {useEffect, useRef, useState} from 'react'
import {useDocumentOperation, type DocumentActionComponent, type DocumentActionDescription, type DocumentActionProps} from 'sanity'

import {publishedAtOnPublish} from '../../schemas/rules/published-at.ts'

const wrapped = new WeakMap<DocumentActionComponent, DocumentActionComponent>()

/**
 * Sanity's Publish, which first sets the article's publication time unless the editor set one (Sanity's
 * "set publishedAt on publish" recipe). The patch goes first; the original Publish runs once the draft
 * shows the time, and itself waits until that edit is saved, so the published article carries it.
 */
export function publishWithDate(original: DocumentActionComponent): DocumentActionComponent {
  const known = wrapped.get(original)
  if (known) return known
  const PublishWithDate: DocumentActionComponent = (props: DocumentActionProps) => {
    const {patch} = useDocumentOperation(props.id, props.type)
    const description = original(props) as DocumentActionDescription | null
    const latest = useRef(description)
    latest.current = description
    const [waiting, setWaiting] = useState(false)
    const draftPublishedAt = (props.draft as {publishedAt?: string} | null)?.publishedAt

    useEffect(() => {
      if (!waiting || !draftPublishedAt) return
      setWaiting(false)
      latest.current?.onHandle?.()
    }, [waiting, draftPublishedAt])

    if (!description) return description
    return {
      ...description,
      disabled: description.disabled || waiting,
      onHandle: () => {
        const publishedAt = props.version ? undefined : publishedAtOnPublish(props.draft, props.published, new Date())
        if (!publishedAt) return description.onHandle?.()
        patch.execute([{set: {publishedAt}}])
        setWaiting(true)
      },
    }
  }
  PublishWithDate.action = original.action
  PublishWithDate.displayName = 'PublishWithDate'
  wrapped.set(original, PublishWithDate)
  return PublishWithDate
}
