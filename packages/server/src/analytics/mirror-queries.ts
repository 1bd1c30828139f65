import type {
  MirrorAggregate,
  MirrorGap,
  MirrorGapsQuery,
  MirrorGapsResponse,
  MirrorResponse,
  MirrorShare,
} from '../api/analytics-mirror.js';
import type { AnalyticsReader } from './analytics-reader.js';
import type { AnalysisRun, AnalyticsService } from './analytics-service.js';
import { runRef } from './analytics-service.js';
import { round, toCount, toNumber, toText } from './json-values.js';
import { storedSection } from './release-time-queries.js';

/** The parts of the stored mirror section the dashboards use. */
interface StoredMirror {
  available?: boolean;
  currency?: string | null;
  cifFobFactor?: number;
  topShare?: number;
  notes?: string[];
  coverage?: Record<string, unknown>;
  tariffGap?: {
    slope: number | null;
    se: number | null;
    intercept: number | null;
    n: number;
    r2: number | null;
    points: { hs6: string; tariff_pct: number; log_gap: number; weight: number | null }[];
  } | null;
}

const gapColumns = `hs6, partner_country, period, declarations, declared_usd, partner_cif_usd,
  gap_usd, ratio, gap_rank, top_gap`;

const gapOf = (r: Record<string, unknown>): MirrorGap => ({
  hs6: String(r['hs6']),
  partner: String(r['partner_country']),
  period: String(r['period']),
  declarations: toCount(r['declarations']),
  declaredUsd: round(r['declared_usd']),
  partnerCifUsd: round(r['partner_cif_usd']),
  gapUsd: round(r['gap_usd']),
  ratio: round(r['ratio']),
  gapRank: toNumber(r['gap_rank']),
  topGap: r['top_gap'] === true,
});

/** SQL summing the gaps over a column (allow-listed: partner_country or hs6), largest first. */
export function gapAggregateSql(column: 'partner_country' | 'hs6'): string {
  return `SELECT ${column} AS key, CAST(count(*) AS DOUBLE) AS cells,
     sum(declared_usd) AS declared_usd, sum(partner_cif_usd) AS partner_cif_usd, sum(gap_usd) AS gap_usd
   FROM analysis_mirror_gaps GROUP BY ${column} ORDER BY gap_usd DESC NULLS LAST, key LIMIT 20`;
}

const aggregateOf = (r: Record<string, unknown>): MirrorAggregate => ({
  key: String(r['key']),
  cells: toCount(r['cells']),
  declaredUsd: round(r['declared_usd']) ?? 0,
  partnerCifUsd: round(r['partner_cif_usd']) ?? 0,
  gapUsd: round(r['gap_usd']) ?? 0,
});

/** The mirror analysis of the run: summary, largest gaps, aggregates, tariff–gap relation, shares. */
export async function mirrorOverview(
  service: AnalyticsService,
  run: AnalysisRun,
  reader: AnalyticsReader,
): Promise<MirrorResponse> {
  const section = (await storedSection<StoredMirror>(reader, 'mirror')) ?? {};
  const available = section.available === true;
  const [largest, byPartner, byHs6, shares] = available
    ? await Promise.all([
        reader.query(`SELECT ${gapColumns} FROM analysis_mirror_gaps
          ORDER BY gap_usd DESC NULLS LAST, hs6, partner_country, period LIMIT 20`),
        reader.query(gapAggregateSql('partner_country')),
        reader.query(gapAggregateSql('hs6')),
        reader.query(`SELECT * FROM analysis_mirror_shares ORDER BY kind, rank`),
      ])
    : [[], [], [], []];
  const share = (kind: 'declarant' | 'office') =>
    shares
      .filter((r) => r['kind'] === kind)
      .map((r): MirrorShare => ({
        unit:
          kind === 'office'
            ? String(r['unit_id'])
            : service.label(run, 'declarant', String(r['unit_id'])),
        declarations: toCount(r['declarations']),
        declaredUsd: round(r['declared_usd']) ?? 0,
        topGapDeclarations: toCount(r['top_gap_declarations']),
        topGapUsd: round(r['top_gap_usd']) ?? 0,
        shareInTop: round(r['share_in_top']),
        overallShare: round(r['overall_share']),
        lift: round(r['lift']),
        excessUsd: round(r['excess_usd']),
        rank: toCount(r['rank']),
      }));
  const coverage = section.coverage ?? {};
  const tariff = section.tariffGap;
  return {
    run: runRef(run),
    available,
    currency: toText(section.currency),
    cifFobFactor: toNumber(section.cifFobFactor) ?? 1,
    topShare: toNumber(section.topShare) ?? 0,
    notes: (section.notes ?? []).map(String),
    totals: {
      matchedDeclaredUsd: round(coverage['matchedDeclaredUsd']),
      matchedPartnerCifUsd: round(coverage['matchedPartnerCifUsd']),
      topGapUsd: round(coverage['topGapUsd']),
      topCells: toNumber(coverage['topCells']),
    },
    largestGaps: largest.map(gapOf),
    byPartner: byPartner.map(aggregateOf),
    byHs6: byHs6.map(aggregateOf),
    tariffGap: {
      slope: round(tariff?.slope),
      se: round(tariff?.se),
      intercept: round(tariff?.intercept),
      n: toCount(tariff?.n),
      r2: round(tariff?.r2),
      points: (tariff?.points ?? []).map((p) => ({
        hs6: String(p.hs6),
        tariffPct: toNumber(p.tariff_pct) ?? 0,
        logGap: round(p.log_gap) ?? 0,
        weight: round(p.weight),
      })),
    },
    declarants: share('declarant'),
    offices: share('office'),
  };
}

/** One page of mirror cells by gap, largest first, optionally one partner and/or HS6. */
export async function mirrorGaps(
  run: AnalysisRun,
  reader: AnalyticsReader,
  query: MirrorGapsQuery,
): Promise<MirrorGapsResponse> {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const where = `($partner::VARCHAR IS NULL OR partner_country = $partner)
     AND ($hs6::VARCHAR IS NULL OR hs6 = $hs6)`;
  const params = { partner: query.partner ?? null, hs6: query.hs6 ?? null, limit, offset };
  const [rows, [count]] = await Promise.all([
    reader.query(
      `SELECT ${gapColumns} FROM analysis_mirror_gaps WHERE ${where}
       ORDER BY gap_usd DESC NULLS LAST, hs6, partner_country, period LIMIT $limit OFFSET $offset`,
      params,
    ),
    reader.query<{ n: number }>(
      `SELECT CAST(count(*) AS DOUBLE) AS n FROM analysis_mirror_gaps WHERE ${where}`,
      params,
    ),
  ]);
  return {
    run: runRef(run),
    total: toCount(count?.n),
    limit,
    offset,
    items: rows.map(gapOf),
  };
}
