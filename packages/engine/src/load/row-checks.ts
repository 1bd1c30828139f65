import type { ColumnSpec, TableSpec } from '../contract/index.js';
import { booleanSpellings } from '../contract/index.js';
import { sqlIdentifier, sqlString } from '../warehouse/index.js';

/**
 * SQL expressions that turn one raw text column into its contract type and
 * find the first rule a row breaks. Everything is generated from the contract,
 * so the loader checks exactly what `docs/data-contract.md` says.
 *
 * Raw columns arrive as VARCHAR under the alias `raw`. The time zone for
 * timestamps with an explicit offset is the query parameter named `$tz`.
 */

const timestampShape =
  '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?';
const offsetSuffix = '[T ][0-9:.]+(Z|[+-][0-9]{2}(:?[0-9]{2})?)$';
const dateShape = '[0-9]{4}-[0-9]{2}-[0-9]{2}';

/** Name of the column holding a raw value trimmed and NULL when empty (see {@link trimmedValue}). */
export function valueColumn(column: string): string {
  return sqlIdentifier(`__v_${column}`);
}

/**
 * SQL computing a column's raw text without surrounding spaces, NULL when
 * empty; computed once per row and column, since trimming is costly and
 * almost never needed (only values that start or end with a space are trimmed).
 */
export function trimmedValue(source: string): string {
  return (
    `CASE WHEN ${source} = '' THEN NULL ` +
    `WHEN starts_with(${source}, ' ') OR ends_with(${source}, ' ') THEN NULLIF(trim(${source}), '') ` +
    `ELSE ${source} END`
  );
}

/** The trimmed raw value of a column, NULL when empty (computed in the reading step). */
export function rawValue(column: string): string {
  return `raw.${valueColumn(column)}`;
}

/** Codes are compared in the case the contract writes them (lower case, or upper for ISO and unit codes). */
function normalised(column: ColumnSpec): string {
  const v = rawValue(column.name);
  if (!column.codeList) return v;
  const upper = column.codeList.codes.every((c) => c === c.toUpperCase());
  return upper ? `upper(${v})` : `lower(${v})`;
}

/** SQL expression giving the column's typed value (NULL when empty or not parseable). */
export function typedValue(column: ColumnSpec): string {
  const v = rawValue(column.name);
  switch (column.type) {
    case 'text':
      return normalised(column);
    case 'integer':
      return `TRY_CAST(${v} AS INTEGER)`;
    case 'decimal':
      return `TRY_CAST(${v} AS DOUBLE)`;
    case 'date':
      return `CASE WHEN regexp_full_match(${v}, ${sqlString(dateShape)}) THEN TRY_CAST(${v} AS DATE) END`;
    case 'boolean': {
      const cases = Object.entries(booleanSpellings)
        .map(([spelling, value]) => `WHEN ${sqlString(spelling)} THEN ${value}`)
        .join(' ');
      // Exact spellings first: lower() copies every string.
      return `CASE ${v} ${cases} ELSE CASE lower(${v}) ${cases} END END`;
    }
    case 'timestamp':
      // The common shapes (`YYYY-MM-DDTHH:MM[:SS]`, no offset) are told apart
      // with character tests; only the rest goes through regular expressions.
      return (
        `CASE WHEN length(${v}) IN (16, 19) AND ${v}[11] IN ('T', ' ') AND ${v}[5] = '-' ` +
        `AND ${v}[8] = '-' AND ${v}[14] = ':' AND (length(${v}) = 16 OR ${v}[17] = ':') ` +
        `THEN TRY_CAST(${v} AS TIMESTAMP) ` +
        `WHEN NOT regexp_full_match(${v}, ${sqlString(timestampShape)}) THEN NULL ` +
        `WHEN regexp_matches(${v}, ${sqlString(offsetSuffix)}) ` +
        `THEN timezone($tz, TRY_CAST(${v} AS TIMESTAMPTZ)) ` +
        `ELSE TRY_CAST(${v} AS TIMESTAMP) END`
      );
  }
}

/** The DuckDB type a contract column is stored as. */
export function storedType(column: ColumnSpec): string {
  switch (column.type) {
    case 'text':
      return 'VARCHAR';
    case 'integer':
      return 'INTEGER';
    case 'decimal':
      return 'DOUBLE';
    case 'date':
      return 'DATE';
    case 'boolean':
      return 'BOOLEAN';
    case 'timestamp':
      return 'TIMESTAMP';
  }
}

const expectations: Record<ColumnSpec['type'], string> = {
  text: 'text',
  integer: 'a whole number',
  decimal: 'a number with . as decimal point',
  date: 'a date YYYY-MM-DD',
  boolean: 'true/false, 1/0 or yes/no',
  timestamp: 'an ISO 8601 date and time such as 2025-03-14T09:30:00',
};

/** A struct literal naming the column and the reason, for the first-problem chain. */
function problem(column: string, reasonSql: string): string {
  return `struct_pack(column_name := ${sqlString(column)}, reason := ${reasonSql})`;
}

/** The offending value quoted for a message, cut at 60 characters. */
function quotedValue(valueSql: string): string {
  return `'''' || left(${valueSql}, 60) || ''''`;
}

/**
 * The checks of one column, in order, as `CASE WHEN bad THEN problem END`
 * expressions over the alias `raw` (raw text) and `typed` expressions.
 */
export function columnChecks(column: ColumnSpec, typed: string): string[] {
  const v = rawValue(column.name);
  const name = column.name;
  const checks: string[] = [];
  if (column.required) {
    checks.push(
      `CASE WHEN ${v} IS NULL THEN ${problem(name, sqlString('required value is missing'))} END`,
    );
  }
  if (column.type !== 'text') {
    let reason = `${quotedValue(v)} || ${sqlString(` is not ${expectations[column.type]}`)}`;
    if (column.type === 'timestamp') {
      reason =
        `CASE WHEN regexp_full_match(${v}, ${sqlString(dateShape)}) ` +
        `THEN ${quotedValue(v)} || ' has no time of day (expected ${expectations.timestamp})' ` +
        `ELSE ${reason} END`;
    }
    checks.push(
      `CASE WHEN ${v} IS NOT NULL AND ${typed} IS NULL THEN ${problem(name, reason)} END`,
    );
  }
  if (column.type === 'decimal') {
    checks.push(
      `CASE WHEN NOT isfinite(${typed}) THEN ${problem(name, `${quotedValue(v)} || ' is not a finite number'`)} END`,
    );
  }
  if (column.nonNegative) {
    checks.push(
      `CASE WHEN ${typed} < 0 THEN ${problem(name, `'negative value ' || ${v} || ' is not allowed'`)} END`,
    );
  }
  if (column.min !== undefined) {
    const min = column.min > 0 && column.min < 1e-300 ? 0 : column.min;
    const op = column.min > 0 && column.min < 1e-300 ? '<=' : '<';
    const words = op === '<=' ? 'must be above 0' : `must be at least ${min}`;
    checks.push(
      `CASE WHEN ${typed} ${op} ${min} THEN ${problem(name, `${v} || ${sqlString(` ${words}`)}`)} END`,
    );
  }
  if (column.max !== undefined) {
    checks.push(
      `CASE WHEN ${typed} > ${column.max} THEN ${problem(name, `${v} || ${sqlString(` must be at most ${column.max}`)}`)} END`,
    );
  }
  if (column.codeList) {
    const list = column.codeList;
    const words = list.listInDocs
      ? ` is not an allowed ${name} (allowed: ${list.codes.join(', ')})`
      : ` is not an ${list.description}`;
    checks.push(
      `CASE WHEN ${typed} IS NOT NULL AND ${typed} NOT IN (${list.codes.map(sqlString).join(', ')}) ` +
        `THEN ${problem(name, `${quotedValue(v)} || ${sqlString(words)}`)} END`,
    );
  }
  if (column.shape) {
    checks.push(
      `CASE WHEN ${v} IS NOT NULL AND NOT regexp_full_match(${v}, ${sqlString(column.shape.pattern)}) ` +
        `THEN ${problem(name, `${quotedValue(v)} || ${sqlString(` does not have the expected shape: ${column.shape.description}`)}`)} END`,
    );
  }
  return checks;
}

/** The checks between columns of one row (e.g. release before lodgement). */
export function rowRuleChecks(table: TableSpec, typed: ReadonlyMap<string, string>): string[] {
  return (table.rowRules ?? []).map((rule) => {
    const later = typed.get(rule.later) ?? 'NULL';
    const earlier = typed.get(rule.earlier) ?? 'NULL';
    const reason =
      `${sqlString(`${rule.later} `)} || CAST(${later} AS VARCHAR) || ` +
      `${sqlString(` is before ${rule.earlier} `)} || CAST(${earlier} AS VARCHAR) || ` +
      `${sqlString(`: ${rule.description}`)}`;
    return `CASE WHEN ${later} < ${earlier} THEN ${problem(rule.later, reason)} END`;
  });
}
