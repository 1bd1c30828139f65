/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace,
 * `undefined` members dropped. Two equal values always give the same text,
 * which is what a hash chain needs.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError('canonicalJson: numbers must be finite.');
    }
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`canonicalJson: cannot encode ${typeof value}.`);
    return text;
  }
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}
