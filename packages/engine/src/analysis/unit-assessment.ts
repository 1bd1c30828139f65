import type { IntegrityIndicatorId, UnitKind } from '../indicators/index.js';
import { explainPair } from '../indicators/index.js';
import type { PairResult } from '../risk/index.js';
import type { AnalysisConfig } from './analysis-config.js';
import type { StandardisedResults, UnitIndicatorResult } from './integrity-analysis.js';
import { unitKey } from './integrity-analysis.js';

/** What a unit's results say: a reason to look, to keep an eye on, nothing, or too little data. */
export type UnitStatus = 'flagged' | 'watch' | 'clear' | 'insufficient_data';

/** Status of one indicator of a unit. */
export type IndicatorStatus = UnitStatus;

/** One unit (officer, declarant, trader or office) with its assessment. */
export interface UnitAssessment {
  readonly kind: UnitKind;
  readonly id: string;
  readonly office: string;
  /** Declarations of the unit. */
  readonly volume: number;
  /** Σ of the positive adjusted z-scores of its indicators at q below the watch level. */
  readonly score: number;
  /** Rank within its kind: flagged first, then watch, clear, insufficient data; by score. */
  readonly rank: number;
  readonly status: UnitStatus;
  readonly indicators: readonly (UnitIndicatorResult & { readonly status: IndicatorStatus })[];
}

const statusOrder: Record<UnitStatus, number> = {
  flagged: 0,
  watch: 1,
  clear: 2,
  insufficient_data: 3,
};

function indicatorStatus(r: UnitIndicatorResult, config: AnalysisConfig): IndicatorStatus {
  if (!r.tested) return 'insufficient_data';
  if (r.z > 0 && r.q < config.fdrLevel) return 'flagged';
  if (r.z > 0 && r.q < config.watchLevel) return 'watch';
  return 'clear';
}

/** The pair-concentration result a unit takes from its most significant pair. */
function pairIndicator(
  pair: PairResult,
  kind: 'officer' | 'declarant',
  label: (kind: UnitKind, id: string) => string,
): UnitIndicatorResult {
  const z = pair.expected > 0 ? (pair.observed - pair.expected) / Math.sqrt(pair.expected) : NaN;
  const other =
    kind === 'officer' ? label('declarant', pair.declarant) : label('officer', pair.officer);
  const text = explainPair({
    observed: pair.observed,
    expected: pair.expected,
    n: pair.officerVolume,
    declarant: other,
    officer: label('officer', pair.officer),
  });
  const en =
    kind === 'officer'
      ? text.en
      : `had ${pair.observed} declarations handled by officer ${other}; ${pair.expected.toFixed(1)} expected if declarations were assigned independently`;
  const fr =
    kind === 'officer'
      ? text.fr
      : `a vu ${pair.observed} de ses déclarations traitées par l’agent ${other} ; ${pair.expected.toFixed(1).replace('.', ',')} attendues si l’affectation était indépendante`;
  return {
    indicator: 'pair_concentration' as IntegrityIndicatorId,
    n: pair.officerVolume,
    observed: pair.observed,
    expected: pair.expected,
    ratio: pair.lift,
    z,
    zRaw: z,
    p: pair.p,
    q: pair.q,
    tested: true,
    explanation: { en, fr },
  };
}

/**
 * Combines the indicators of every unit into a status, a composite score
 * and a rank within its kind. A unit is flagged when one indicator is
 * significant after false discovery control (q below `fdrLevel`) on its
 * suspicious side; on watch when one is below `watchLevel`; insufficient
 * data when no indicator could be tested.
 */
export function assessUnits(
  standardised: StandardisedResults,
  pairs: readonly PairResult[],
  volumes: ReadonlyMap<string, number>,
  config: AnalysisConfig,
  label: (kind: UnitKind, id: string) => string,
): UnitAssessment[] {
  const units = new Map(
    [...standardised.byUnit.entries()].map(([k, v]) => [
      k,
      { kind: v.kind, unit: v.unit, office: v.office, results: [...v.results] },
    ]),
  );
  const bestPair = new Map<string, PairResult>();
  for (const pair of pairs) {
    for (const [kind, id] of [
      ['officer', pair.officer],
      ['declarant', pair.declarant],
    ] as const) {
      const key = unitKey(kind, id);
      const best = bestPair.get(key);
      if (!best || pair.q < best.q || (pair.q === best.q && pair.p < best.p))
        bestPair.set(key, pair);
    }
  }
  for (const [key, pair] of bestPair) {
    const [kind, id] = key.split('\u0000') as ['officer' | 'declarant', string];
    const entry = units.get(key) ?? { kind, unit: id, office: pair.office, results: [] };
    entry.results.push(pairIndicator(pair, kind, label));
    units.set(key, entry);
  }

  const assessed = [...units.values()].map((u) => {
    const indicators = u.results
      .map((r) => ({ ...r, status: indicatorStatus(r, config) }))
      .sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || (a.q || 1) - (b.q || 1));
    const tested = indicators.filter((r) => r.tested);
    const score = tested
      .filter((r) => r.q < config.watchLevel && r.z > 0)
      .reduce((s, r) => s + r.z, 0);
    const status: UnitStatus =
      tested.length === 0
        ? 'insufficient_data'
        : indicators.some((r) => r.status === 'flagged')
          ? 'flagged'
          : indicators.some((r) => r.status === 'watch')
            ? 'watch'
            : 'clear';
    return {
      kind: u.kind,
      id: u.unit,
      office: u.office,
      volume: volumes.get(unitKey(u.kind, u.unit)) ?? 0,
      score,
      rank: 0,
      status,
      indicators,
    };
  });
  const ranked: UnitAssessment[] = [];
  for (const kind of ['officer', 'declarant', 'trader', 'office'] as const) {
    const ofKind = assessed
      .filter((u) => u.kind === kind)
      .sort(
        (a, b) =>
          statusOrder[a.status] - statusOrder[b.status] ||
          b.score - a.score ||
          b.volume - a.volume ||
          a.id.localeCompare(b.id),
      );
    ofKind.forEach((u, i) => ranked.push({ ...u, rank: i + 1 }));
  }
  return ranked;
}
