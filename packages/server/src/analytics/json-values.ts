/**
 * Conversions at the HTTP boundary: DuckDB's JSON rows carry BIGINT and
 * DECIMAL as strings; answers carry numbers, rounded to what a reader can use.
 */

/** A number from a DuckDB JSON value (number, numeric string or bigint); null when absent or not finite. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Like {@link toNumber}, with 0 for a missing value (counts). */
export function toCount(value: unknown): number {
  return toNumber(value) ?? 0;
}

/** A float rounded to `digits` significant digits (6 by default); null stays null. */
export function round(value: unknown, digits = 6): number | null {
  const n = toNumber(value);
  if (n === null) return null;
  return n === 0 ? 0 : Number(n.toPrecision(digits));
}

/** A text from a DuckDB JSON value; null when absent. */
export function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}
