import type { UnitKind } from '@probity/engine';
import type { FunnelIndexResponse, FunnelResponse } from '../api/analytics-integrity.js';
import { analyticsError } from './analytics-errors.js';
import type { AnalyticsReader } from './analytics-reader.js';
import type { AnalysisRun, AnalyticsService } from './analytics-service.js';
import { runRef } from './analytics-service.js';
import { indicatorTitle } from './integrity-indicators.js';
import { round, toCount } from './json-values.js';

/** A funnel as the engine stores it (`analysis_funnels.funnel`), units under their real ids. */
interface StoredFunnel {
  indicator: string;
  kind: UnitKind;
  scale: string;
  target: number;
  unitsTested: number;
  phi: number | null;
  tau2: number | null;
  overdispersed: boolean;
  points: { unit: string; x: number; y: number; q: number | null }[];
  limits: {
    x: number;
    lower95: number | null;
    upper95: number | null;
    lower998: number | null;
    upper998: number | null;
  }[];
}

/** Every stored funnel of the run, parsed (cached per run). */
function storedFunnels(
  service: AnalyticsService,
  reader: AnalyticsReader,
): Promise<StoredFunnel[]> {
  return service.forRun('funnels:stored', null, async () => {
    const rows = await reader.query<{ funnel: string }>(
      `SELECT funnel FROM analysis_funnels ORDER BY kind, indicator`,
    );
    return rows.map((r) => JSON.parse(r.funnel) as StoredFunnel);
  });
}

/** Which funnels the run has, per kind and indicator. */
export async function funnelIndex(
  service: AnalyticsService,
  run: AnalysisRun,
  reader: AnalyticsReader,
): Promise<FunnelIndexResponse> {
  const funnels = await storedFunnels(service, reader);
  return {
    run: runRef(run),
    funnels: funnels.map((f) => ({
      kind: f.kind,
      indicator: f.indicator,
      title: indicatorTitle(f.indicator),
      unitsTested: toCount(f.unitsTested),
      overdispersed: Boolean(f.overdispersed),
    })),
  };
}

/**
 * One funnel: each tested unit (pseudonym) with x (expected events, or
 * volume on the difference scale), y, its counts, q and status, and the
 * 95 % and 99.8 % control limits.
 */
export async function funnel(
  service: AnalyticsService,
  run: AnalysisRun,
  reader: AnalyticsReader,
  kind: UnitKind,
  indicator: string,
): Promise<FunnelResponse> {
  const stored = (await storedFunnels(service, reader)).find(
    (f) => f.kind === kind && f.indicator === indicator,
  );
  if (!stored) {
    throw analyticsError('FUNNEL_NOT_FOUND', `No funnel for ${indicator} on ${kind} units.`);
  }
  const flags = await reader.query<Record<string, unknown>>(
    `SELECT unit_id, n, observed, expected, status FROM analysis_flags
     WHERE kind = $1 AND indicator = $2`,
    [kind, indicator],
  );
  const byUnit = new Map(flags.map((f) => [String(f['unit_id']), f]));
  return {
    run: runRef(run),
    kind,
    indicator,
    title: indicatorTitle(indicator),
    scale: stored.scale,
    target: toCount(stored.target),
    unitsTested: toCount(stored.unitsTested),
    phi: round(stored.phi),
    tau2: round(stored.tau2),
    overdispersed: Boolean(stored.overdispersed),
    points: stored.points.map((p) => {
      const f = byUnit.get(p.unit);
      return {
        unit: service.label(run, kind, p.unit),
        x: round(p.x) ?? 0,
        y: round(p.y) ?? 0,
        n: toCount(f?.['n']),
        observed: round(f?.['observed']) ?? 0,
        expected: round(f?.['expected']) ?? 0,
        q: round(p.q),
        status: (f ? String(f['status']) : 'clear') as FunnelResponse['points'][number]['status'],
      };
    }),
    limits: stored.limits.map((l) => ({
      x: round(l.x) ?? 0,
      lower95: round(l.lower95),
      upper95: round(l.upper95),
      lower998: round(l.lower998),
      upper998: round(l.upper998),
    })),
  };
}
