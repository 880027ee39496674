import {Box, Card, Text} from '@sanity/ui'
import {Autocomplete} from '@sanity/ui/autocomplete'
import {useMemo} from 'react'
import {set, unset, useCurrentLocale, type StringInputProps} from 'sanity'

import {codeOptions, matchesCode, type CodeListKind, type CodeOption} from '../rules/code-lists.ts'

/**
 * A code field (country, language, ST.3) as a pick list: the editor types a name in their own language
 * ("Korea", "韩国") or a code and picks; the code is stored. A stored code that is not in the list (an
 * imported "de-AT") is shown as it is, and the field's rule still judges it.
 */
export function codeSelectInput(kind: CodeListKind) {
  function CodeSelectInput(props: StringInputProps) {
    const {value, onChange, readOnly, elementProps} = props
    const locale = useCurrentLocale().id
    const options = useMemo(() => codeOptions(kind, locale), [locale])
    const byCode = useMemo(() => new Map(options.map((option) => [option.value, option])), [options])
    return (
      <Autocomplete
        id={elementProps.id}
        ref={elementProps.ref}
        onFocus={elementProps.onFocus}
        onBlur={elementProps.onBlur}
        readOnly={readOnly}
        openButton
        options={options}
        value={typeof value === 'string' ? value : ''}
        placeholder="Type a name or a code"
        filterOption={matchesCode}
        renderValue={(code, option) => (option as CodeOption | undefined)?.title ?? byCode.get(code)?.title ?? code}
        renderOption={(option) => (
          <Card as="button" padding={3}>
            <Box>
              <Text size={1}>{(option as CodeOption).title}</Text>
            </Box>
          </Card>
        )}
        onChange={(code) => onChange(code ? set(code) : unset())}
        onQueryChange={(query) => {
          if (query === '' && value) onChange(unset())
        }}
      />
    )
  }
  CodeSelectInput.displayName = `CodeSelectInput(${kind})`
  return CodeSelectInput
}

export const CountryCodeInput = codeSelectInput('country')
export const LanguageCodeInput = codeSelectInput('language')
export const St3CodeInput = codeSelectInput('st3')
