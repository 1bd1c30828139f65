import type { UnitKind } from '@probity/engine';
import type { PairView, PairsQuery, PairsResponse } from '../api/analytics-integrity.js';
import type { AnalyticsReader } from './analytics-reader.js';
import type { AnalysisRun, AnalyticsService } from './analytics-service.js';
import { runRef } from './analytics-service.js';
import { round, toCount } from './json-values.js';

/** A stored pair: its view (pseudonyms) and, server-side only, the real ids. */
export interface PairEntry {
  readonly officerId: string;
  readonly declarantId: string;
  readonly view: PairView;
}

/** Every stored officer–declarant pair of the run, strongest evidence first (cached per run). */
export function allPairs(
  service: AnalyticsService,
  run: AnalysisRun,
  reader: AnalyticsReader,
): Promise<PairEntry[]> {
  return service.forRun('pairs', null, async () => {
    const rows = await reader.query<Record<string, unknown>>(
      `SELECT office, officer_id, declarant_id, observed, expected, lift, manual, periods, p, q
       FROM analysis_pairs ORDER BY q, p, lift DESC NULLS LAST, office, officer_id, declarant_id`,
    );
    return rows.map((r) => {
      const officerId = String(r['officer_id']);
      const declarantId = String(r['declarant_id']);
      return {
        officerId,
        declarantId,
        view: {
          officer: service.label(run, 'officer', officerId),
          declarant: service.label(run, 'declarant', declarantId),
          office: String(r['office']),
          observed: toCount(r['observed']),
          expected: round(r['expected']) ?? 0,
          lift: round(r['lift']),
          manual: toCount(r['manual']),
          periods: toCount(r['periods']),
          p: round(r['p']) ?? 1,
          q: round(r['q']) ?? 1,
        },
      };
    });
  });
}

/** Pairs an officer or declarant is part of, with q at most the run's watch level (50 at most). */
export async function pairsOfUnit(
  service: AnalyticsService,
  run: AnalysisRun,
  reader: AnalyticsReader,
  kind: UnitKind,
  id: string,
): Promise<PairView[]> {
  if (kind !== 'officer' && kind !== 'declarant') return [];
  const byUnit = await service.forRun('pairs-by-unit', null, async () => {
    const watchLevel = Number(run.config['watchLevel'] ?? 0.2);
    const index = new Map<string, PairView[]>();
    const add = (key: string, view: PairView) => {
      const list = index.get(key);
      if (!list) index.set(key, [view]);
      else if (list.length < 50) list.push(view);
    };
    // allPairs is strongest first, so each unit keeps its 50 strongest pairs.
    for (const p of await allPairs(service, run, reader)) {
      if (p.view.q > watchLevel) continue;
      add(`officer\u0000${p.officerId}`, p.view);
      add(`declarant\u0000${p.declarantId}`, p.view);
    }
    return index;
  });
  return byUnit.get(`${kind}\u0000${id}`) ?? [];
}

/** One page of the pairs matching the filters. */
export function listPairs(
  run: AnalysisRun,
  pairs: readonly PairEntry[],
  query: PairsQuery,
): PairsResponse {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const matching = pairs.filter(
    (p) =>
      (!query.office || p.view.office === query.office) &&
      (query.maxQ === undefined || p.view.q <= query.maxQ),
  );
  return {
    run: runRef(run),
    total: matching.length,
    limit,
    offset,
    items: matching.slice(offset, offset + limit).map((p) => p.view),
  };
}
