/**
 * Whether JSON.stringify writes the value so that no other value writes the same (no undefined, NaN,
 * Infinity, Date, ...): only then is its JSON text a key that tells it apart. Parameters over HTTP are
 * parsed JSON, yet `1e400` parses as Infinity, which writes as null.
 */
export function jsonFaithful(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (typeof value !== 'object') return false
  if (Array.isArray(value)) return value.every(jsonFaithful)
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return false
  return Object.values(value).every(jsonFaithful)
}
