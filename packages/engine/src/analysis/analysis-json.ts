import { unitLabeller } from '../risk/index.js';
import type { AnalysisResult } from './analyze.js';
import { storableConfig } from './save-analysis.js';

const num = (x: number, digits = 6) => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : null);

/**
 * The analysis as the documented JSON document (issue 3 §5): units with
 * their flags, pairs, funnels and the extensions' sections. Officers,
 * declarants and traders appear under pseudonyms unless `revealIds`.
 */
export function analysisJson(result: AnalysisResult, revealIds: boolean): Record<string, unknown> {
  const label = unitLabeller(result.config.pseudonymKey, revealIds);
  return {
    dataset: result.dataset,
    generated_at: result.generatedAt,
    run_id: result.runId,
    ids: revealIds ? 'revealed' : 'pseudonyms',
    config: storableConfig(result.config),
    indicators_run: result.indicatorsRun,
    indicators_skipped: result.indicatorsSkipped,
    units: result.units.map((u) => ({
      kind: u.kind,
      id: label(u.kind, u.id),
      office: u.office,
      volume: u.volume,
      score: num(u.score),
      rank: u.rank,
      status: u.status,
      flags: u.indicators.map((f) => ({
        indicator: f.indicator,
        status: f.status,
        observed: num(f.observed),
        expected: num(f.expected),
        n: f.n,
        ratio: num(f.ratio),
        z: num(f.z),
        z_raw: num(f.zRaw),
        p: num(f.p),
        q: num(f.q),
        explanation: f.explanation.en,
        explanation_fr: f.explanation.fr,
      })),
    })),
    pairs: result.pairs.map((p) => ({
      officer: label('officer', p.officer),
      declarant: label('declarant', p.declarant),
      office: p.office,
      observed: p.observed,
      expected: num(p.expected),
      lift: num(p.lift),
      manual: p.manual,
      periods: p.periods,
      p: num(p.p),
      q: num(p.q),
    })),
    pairs_observed: result.pairsObserved,
    funnels: result.funnels.map((f) => ({
      ...f,
      points: f.points.map((pt) => ({ ...pt, unit: label(f.kind, pt.unit) })),
    })),
    ...Object.fromEntries(
      Object.entries(result.sections).map(([name, section]) => [
        name,
        result.publishers[name]?.(section, label) ?? section,
      ]),
    ),
  };
}
