import type { UnitKind } from '@probity/engine';
import { unitKinds } from '@probity/engine';
import type {
  RankedUnit,
  UnitDetailResponse,
  UnitsQuery,
  UnitsResponse,
} from '../api/analytics-integrity.js';
import { analyticsError } from './analytics-errors.js';
import type { AnalyticsReader } from './analytics-reader.js';
import type { AnalysisRun, AnalyticsService } from './analytics-service.js';
import { runRef } from './analytics-service.js';
import { indicatorTitle, integrityIndicators } from './integrity-indicators.js';
import { round, toCount, toText } from './json-values.js';
import { pairsOfUnit } from './pair-queries.js';

/** An analysed unit as held in memory: the real id stays on the server. */
export interface UnitEntry {
  readonly id: string;
  readonly view: RankedUnit;
  /** Indicators on which the unit is flagged or watched. */
  readonly onIndicators: ReadonlySet<string>;
}

/** Every analysed unit of a run, ranked, and an index by kind and label. */
export interface UnitIndex {
  readonly ranked: readonly UnitEntry[];
  readonly byLabel: ReadonlyMap<string, UnitEntry>;
}

const labelKey = (kind: string, label: string) => `${kind}\u0000${label}`;
const statusOrder = ['flagged', 'watch', 'clear', 'insufficient_data'];

/** Reads every unit and its flagged and watched indicators (one pass per run, then cached). */
export async function unitIndex(
  service: AnalyticsService,
  run: AnalysisRun,
  reader: AnalyticsReader,
): Promise<UnitIndex> {
  const [units, flags] = await Promise.all([
    reader.query<Record<string, unknown>>(
      `SELECT kind, unit_id, office, volume, score, rank, status FROM analysis_units`,
    ),
    reader.query<Record<string, unknown>>(
      `SELECT kind, unit_id, indicator, status, ratio, q, explanation_en, explanation_fr
       FROM analysis_flags WHERE status IN ('flagged', 'watch') ORDER BY q, indicator`,
    ),
  ]);
  const flagsOf = new Map<string, RankedUnit['flags']>();
  for (const f of flags) {
    const key = labelKey(String(f['kind']), String(f['unit_id']));
    const list = flagsOf.get(key) ?? [];
    list.push({
      indicator: String(f['indicator']),
      status: f['status'] as RankedUnit['flags'][number]['status'],
      ratio: round(f['ratio']),
      q: round(f['q']),
      explanation: { en: String(f['explanation_en'] ?? ''), fr: String(f['explanation_fr'] ?? '') },
    });
    flagsOf.set(key, list);
  }
  const ranked: UnitEntry[] = units.map((u) => {
    const kind = String(u['kind']) as UnitKind;
    const id = String(u['unit_id']);
    const unitFlags = flagsOf.get(labelKey(kind, id)) ?? [];
    return {
      id,
      onIndicators: new Set(unitFlags.map((f) => f.indicator)),
      view: {
        kind,
        unit: service.label(run, kind, id),
        office: toText(u['office']),
        volume: toCount(u['volume']),
        score: round(u['score']),
        rank: round(u['rank']),
        status: String(u['status']) as RankedUnit['status'],
        flags: unitFlags,
      },
    };
  });
  ranked.sort(
    (a, b) =>
      statusOrder.indexOf(a.view.status) - statusOrder.indexOf(b.view.status) ||
      (a.view.rank ?? Infinity) - (b.view.rank ?? Infinity) ||
      unitKinds.indexOf(a.view.kind) - unitKinds.indexOf(b.view.kind),
  );
  return {
    ranked,
    byLabel: new Map(ranked.map((e) => [labelKey(e.view.kind, e.view.unit), e])),
  };
}

/** The units of a run matching the filters, one page of them. */
export function listUnits(run: AnalysisRun, index: UnitIndex, query: UnitsQuery): UnitsResponse {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const matching = index.ranked.filter(
    (e) =>
      (!query.kind || e.view.kind === query.kind) &&
      (!query.status || e.view.status === query.status) &&
      (!query.office || e.view.office === query.office) &&
      (!query.indicator || e.onIndicators.has(query.indicator)),
  );
  return {
    run: runRef(run),
    indicators: [...integrityIndicators],
    total: matching.length,
    limit,
    offset,
    items: matching.slice(offset, offset + limit).map((e) => e.view),
  };
}

/** The unit shown as `label`, or `UNIT_NOT_FOUND`. */
export function findUnit(index: UnitIndex, kind: UnitKind, label: string): UnitEntry {
  const entry = index.byLabel.get(labelKey(kind, label));
  if (!entry) {
    throw analyticsError('UNIT_NOT_FOUND', `No ${kind} ${label} in the current analysis.`);
  }
  return entry;
}

/** A unit with every indicator (O, E, ratio, z, p, q, status, explanation) and its pairs. */
export async function unitDetail(
  service: AnalyticsService,
  run: AnalysisRun,
  reader: AnalyticsReader,
  entry: UnitEntry,
): Promise<UnitDetailResponse> {
  const { kind } = entry.view;
  const key = unitKey(kind, entry.id);
  const [flagIndex, evidenceIndex, pairs] = await Promise.all([
    flagsByUnit(service, reader),
    evidenceCountsByUnit(service, reader),
    pairsOfUnit(service, run, reader, kind, entry.id),
  ]);
  const flags = flagIndex.get(key) ?? [];
  const evidence = evidenceIndex.get(key) ?? [];
  return {
    run: runRef(run),
    kind,
    unit: entry.view.unit,
    office: entry.view.office,
    volume: entry.view.volume,
    score: entry.view.score,
    rank: entry.view.rank,
    status: entry.view.status,
    indicators: flags.map((f) => {
      const indicator = String(f['indicator']);
      return {
        indicator,
        title: indicatorTitle(indicator),
        status: String(f['status']) as UnitDetailResponse['indicators'][number]['status'],
        n: toCount(f['n']),
        observed: round(f['observed']) ?? 0,
        expected: round(f['expected']) ?? 0,
        ratio: round(f['ratio']),
        z: round(f['z']),
        p: round(f['p']),
        q: round(f['q']),
        explanation: {
          en: String(f['explanation_en'] ?? ''),
          fr: String(f['explanation_fr'] ?? ''),
        },
        evidenceCount: evidence.find((e) => e.indicator === indicator)?.n ?? 0,
      };
    }),
    pairs,
  };
}

const unitKey = (kind: string, id: string) => `${kind}\u0000${id}`;

/**
 * Every stored indicator row, grouped by unit (cached per run): one scan of
 * analysis_flags instead of a query per unit page, so browsing many units does
 * not queue queries on the shared warehouse connection.
 */
export function flagsByUnit(
  service: AnalyticsService,
  reader: AnalyticsReader,
): Promise<Map<string, Record<string, unknown>[]>> {
  return service.forRun('flags-by-unit', null, async () => {
    const rows = await reader.query<Record<string, unknown>>(
      `SELECT kind, unit_id, indicator, n, observed, expected, ratio, z, p, q, status,
              explanation_en, explanation_fr
       FROM analysis_flags ORDER BY kind, unit_id, q NULLS LAST, indicator`,
    );
    const byUnit = new Map<string, Record<string, unknown>[]>();
    for (const row of rows) {
      const key = unitKey(String(row['kind']), String(row['unit_id']));
      const list = byUnit.get(key);
      if (list) list.push(row);
      else byUnit.set(key, [row]);
    }
    return byUnit;
  });
}

/** Distinct evidence declarations per unit and indicator (cached per run). */
export function evidenceCountsByUnit(
  service: AnalyticsService,
  reader: AnalyticsReader,
): Promise<Map<string, { indicator: string; n: number }[]>> {
  return service.forRun('evidence-counts-by-unit', null, async () => {
    const rows = await reader.query<{
      kind: string;
      unit_id: string;
      indicator: string;
      n: number;
    }>(
      `SELECT kind, unit_id, indicator, CAST(count(DISTINCT declaration_id) AS DOUBLE) AS n
       FROM analysis_evidence GROUP BY kind, unit_id, indicator`,
    );
    const byUnit = new Map<string, { indicator: string; n: number }[]>();
    for (const row of rows) {
      const key = unitKey(row.kind, row.unit_id);
      const entry = { indicator: row.indicator, n: row.n };
      const list = byUnit.get(key);
      if (list) list.push(entry);
      else byUnit.set(key, [entry]);
    }
    return byUnit;
  });
}
