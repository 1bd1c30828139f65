import type { TableSpec } from '../contract/index.js';
import { sqlIdentifier, sqlString } from '../warehouse/index.js';
import { staging, stagingNames } from './stage-table.js';
import { loadTables } from './warehouse-schema.js';

const q = sqlIdentifier;

/**
 * Rows that pass every check of their own but are rejected against other
 * rows: a repeated key (the first row is kept) and, for items and milestones,
 * a declaration that is missing or was itself rejected. Creates the temp
 * table `stage_<table>_late (__rid, column_name, reason, first_rid)`. A
 * parent table must have been finished first (its rejected keys listed).
 */
export function lateRejectsSql(table: TableSpec): string {
  const names = stagingNames(table.name);
  const staged = q(names.staged);
  const rid = staging.rowId;
  const ok = `${staging.problem} IS NULL`;
  const parts: string[] = [];
  if (table.parent) {
    const parent = table.parent;
    const col = q(parent.column);
    const parentRejected = q(stagingNames(parent.table).rejectedKeys);
    const noun = parent.table.replace(/s$/, '');
    // One anti-join finds the orphans; a second, on those few, says whether
    // their parent was rejected or never there.
    parts.push(
      `SELECT o.${rid}, ${sqlString(parent.column)} AS column_name,
         CASE WHEN o.${col} IN (SELECT ${q(parent.parentColumn)} FROM ${parentRejected})
           THEN ${sqlString(`${noun} '`)} || o.${col} || ${sqlString(`' was rejected (see its row in ${parent.table})`)}
           ELSE ${sqlString(`${noun} '`)} || o.${col} || ${sqlString(`' is not in ${parent.table}`)}
         END AS reason,
         CAST(NULL AS BIGINT) AS first_rid
       FROM (
         SELECT s.${rid}, s.${col} FROM ${staged} s
         ANTI JOIN ${q(parent.table)} p ON p.${q(parent.parentColumn)} = s.${col}
         WHERE s.${ok}
       ) o`,
    );
  }
  if (table.key) {
    const keys = table.key.map(q).join(', ');
    const keyWords = table.key.join(' + ');
    const keyValue = table.key.map((k) => `CAST(c.${q(k)} AS VARCHAR)`).join(` || ' / ' || `);
    // Repeated keys among rows without problems of their own; the first is kept.
    parts.push(
      `SELECT c.${rid}, ${sqlString(table.key[0] ?? '')} AS column_name,
         ${sqlString(`repeats ${keyWords} '`)} || ${keyValue} || ${sqlString("' first seen on line ")} AS reason,
         f.first_rid
       FROM (SELECT ${rid}, ${keys} FROM ${staged} WHERE ${ok}) c
       JOIN (SELECT ${keys}, min(${rid}) AS first_rid FROM ${staged} WHERE ${ok}
             GROUP BY ALL HAVING count(*) > 1) f USING (${keys})
       WHERE c.${rid} <> f.first_rid`,
    );
  }
  const body =
    parts.length > 0
      ? parts.join('\nUNION ALL\n')
      : `SELECT CAST(NULL AS BIGINT) AS ${rid}, CAST(NULL AS VARCHAR) AS column_name,
           CAST(NULL AS VARCHAR) AS reason, CAST(NULL AS BIGINT) AS first_rid WHERE false`;
  // A row both orphaned and repeated is reported once, as an orphan.
  return `CREATE OR REPLACE TEMP TABLE ${q(names.late)} AS
    SELECT DISTINCT ON (${rid}) * FROM (${body}) ORDER BY ${rid}, first_rid NULLS FIRST`;
}

/** Human reasons for DuckDB's CSV reader errors. */
const parseReasons: Record<string, string> = {
  'INVALID ENCODING':
    'bytes that are not valid UTF-8 (if the file is Latin-1, say "encoding": "latin-1" in dataset.json)',
  'INVALID UNICODE':
    'bytes that are not valid UTF-8 (if the file is Latin-1, say "encoding": "latin-1" in dataset.json)',
  'MISSING COLUMNS': 'fewer fields than the header',
  'TOO MANY COLUMNS': 'more fields than the header',
  'UNQUOTED VALUE': 'a quote inside a field that is not quoted (RFC 4180)',
  'LINE SIZE OVER MAXIMUM': 'the line is too long',
};

/**
 * Inserts every rejected row of a table into the rejects table, with its
 * physical line number. Lines count from 1 (the header) and include line
 * breaks inside quoted fields; for Parquet, the line is the row number.
 * Parameters: `$1` load id, `$2` file name.
 */
export function insertRejectsSql(table: TableSpec, format: 'csv' | 'parquet'): string {
  const names = stagingNames(table.name);
  const staged = q(names.staged);
  const late = q(names.late);
  const lateRaw = q(names.lateRaw);
  const parse = q(names.parse);
  const reasonCases = Object.entries(parseReasons)
    .map(([type, reason]) => `WHEN ${sqlString(type)} THEN ${sqlString(reason)}`)
    .join(' ');
  const rid = staging.rowId;
  // Line of a staged row: its position, plus the header, plus rows the CSV
  // reader rejected before it, plus line breaks inside earlier fields.
  const lineOf = (ridSql: string) =>
    format === 'parquet'
      ? `(${ridSql} + 1)`
      : `(${ridSql} + 2
          + (SELECT count(*) FROM pa WHERE pa.a <= ${ridSql})
          + (SELECT coalesce(sum(pa.pnl), 0) FROM pa WHERE pa.a <= ${ridSql})
          + (SELECT coalesce(sum(n.${staging.newlines}), 0) FROM nl n WHERE n.${rid} < ${ridSql}))`;
  return `INSERT INTO ${loadTables.rejects}
WITH nl AS (SELECT ${rid}, ${staging.newlines} FROM ${staged} WHERE ${staging.newlines} > 0),
pa AS (
  SELECT *, record - 2 - j AS a,
    length(coalesce(raw_line, '')) - length(replace(coalesce(raw_line, ''), chr(10), '')) AS pnl
  FROM (SELECT *, row_number() OVER (ORDER BY record) - 1 AS j FROM ${parse})
),
rows AS (
  SELECT ${rid}, ${staging.problem}.column_name AS column_name, ${staging.problem}.reason AS reason,
    ${staging.rawValues} AS raw_values
  FROM ${staged} WHERE ${staging.problem} IS NOT NULL
  UNION ALL
  SELECT l.${rid}, l.column_name,
    l.reason || CASE WHEN l.first_rid IS NULL THEN '' ELSE CAST(${lineOf('l.first_rid')} AS VARCHAR) END,
    r.${staging.rawValues}
  FROM ${late} l LEFT JOIN ${lateRaw} r USING (${rid})
)
SELECT $1, ${sqlString(table.name)}, $2, ${lineOf(`rows.${rid}`)}, column_name, reason, raw_values, NULL
FROM rows
UNION ALL
SELECT $1, ${sqlString(table.name)}, $2,
  pa.record + (SELECT coalesce(sum(n.${staging.newlines}), 0) FROM nl n WHERE n.${rid} < pa.a)
    + (SELECT coalesce(sum(p2.pnl), 0) FROM pa p2 WHERE p2.j < pa.j),
  pa.column_name,
  CASE pa.error_type ${reasonCases} ELSE pa.error_message END,
  NULL, pa.raw_line
FROM pa`;
}
