import { hsSections } from '../contract/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { execute } from '../warehouse/index.js';
import type { AnalysisConfig } from './analysis-config.js';

/** SQL giving the peer period label of a timestamp: `2025-03`, `2025-Q1` or `2025`. */
export function periodSql(period: AnalysisConfig['period'], timestamp: string): string {
  switch (period) {
    case 'month':
      return `strftime(${timestamp}, '%Y-%m')`;
    case 'quarter':
      return `(CAST(year(${timestamp}) AS VARCHAR) || '-Q' || CAST(quarter(${timestamp}) AS VARCHAR))`;
    case 'year':
      return `CAST(year(${timestamp}) AS VARCHAR)`;
  }
}

/** SQL giving the HS section (I–XXI) of an HS code, or 'unknown'. */
export function hsSectionSql(hsCode: string): string {
  const chapter = `TRY_CAST(left(${hsCode}, 2) AS INTEGER)`;
  const cases = hsSections
    .map(
      (s) => `WHEN ${chapter} BETWEEN ${s.firstChapter} AND ${s.lastChapter} THEN '${s.section}'`,
    )
    .join(' ');
  return `CASE ${cases} ELSE 'unknown' END`;
}

/** Name of the temporary table every analysis step reads declarations from. */
export const baseTable = 'a_declarations';

/**
 * Builds the analysis base: one row per accepted declaration with its peer
 * period, the HS section of its main item (the item of highest declared
 * value), and its release time in hours (lodgement to release).
 */
export async function buildAnalysisBase(
  conn: WarehouseConnection,
  config: AnalysisConfig,
): Promise<void> {
  await execute(
    conn,
    `CREATE OR REPLACE TEMP TABLE ${baseTable} AS
     WITH main_item AS (
       SELECT declaration_id, arg_max(hs_code, declared_value) AS hs_code
       FROM items GROUP BY declaration_id
     )
     SELECT d.*, m.hs_code AS main_hs_code,
       ${periodSql(config.period, 'd.lodged_at')} AS period,
       ${hsSectionSql('m.hs_code')} AS hs_section,
       date_diff('second', d.lodged_at, d.released_at) / 3600.0 AS release_hours
     FROM declarations d LEFT JOIN main_item m USING (declaration_id)`,
  );
}
