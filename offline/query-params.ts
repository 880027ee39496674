/** `--param name=value`: JSON when it parses (numbers, booleans, null, arrays), otherwise the text itself. */
export function parseParamValue(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

/** Names of the $params a GROQ query uses, ignoring "$" inside string literals. */
export function referencedParams(query: string): string[] {
  const withoutStrings = query.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
  return [...new Set([...withoutStrings.matchAll(/\$([A-Za-z_]\w*)/g)].map((match) => match[1]!))]
}
