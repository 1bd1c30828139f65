import type { ColumnSpec, TableSpec } from '../contract/index.js';
import { sqlIdentifier, sqlString } from '../warehouse/index.js';
import {
  columnChecks,
  rowRuleChecks,
  storedType,
  trimmedValue,
  typedValue,
  valueColumn,
} from './row-checks.js';

/** Internal column names of staging tables (never clash with a contract column). */
export const staging = {
  rowId: '__rid',
  newlines: '__nl',
  problem: '__problem',
  rawValues: '__raw',
} as const;

/** What is known of one file before it is read: its columns as the header lists them. */
export interface StageInput {
  readonly table: TableSpec;
  readonly format: 'csv' | 'parquet';
  /** Column names in file order (header for CSV, schema for Parquet). */
  readonly fileColumns: readonly string[];
  readonly encoding: 'utf-8' | 'latin-1';
}

/**
 * Names of the tables a loaded file uses: `staged`, the stored table of its
 * rows (accepted rows stay there; the contract table is a view of it), and
 * the temporary work tables of the load.
 */
export function stagingNames(table: string): {
  staged: string;
  late: string;
  lateRaw: string;
  parse: string;
  rejectedKeys: string;
  rejects: string;
  scans: string;
} {
  return {
    staged: `load_${table}`,
    late: `stage_${table}_late`,
    lateRaw: `stage_${table}_late_raw`,
    parse: `stage_${table}_parse`,
    rejectedKeys: `stage_${table}_rejected_keys`,
    rejects: `stage_${table}_csv_errors`,
    scans: `stage_${table}_csv_scans`,
  };
}

/** Columns of the file that the contract does not know; kept as text. */
export function extraColumns(input: StageInput): string[] {
  const known = new Set(input.table.columns.map((c) => c.name));
  return input.fileColumns.filter((c) => !known.has(c));
}

/** The table function that reads the file as text columns; `$path` is bound. */
function reader(input: StageInput, rejectsSuffix = ''): string {
  const names = stagingNames(input.table.name);
  if (input.format === 'parquet') {
    return `read_parquet($path, file_row_number = true)`;
  }
  const columns = input.fileColumns.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ');
  return (
    `read_csv($path, columns = {${columns}}, header = true, auto_detect = false, ` +
    `delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false, ` +
    `encoding = ${sqlString(input.encoding)}, store_rejects = true, ` +
    `rejects_table = ${sqlString(names.rejects + rejectsSuffix)}, ` +
    `rejects_scan = ${sqlString(names.scans + rejectsSuffix)}, ` +
    `max_line_size = 10000000)`
  );
}

/** Contract columns the file holds; absent optional columns become NULL. */
function presentColumns(input: StageInput): ColumnSpec[] {
  return input.table.columns.filter((c) => input.fileColumns.includes(c.name));
}

/**
 * The statement that reads one file into its stored table (`load_<table>`): the row
 * number, the count of line breaks inside its fields (to give physical line
 * numbers), every contract column typed, the first broken rule (NULL when
 * none), the raw values of broken rows word for word, and the extra columns
 * as text. Parameters: `$path`, `$tz`.
 */
export function stageTableSql(input: StageInput): string {
  const { staged } = stagingNames(input.table.name);
  const present = presentColumns(input);
  const extras = extraColumns(input);
  const q = sqlIdentifier;
  const rawCols = input.fileColumns.map((c) => `CAST(src.${q(c)} AS VARCHAR) AS ${q(c)}`);
  // Text is trimmed; numbers, dates and booleans are parsed by casts that
  // ignore surrounding spaces themselves, so they only need '' as NULL.
  const valueCols = presentColumns(input).map((c) => {
    const source = `CAST(src.${q(c.name)} AS VARCHAR)`;
    const value = c.type === 'text' ? trimmedValue(source) : `NULLIF(${source}, '')`;
    return `${value} AS ${valueColumn(c.name)}`;
  });
  const rowNumber =
    input.format === 'parquet'
      ? `src.file_row_number AS ${staging.rowId}`
      : `row_number() OVER () - 1 AS ${staging.rowId}`;
  const newlineCount =
    input.format === 'parquet'
      ? '0'
      : input.fileColumns
          .map(
            (c) =>
              `CASE WHEN contains(src.${q(c)}, chr(10)) THEN length(src.${q(c)}) - length(replace(src.${q(c)}, chr(10), '')) ELSE 0 END`,
          )
          .join(' + ');

  const typedAlias = (c: ColumnSpec) => q(`__t_${c.name}`);
  const typed = present.map((c) => `${typedValue(c)} AS ${typedAlias(c)}`);
  const typedRefs = new Map(present.map((c) => [c.name, `raw.${typedAlias(c)}`]));
  const missingRequired = input.table.columns.filter((c) => c.required && !typedRefs.has(c.name));
  if (missingRequired.length > 0) {
    throw new RangeError(
      `stageTableSql: required columns absent: ${missingRequired.map((c) => c.name)}`,
    );
  }
  const checks = [
    ...present.flatMap((c) => columnChecks(c, `raw.${typedAlias(c)}`)),
    ...rowRuleChecks(input.table, typedRefs),
  ];
  const problem = checks.length > 0 ? `COALESCE(${checks.join(',\n      ')})` : 'NULL';
  const rawAlias = (c: string) => q(`__r_${c}`);
  const rawStruct = `to_json(struct_pack(${input.fileColumns
    .map((c) => `${q(c)} := checked.${rawAlias(c)}`)
    .join(', ')}))`;
  const finalCols = input.table.columns.map((c) =>
    typedRefs.has(c.name)
      ? `${typedRefs.get(c.name)} AS ${q(c.name)}`
      : `CAST(NULL AS ${storedType(c)}) AS ${q(c.name)}`,
  );
  const extraCols = extras.map((c) => `raw.${q(c)} AS ${q(c)}`);
  const rawPassThrough = input.fileColumns.map((c) => `raw.${q(c)} AS ${rawAlias(c)}`);

  // Level 1: raw text with row number. Level 2: typed values. Level 3: the
  // first broken rule. Level 4: raw values kept (as JSON) only for broken rows.
  return `CREATE OR REPLACE TABLE ${q(staged)} AS
SELECT checked.* EXCLUDE (${input.fileColumns.map(rawAlias).join(', ')}),
  CASE WHEN checked.${staging.problem} IS NOT NULL THEN ${rawStruct} END AS ${staging.rawValues}
FROM (
  SELECT raw.${staging.rowId}, raw.${staging.newlines},
    ${[...finalCols, ...extraCols].join(',\n    ')},
    ${problem} AS ${staging.problem},
    ${rawPassThrough.join(', ')}
  FROM (
    SELECT raw.*, ${typed.length > 0 ? typed.join(',\n      ') : 'NULL AS __none'}
    FROM (
      SELECT ${rowNumber}, ${newlineCount} AS ${staging.newlines},
        ${[...rawCols, ...valueCols].join(', ')}
      FROM ${reader(input)} AS src
    ) AS raw
  ) AS raw
) AS checked`;
}

/**
 * Reads the file again for the raw text of rows rejected after staging
 * (duplicates, orphans), so that they too are kept word for word. The row
 * numbers match the staging read (same reader, same order). Only run when
 * such rows exist. Parameter: `$path`.
 */
export function rereadLateRowsSql(input: StageInput): string {
  const names = stagingNames(input.table.name);
  const q = sqlIdentifier;
  const late = q(names.late);
  const rowNumber =
    input.format === 'parquet'
      ? `src.file_row_number AS ${staging.rowId}`
      : `row_number() OVER () - 1 AS ${staging.rowId}`;
  const struct = input.fileColumns.map((c) => `${q(c)} := CAST(src.${q(c)} AS VARCHAR)`).join(', ');
  return `CREATE OR REPLACE TEMP TABLE ${q(names.lateRaw)} AS
SELECT r.* FROM (
  SELECT ${rowNumber}, to_json(struct_pack(${struct})) AS ${staging.rawValues}
  FROM ${reader(input, '_again')} AS src
) AS r
WHERE r.${staging.rowId} IN (SELECT ${staging.rowId} FROM ${late})`;
}

/** The stored (typed) columns of a contract table followed by its extra text columns. */
export function storedColumns(table: TableSpec, extras: readonly string[]): string[] {
  return [...table.columns.map((c) => c.name), ...extras];
}
