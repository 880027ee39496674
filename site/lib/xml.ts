/** Text for an XML element or attribute. */
export const xml = (value: unknown) =>
  String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')

export const xmlResponse = (body: string, type = 'application/xml') => new Response(body, {headers: {'content-type': `${type}; charset=utf-8`}})
