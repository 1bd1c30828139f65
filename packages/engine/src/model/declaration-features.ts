import { hsSectionSql } from '../analysis/analysis-base.js';
import { contractTables } from '../contract/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { execute, queryValues, sqlIdentifier } from '../warehouse/index.js';

/** Temp table of raw per-declaration features (categories still as text). */
export const rawFeatureTable = 'm_raw_features';

/** A feature of the warehouse model: its column in the raw feature table and how trees use it. */
export interface WarehouseFeature {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  readonly description: string;
}

/** An extra column of the declarations file offered to the model. */
export interface ExtraColumn {
  readonly column: string;
  readonly kind: 'numeric' | 'categorical';
}

/** Options of {@link buildRawFeatures}. */
export interface RawFeatureOptions {
  /** Keep only declarations lodged strictly before this time (the leakage check's truncated warehouse). */
  readonly lodgedBefore?: string;
  /** With `lodgedBefore`: keep this one declaration too (the leakage check's test of same-time rows). */
  readonly alsoKeep?: string;
  /** Extra columns of the declarations file to carry as features. */
  readonly extraColumns?: readonly ExtraColumn[];
  /** Strength (in declarations) of the prior that shrinks earlier finding rates towards the overall earlier rate. */
  readonly priorStrength?: number;
  /**
   * Additional feature expressions over the assembled row `r` (SQL written by the project, never
   * user input): used by tests to plant a feature computed from the future.
   */
  readonly extraSql?: readonly { readonly name: string; readonly sql: string }[];
}

/** Default strength of the history prior. */
export const DEFAULT_PRIOR_STRENGTH = 20;

/** The fixed features every warehouse model gets (extra columns come after them). */
export const baseFeatures: readonly WarehouseFeature[] = [
  { name: 'office_code', kind: 'categorical', description: 'office of lodgement' },
  { name: 'procedure', kind: 'categorical', description: 'import, export or transit' },
  { name: 'transport_mode', kind: 'categorical', description: 'transport mode code' },
  { name: 'partner_country', kind: 'categorical', description: 'country of consignment' },
  { name: 'risk_channel', kind: 'categorical', description: 'channel proposed by the risk engine' },
  { name: 'hs2', kind: 'categorical', description: 'HS chapter of the main item' },
  { name: 'hs_section', kind: 'categorical', description: 'HS section of the main item' },
  { name: 'risk_score', kind: 'numeric', description: 'score of the existing risk engine' },
  { name: 'declared_value', kind: 'numeric', description: 'declared customs value' },
  { name: 'declared_duty', kind: 'numeric', description: 'declared duties and taxes' },
  { name: 'duty_to_value', kind: 'numeric', description: 'declared duty ÷ declared value' },
  { name: 'lodged_hour', kind: 'numeric', description: 'hour of lodgement (0–23)' },
  { name: 'lodged_weekday', kind: 'numeric', description: 'ISO weekday of lodgement (1–7)' },
  { name: 'item_count', kind: 'numeric', description: 'number of items' },
  { name: 'hs6_code', kind: 'numeric', description: 'HS6 of the main item, as a number' },
  { name: 'hs4_code', kind: 'numeric', description: 'HS4 of the main item, as a number' },
  {
    name: 'origin_differs',
    kind: 'numeric',
    description: 'share of items whose origin differs from the partner country',
  },
  { name: 'net_mass_kg', kind: 'numeric', description: 'total net mass of the items' },
  { name: 'max_duty_rate', kind: 'numeric', description: 'highest duty rate of the items' },
  {
    name: 'value_per_kg_to_hs6_median',
    kind: 'numeric',
    description: 'value per kg of the main item ÷ the HS6 median (training period)',
  },
  ...(['declarant', 'trader', 'hs6'] as const).flatMap((who): WarehouseFeature[] => [
    {
      name: `${who}_earlier_controls`,
      kind: 'numeric',
      description: `controlled declarations of the same ${who} whose outcome was known before lodgement`,
    },
    {
      name: `${who}_earlier_finding_rate`,
      kind: 'numeric',
      description: `finding rate of those earlier controls, shrunk towards the overall earlier rate`,
    },
  ]),
];

const contractDeclarationColumns = new Set(
  (contractTables.find((t) => t.name === 'declarations')?.columns ?? []).map((c) => c.name),
);

/**
 * Extra columns of the declarations file: numeric when at least 95 % of the filled cells read as
 * numbers, categorical otherwise (at most 200 distinct values; wider text is left out).
 */
export async function extraDeclarationColumns(conn: WarehouseConnection): Promise<ExtraColumn[]> {
  const columns = await queryValues<{ column_name: string }>(
    conn,
    `SELECT column_name FROM duckdb_columns() WHERE table_name = 'declarations' AND NOT internal
     ORDER BY column_index`,
  );
  const out: ExtraColumn[] = [];
  for (const { column_name: column } of columns) {
    if (contractDeclarationColumns.has(column)) continue;
    const c = sqlIdentifier(column);
    const [row] = await queryValues<{ filled: bigint; numeric: bigint; distinct: bigint }>(
      conn,
      `SELECT count(${c}) AS filled, count(TRY_CAST(${c} AS DOUBLE)) AS numeric,
         approx_count_distinct(${c}) AS distinct FROM declarations`,
    );
    if (!row || row.filled === 0n) continue;
    if (Number(row.numeric) >= 0.95 * Number(row.filled)) out.push({ column, kind: 'numeric' });
    else if (Number(row.distinct) <= 200) out.push({ column, kind: 'categorical' });
  }
  return out;
}

/** Feature name of an extra column (prefixed so it cannot collide with a base feature). */
export function extraFeatureName(column: string): string {
  return `extra:${column}`;
}

function historySql(key: string, name: string): { cte: string; join: string } {
  const cte = `h_${name} AS (
    SELECT key, known_at,
      sum(n) OVER (PARTITION BY key ORDER BY known_at ROWS UNBOUNDED PRECEDING) AS n,
      sum(f) OVER (PARTITION BY key ORDER BY known_at ROWS UNBOUNDED PRECEDING) AS f
    FROM (SELECT ${key} AS key, known_at, count(*) AS n, sum(finding) AS f
          FROM outcomes WHERE ${key} IS NOT NULL GROUP BY ALL)
  )`;
  // Strict inequality: outcomes known at the very moment of lodgement (ties) are not used.
  const join = `ASOF LEFT JOIN h_${name} ON b.${key} = h_${name}.key AND b.lodged_at > h_${name}.known_at`;
  return { cte, join };
}

/**
 * SQL creating the raw feature table: one row per declaration with its label (`outcome = finding`
 * among controlled declarations), revenue (assessed − declared duty) and features. History features
 * count only controls whose outcome was known (at release, or at lodgement when never released)
 * strictly before the declaration was lodged, found with an ASOF join on cumulative sums.
 */
export function rawFeaturesSql(options: RawFeatureOptions = {}): string {
  const cut =
    options.lodgedBefore === undefined
      ? ''
      : options.alsoKeep === undefined
        ? 'WHERE lodged_at < CAST($lodged_before AS TIMESTAMP)'
        : 'WHERE lodged_at < CAST($lodged_before AS TIMESTAMP) OR declaration_id = $also_keep';
  const m = Number(options.priorStrength ?? DEFAULT_PRIOR_STRENGTH);
  if (!(m >= 0)) throw new RangeError('the prior strength must be a non-negative number');
  const extras = (options.extraColumns ?? []).map((e) => {
    const c = `r.${sqlIdentifier(e.column)}`;
    const value = e.kind === 'numeric' ? `TRY_CAST(${c} AS DOUBLE)` : `CAST(${c} AS VARCHAR)`;
    return `${value} AS ${sqlIdentifier(extraFeatureName(e.column))}`;
  });
  const histories = [
    historySql('declarant_id', 'declarant'),
    historySql('trader_id', 'trader'),
    historySql('hs6', 'hs6'),
    historySql('all_key', 'all'),
  ];
  const rate = (h: string): string =>
    `CASE WHEN h_all.n IS NULL THEN NULL
       ELSE (coalesce(h_${h}.f, 0) + ${m} * h_all.f / h_all.n) / (coalesce(h_${h}.n, 0) + ${m}) END`;
  const planted = (options.extraSql ?? []).map((e) => `${e.sql} AS ${sqlIdentifier(e.name)}`);
  return `CREATE OR REPLACE TEMP TABLE ${rawFeatureTable} AS
    WITH decl AS (SELECT * FROM declarations ${cut}),
    items_main AS (
      SELECT i.declaration_id, count(*) AS item_count,
        arg_max({hs: i.hs_code,
                 vpk: CASE WHEN i.net_mass_kg > 0 THEN i.declared_value / i.net_mass_kg END},
                i.declared_value) AS main,
        sum(i.net_mass_kg) AS net_mass_kg, max(i.duty_rate) AS max_duty_rate,
        avg(CASE WHEN i.origin_country IS NULL OR d.partner_country IS NULL THEN NULL
                 WHEN i.origin_country <> d.partner_country THEN 1.0 ELSE 0.0 END) AS origin_differs
      FROM items i JOIN decl d USING (declaration_id)
      GROUP BY i.declaration_id
    ),
    b AS (
      SELECT d.*, 'all' AS all_key, im.item_count, im.net_mass_kg AS item_net_mass_kg,
        im.max_duty_rate, im.origin_differs, left(im.main.hs, 6) AS hs6, im.main.vpk AS main_value_per_kg
      FROM decl d LEFT JOIN items_main im USING (declaration_id)
    ),
    outcomes AS (
      SELECT declarant_id, trader_id, hs6, all_key,
        coalesce(released_at, lodged_at) AS known_at,
        CAST(outcome = 'finding' AS INTEGER) AS finding
      FROM b WHERE outcome IN ('finding', 'no_finding')
    ),
    ${histories.map((h) => h.cte).join(',\n')},
    r AS (
      SELECT b.*,
        h_declarant.n AS h_declarant_n, ${rate('declarant')} AS h_declarant_rate,
        h_trader.n AS h_trader_n, ${rate('trader')} AS h_trader_rate,
        h_hs6.n AS h_hs6_n, ${rate('hs6')} AS h_hs6_rate
      FROM b ${histories.map((h) => h.join).join('\n')}
    )
    SELECT r.declaration_id, row_number() OVER (ORDER BY r.lodged_at, r.declaration_id) AS row_number,
      epoch(r.lodged_at) AS lodged_epoch,
      r.outcome IN ('finding', 'no_finding') AS controlled,
      CASE WHEN r.outcome IN ('finding', 'no_finding') THEN CAST(r.outcome = 'finding' AS DOUBLE) END AS label,
      CASE WHEN r.outcome IN ('finding', 'no_finding')
        THEN CAST(coalesce(r.assessed_duty, r.declared_duty) - r.declared_duty AS DOUBLE) END AS revenue,
      r.hs6 AS main_hs6, CAST(r.main_value_per_kg AS DOUBLE) AS main_value_per_kg,
      r.office_code, r.procedure, r.transport_mode, r.partner_country, r.risk_channel,
      left(r.hs6, 2) AS hs2, CASE WHEN r.hs6 IS NULL THEN NULL ELSE ${hsSectionSql('r.hs6')} END AS hs_section,
      CAST(r.risk_score AS DOUBLE) AS risk_score,
      CAST(r.declared_value AS DOUBLE) AS declared_value,
      CAST(r.declared_duty AS DOUBLE) AS declared_duty,
      CASE WHEN r.declared_value > 0 THEN CAST(r.declared_duty / r.declared_value AS DOUBLE) END AS duty_to_value,
      CAST(hour(r.lodged_at) AS DOUBLE) AS lodged_hour,
      CAST(isodow(r.lodged_at) AS DOUBLE) AS lodged_weekday,
      CAST(coalesce(r.item_count, 0) AS DOUBLE) AS item_count,
      TRY_CAST(r.hs6 AS DOUBLE) AS hs6_code, TRY_CAST(left(r.hs6, 4) AS DOUBLE) AS hs4_code,
      CAST(r.origin_differs AS DOUBLE) AS origin_differs,
      CAST(r.item_net_mass_kg AS DOUBLE) AS net_mass_kg,
      CAST(r.max_duty_rate AS DOUBLE) AS max_duty_rate,
      CAST(coalesce(r.h_declarant_n, 0) AS DOUBLE) AS declarant_earlier_controls,
      CAST(r.h_declarant_rate AS DOUBLE) AS declarant_earlier_finding_rate,
      CAST(coalesce(r.h_trader_n, 0) AS DOUBLE) AS trader_earlier_controls,
      CAST(r.h_trader_rate AS DOUBLE) AS trader_earlier_finding_rate,
      CAST(coalesce(r.h_hs6_n, 0) AS DOUBLE) AS hs6_earlier_controls,
      CAST(r.h_hs6_rate AS DOUBLE) AS hs6_earlier_finding_rate
      ${extras.map((e) => `, ${e}`).join('')}
      ${planted.map((p) => `, ${p}`).join('')}
    FROM r`;
}

/** Builds the raw feature table ({@link rawFeatureTable}) from the warehouse's contract views. */
export async function buildRawFeatures(
  conn: WarehouseConnection,
  options: RawFeatureOptions = {},
): Promise<void> {
  await execute(conn, rawFeaturesSql(options), {
    lodged_before: options.lodgedBefore ?? null,
    also_keep: options.alsoKeep ?? null,
  });
}
