import type { WarehouseConnection } from '../warehouse/index.js';
import { execute, queryValues, sqlIdentifier } from '../warehouse/index.js';
import {
  type RawFeatureOptions,
  baseFeatures,
  buildRawFeatures,
  extraFeatureName,
  rawFeatureTable,
} from './declaration-features.js';

/** A feature whose value changed when later declarations were removed. */
export interface LeakingFeature {
  readonly feature: string;
  /** Compared rows whose value differed. */
  readonly rows: number;
  readonly example: { declarationId: string; full: unknown; truncated: unknown };
}

/** Result of {@link checkFeatureLeakage}. */
export interface LeakageReport {
  readonly ok: boolean;
  readonly cutoffs: string[];
  readonly comparedRows: number;
  readonly features: number;
  readonly leaking: LeakingFeature[];
}

/** Options of {@link checkFeatureLeakage}. */
export interface LeakageOptions extends Omit<RawFeatureOptions, 'lodgedBefore' | 'alsoKeep'> {
  /** Quantiles of lodgement time at which the warehouse is cut (default 0.25, 0.5, 0.75). */
  readonly cutoffQuantiles?: readonly number[];
  /** Most rows compared per cutoff: the latest before the cut, where leakage shows first. */
  readonly rowsPerCutoff?: number;
  /**
   * Times at which several declarations were lodged together to test (default 2): the warehouse is
   * cut at that time keeping one of them, whose features must not change.
   */
  readonly tieChecks?: number;
}

const fullTable = 'm_leak_full';

/**
 * Checks that no feature of a declaration depends on declarations lodged at or after it: computes
 * the raw features on the whole warehouse, then again on the warehouse cut at a few times (only
 * declarations lodged before the cut, and their items), and compares every feature of the latest
 * declarations before each cut. Any difference is a leak from the future.
 */
export async function checkFeatureLeakage(
  conn: WarehouseConnection,
  options: LeakageOptions = {},
): Promise<LeakageReport> {
  const quantiles = options.cutoffQuantiles ?? [0.25, 0.5, 0.75];
  const perCutoff = options.rowsPerCutoff ?? 2000;
  const featureNames = [
    ...baseFeatures.map((f) => f.name).filter((name) => name !== 'value_per_kg_to_hs6_median'),
    'main_value_per_kg',
    'main_hs6',
    ...(options.extraColumns ?? []).map((e) => extraFeatureName(e.column)),
    ...(options.extraSql ?? []).map((e) => e.name),
  ];
  await buildRawFeatures(conn, options);
  await execute(conn, `CREATE OR REPLACE TEMP TABLE ${fullTable} AS FROM ${rawFeatureTable}`);
  const cutoffs: string[] = [];
  const counts = new Map<string, LeakingFeature>();
  let compared = 0;
  const cuts: { at: string; keep?: string }[] = [];
  for (const q of quantiles) {
    const [row] = await queryValues<{ cut: string | null }>(
      conn,
      `SELECT strftime(quantile_disc(lodged_at, $q), '%Y-%m-%dT%H:%M:%S.%f') AS cut FROM declarations`,
      { q },
    );
    if (row?.cut) cuts.push({ at: row.cut });
  }
  const ties = await queryValues<{ at: string; keep: string }>(
    conn,
    `SELECT strftime(lodged_at, '%Y-%m-%dT%H:%M:%S.%f') AS at, min(declaration_id) AS keep
     FROM declarations GROUP BY lodged_at HAVING count(*) >= 2
     ORDER BY hash(min(declaration_id)) LIMIT $n`,
    { n: options.tieChecks ?? 2 },
  );
  cuts.push(...ties);
  for (const { at: cut, keep } of cuts) {
    cutoffs.push(keep === undefined ? cut : `${cut} (keeping only ${keep} of those lodged then)`);
    await buildRawFeatures(conn, {
      ...options,
      lodgedBefore: cut,
      ...(keep === undefined ? {} : { alsoKeep: keep }),
    });
    const diffs = featureNames.map((name) => {
      const c = sqlIdentifier(name);
      return `count(*) FILTER (WHERE NOT (a.${c} IS NOT DISTINCT FROM b.${c}
                 OR (TRY_CAST(a.${c} AS DOUBLE) IS NOT NULL
                     AND abs(TRY_CAST(a.${c} AS DOUBLE) - TRY_CAST(b.${c} AS DOUBLE)) <= 1e-9)))
               AS ${sqlIdentifier(`n:${name}`)},
             arg_min(a.declaration_id, CASE WHEN a.${c} IS DISTINCT FROM b.${c} THEN 0 ELSE 1 END)
               AS ${sqlIdentifier(`id:${name}`)}`;
    });
    const [result] = await queryValues<Record<string, unknown>>(
      conn,
      `WITH b AS (SELECT * FROM ${rawFeatureTable} ORDER BY lodged_epoch DESC LIMIT $limit)
       SELECT count(*) AS compared, ${diffs.join(',\n')}
       FROM b JOIN ${fullTable} a USING (declaration_id)`,
      { limit: perCutoff },
    );
    if (!result) continue;
    compared += Number(result['compared'] as bigint);
    for (const name of featureNames) {
      const n = Number(result[`n:${name}`] as bigint);
      if (n === 0) continue;
      const id = String(result[`id:${name}`]);
      const previous = counts.get(name);
      if (previous) {
        counts.set(name, { ...previous, rows: previous.rows + n });
        continue;
      }
      const c = sqlIdentifier(name);
      const [example] = await queryValues<{ full: unknown; truncated: unknown }>(
        conn,
        `SELECT CAST(a.${c} AS VARCHAR) AS full, CAST(b.${c} AS VARCHAR) AS truncated
         FROM ${fullTable} a JOIN ${rawFeatureTable} b USING (declaration_id)
         WHERE a.declaration_id = $id`,
        { id },
      );
      counts.set(name, {
        feature: name,
        rows: n,
        example: {
          declarationId: id,
          full: example?.full ?? null,
          truncated: example?.truncated ?? null,
        },
      });
    }
  }
  await execute(conn, `DROP TABLE IF EXISTS ${fullTable}`);
  const leaking = [...counts.values()];
  return {
    ok: leaking.length === 0 && compared > 0,
    cutoffs,
    comparedRows: compared,
    features: featureNames.length,
    leaking,
  };
}
