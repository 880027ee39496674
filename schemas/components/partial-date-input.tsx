import {TextInput} from '@sanity/ui'
import {useEffect, useState} from 'react'
import {set, unset, useFormValue, type StringInputProps} from 'sanity'

import type {DatePrecision} from '../constants/date-precisions.ts'
import {normaliseToPrecision} from '../rules/partial-date.ts'

/**
 * An event date as exactly as it is known: Sanity's day picker for an exact day, a month field for
 * "Month only" and a year field for "Year only", which store the 1st of the month or 1 January. A date
 * entered before the precision changed is moved to the start of its month or year, so the editor never
 * has to set an invisible day to the 1st.
 */
export function PartialDateInput(props: StringInputProps) {
  const precision = useFormValue(['datePrecision']) as DatePrecision | undefined
  const {value, onChange, readOnly, elementProps} = props

  useEffect(() => {
    if (readOnly) return
    const normal = normaliseToPrecision(value, precision)
    if (normal && normal !== value) onChange(set(normal))
  }, [value, precision, readOnly, onChange])

  if (precision === 'month') {
    return (
      <TextInput
        {...elementProps}
        type="month"
        value={typeof value === 'string' ? value.slice(0, 7) : ''}
        onChange={(event) => {
          const month = event.currentTarget.value
          onChange(/^\d{4}-\d{2}$/.test(month) ? set(`${month}-01`) : unset())
        }}
      />
    )
  }
  if (precision === 'year') return <YearInput {...props} />
  return props.renderDefault(props)
}

function YearInput({value, onChange, elementProps}: StringInputProps) {
  const stored = typeof value === 'string' ? value.slice(0, 4) : ''
  // What the editor is typing ("20" on the way to "2024"), for as long as the stored year is the one it was typed over.
  const [draft, setDraft] = useState<{text: string; over: string} | undefined>(undefined)
  const text = draft && draft.over === stored ? draft.text : stored
  return (
    <TextInput
      {...elementProps}
      inputMode="numeric"
      placeholder="YYYY"
      maxLength={4}
      value={text}
      onChange={(event) => {
        const year = event.currentTarget.value.trim()
        setDraft({text: year, over: stored})
        if (year === '') onChange(unset())
        else if (/^\d{4}$/.test(year)) onChange(set(`${year}-01-01`))
      }}
    />
  )
}
