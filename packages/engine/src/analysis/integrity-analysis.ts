import type {
  IntegrityIndicatorId,
  StandardisedIndicator,
  StandardisedRow,
  UnitKind,
} from '../indicators/index.js';
import {
  buildEventTable,
  buildIntegrityBase,
  standardisedIndicators,
  standardisedRows,
  unitKinds,
} from '../indicators/index.js';
import type { IndicatorScale } from '../stats/index.js';
import {
  benjaminiHochberg,
  normalQuantile,
  normalSurvival,
  overdispersion,
  poissonLowerTail,
  poissonUpperTail,
  ratioFunnelLimits,
  ratioScale,
} from '../stats/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import type { AnalysisConfig } from './analysis-config.js';

/** One indicator's result for one unit. */
export interface UnitIndicatorResult {
  readonly indicator: IntegrityIndicatorId;
  /** Eligible rows in strata where the unit has peers. */
  readonly n: number;
  readonly observed: number;
  readonly expected: number;
  /** O/E for counts; the unit's mean minus its peers' for means. */
  readonly ratio: number;
  /** z on the suspicious side after the over-dispersion adjustment (positive = suspicious). */
  readonly z: number;
  /** z before the adjustment. */
  readonly zRaw: number;
  readonly p: number;
  readonly q: number;
  /** Whether the unit had enough volume and variation among peers to be tested. */
  readonly tested: boolean;
  readonly explanation: { readonly en: string; readonly fr: string };
}

/** Over-dispersion and funnel plot of one indicator across one kind of unit. */
export interface IndicatorFunnel {
  readonly indicator: IntegrityIndicatorId;
  readonly kind: UnitKind;
  /** 'ratio': O/E against E; 'difference': mean minus peers' mean against n. */
  readonly scale: 'ratio' | 'difference';
  readonly target: number;
  readonly unitsTested: number;
  readonly phi: number;
  readonly tau2: number;
  readonly overdispersed: boolean;
  readonly points: readonly { unit: string; x: number; y: number; q: number }[];
  readonly limits: readonly {
    x: number;
    lower95: number;
    upper95: number;
    lower998: number;
    upper998: number;
  }[];
}

/** All standardised indicator results of the analysis, by kind and unit. */
export interface StandardisedResults {
  readonly byUnit: ReadonlyMap<
    string,
    { kind: UnitKind; unit: string; office: string; results: UnitIndicatorResult[] }
  >;
  readonly funnels: readonly IndicatorFunnel[];
  readonly indicatorsRun: readonly IntegrityIndicatorId[];
  readonly indicatorsSkipped: readonly { id: IntegrityIndicatorId; reason: string }[];
}

/** Key of a unit in result maps. */
export const unitKey = (kind: UnitKind, unit: string) => `${kind}\u0000${unit}`;

function scaleOf(
  indicator: StandardisedIndicator,
  rows: readonly StandardisedRow[],
): IndicatorScale {
  if (indicator.measure === 'binary') {
    return ratioScale(
      rows.map((r) => r.observed),
      rows.map((r) => r.expected),
      rows.map((r) => r.variance),
    );
  }
  // Means: the unit's mean minus the mean expected from its peers, target 0.
  return {
    estimates: Float64Array.from(rows, (r) => (r.n > 0 ? (r.observed - r.expected) / r.n : NaN)),
    target: 0,
    standardErrors: Float64Array.from(rows, (r) =>
      r.n > 0 && r.variance > 0 ? Math.sqrt(r.variance) / r.n : NaN,
    ),
  };
}

function funnelLimits(
  indicator: StandardisedIndicator,
  rows: readonly StandardisedRow[],
  tau2: number,
): IndicatorFunnel['limits'] {
  const xs = rows
    .map((r) => (indicator.measure === 'binary' ? r.expected : r.n))
    .filter((x) => x > 0);
  if (xs.length === 0) return [];
  const lo = Math.max(Math.min(...xs) * 0.8, 0.5);
  const hi = Math.max(...xs) * 1.1;
  const grid = Array.from({ length: 40 }, (_, i) => lo * Math.pow(hi / lo, i / 39));
  if (indicator.measure === 'binary') {
    const l95 = ratioFunnelLimits(grid, { level: 0.95, ...(tau2 > 0 ? { tau2 } : {}) });
    const l998 = ratioFunnelLimits(grid, { level: 0.998, ...(tau2 > 0 ? { tau2 } : {}) });
    return grid.map((x, i) => ({
      x,
      lower95: l95.lower[i] ?? NaN,
      upper95: l95.upper[i] ?? NaN,
      lower998: l998.lower[i] ?? NaN,
      upper998: l998.upper[i] ?? NaN,
    }));
  }
  // Means: normal limits 0 ± z·√(σ²/n + τ²), σ² the pooled peer variance per row.
  const sigma2 =
    rows.reduce((s, r) => s + r.variance, 0) /
    Math.max(
      rows.reduce((s, r) => s + r.n, 0),
      1,
    );
  const z95 = normalQuantile(0.975);
  const z998 = normalQuantile(0.999);
  return grid.map((x) => {
    const sd = Math.sqrt(sigma2 / x + tau2);
    return { x, lower95: -z95 * sd, upper95: z95 * sd, lower998: -z998 * sd, upper998: z998 * sd };
  });
}

/** z of the exact tail probability, kept finite where the tail underflows. */
function zOfTail(p: number): number {
  return -normalQuantile(Math.min(Math.max(p, 1e-300), 1 - 1e-16));
}

/**
 * z-scores on the suspicious side (positive = suspicious), allowing for
 * over-dispersion. Counts use the exact Poisson tail of O at E (the normal
 * approximation is badly wrong for the small expected counts of rare
 * events), turned into a z-score and shrunk by sᵢ/√(sᵢ² + τ̂²), the factor
 * by which Spiegelhalter's additive random effect widens the limits. With
 * τ̂² = 0 the p-value is the exact one. Means use the normal z of the
 * over-dispersion step directly.
 */
function suspiciousSideZ(
  indicator: StandardisedIndicator,
  rows: readonly StandardisedRow[],
  scale: IndicatorScale,
  tau2s: Float64Array,
): Float64Array {
  const sign = indicator.side === 'high' ? 1 : -1;
  return Float64Array.from(rows, (r, i) => {
    const tau2 = tau2s[i] ?? 0;
    const s = scale.standardErrors[i] ?? NaN;
    if (!(s > 0)) return NaN;
    const shrink = s / Math.sqrt(s * s + tau2);
    if (indicator.measure === 'mean') {
      return (sign * ((scale.estimates[i] ?? NaN) - scale.target)) / Math.sqrt(s * s + tau2);
    }
    const tail =
      indicator.side === 'high'
        ? poissonUpperTail(Math.round(r.observed), r.expected)
        : poissonLowerTail(Math.round(r.observed), r.expected);
    return zOfTail(tail) * shrink;
  });
}

/**
 * Runs every standardised integrity indicator for every kind of unit:
 * indirect standardisation in DuckDB, then in TypeScript the score test,
 * Spiegelhalter's over-dispersion adjustment, Benjamini–Hochberg q-values
 * per indicator and kind, and funnel-plot data.
 */
export async function runStandardisedIndicators(
  conn: WarehouseConnection,
  config: AnalysisConfig,
): Promise<StandardisedResults> {
  const available = await buildIntegrityBase(conn, config);
  const byUnit = new Map<
    string,
    { kind: UnitKind; unit: string; office: string; results: UnitIndicatorResult[] }
  >();
  const funnels: IndicatorFunnel[] = [];
  const indicatorsRun: IntegrityIndicatorId[] = [];
  const indicatorsSkipped: { id: IntegrityIndicatorId; reason: string }[] = [];
  for (const indicator of standardisedIndicators) {
    if (indicator.requiresTable === 'declaration_scores' && !available.modelScores) {
      indicatorsSkipped.push({ id: indicator.id, reason: 'no risk-model scores in the warehouse' });
      continue;
    }
    if (indicator.source === 'item_values' && !available.itemValues) {
      indicatorsSkipped.push({
        id: indicator.id,
        reason: 'no unit-value bands (items with net mass)',
      });
      continue;
    }
    indicatorsRun.push(indicator.id);
    await buildEventTable(conn, indicator);
    for (const kind of unitKinds) {
      if (!indicator.unitSql[kind]) continue;
      const rows = await standardisedRows(conn, config, indicator, kind);
      if (rows.length === 0) continue;
      const tested = rows.map((r) => r.n >= config.minVolume && r.variance > 0 && r.expected > 0);
      const testedRows = rows.filter((_, i) => tested[i]);
      const scale = scaleOf(indicator, testedRows);
      const od = overdispersion(scale, { winsorisation: config.winsorize });
      const sign = indicator.side === 'high' ? 1 : -1;
      const tau2s = new Float64Array(testedRows.length).fill(od.tau2);
      const suspiciousZ = suspiciousSideZ(indicator, testedRows, scale, tau2s);
      const p = Float64Array.from(suspiciousZ, (z) => normalSurvival(z));
      const q = benjaminiHochberg(p);
      let t = 0;
      rows.forEach((r, i) => {
        const key = unitKey(kind, r.unit);
        const entry = byUnit.get(key) ?? { kind, unit: r.unit, office: r.office, results: [] };
        byUnit.set(key, entry);
        const ok = tested[i] === true;
        const ti = ok ? t++ : -1;
        const zAdj = ok ? (suspiciousZ[ti] ?? NaN) : NaN;
        entry.results.push({
          indicator: indicator.id,
          n: r.n,
          observed: r.observed,
          expected: r.expected,
          ratio:
            indicator.measure === 'binary'
              ? r.expected > 0
                ? r.observed / r.expected
                : NaN
              : r.n > 0
                ? (r.observed - r.expected) / r.n
                : NaN,
          z: zAdj,
          zRaw: ok ? sign * (od.zScores[ti] ?? NaN) : NaN,
          p: ok ? (p[ti] ?? NaN) : NaN,
          q: ok ? (q[ti] ?? NaN) : NaN,
          tested: ok && Number.isFinite(zAdj),
          explanation: indicator.explain({ observed: r.observed, expected: r.expected, n: r.n }),
        });
      });
      funnels.push({
        indicator: indicator.id,
        kind,
        scale: indicator.measure === 'binary' ? 'ratio' : 'difference',
        target: scale.target,
        unitsTested: od.units,
        phi: od.phi,
        tau2: od.tau2,
        overdispersed: od.overdispersed,
        points: testedRows.map((r, i) => ({
          unit: r.unit,
          x: indicator.measure === 'binary' ? r.expected : r.n,
          y: scale.estimates[i] ?? NaN,
          q: q[i] ?? NaN,
        })),
        limits: funnelLimits(indicator, testedRows, od.tau2),
      });
    }
  }
  return { byUnit, funnels, indicatorsRun, indicatorsSkipped };
}
