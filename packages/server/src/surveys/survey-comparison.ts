import type { Change, SurveyComparison } from '../api/surveys.js';
import type { Db } from '../store/database.js';
import { newcombeDifference, welchMeanDifference } from './change-intervals.js';
import type { Interval } from './change-intervals.js';
import { answersOfRound } from './survey-answers.js';
import { surveyError } from './survey-errors.js';
import { factorScores, questionnaireOf, requireClosed, scoreSummary } from './survey-results.js';
import type { RoundRow } from './survey-rounds.js';
import { toSurveyRound } from './survey-rounds.js';

/** Confidence level of the changes between rounds. */
export const comparisonLevel = 0.95;

function rounded(interval: Interval | null): Change | null {
  if (!interval) return null;
  const r = (v: number) => Math.round(v * 10_000) / 10_000;
  return { estimate: r(interval.estimate), low: r(interval.low), high: r(interval.high) };
}

/**
 * Each factor of two closed rounds of the same audience compared on the
 * whole round: change of the mean factor score (Welch's t interval) and of
 * the share of favourable respondents (Newcombe's hybrid score interval).
 * A round with fewer answers than its minimum group size shows nothing.
 */
export function compareRounds(
  db: Db,
  earlier: RoundRow,
  later: RoundRow,
  now: Date,
  options: { withLink: boolean },
): SurveyComparison {
  requireClosed(earlier, now);
  requireClosed(later, now);
  if (earlier.audience !== later.audience || earlier.id === later.id) {
    throw surveyError(
      'SURVEY_ROUNDS_NOT_COMPARABLE',
      'Only two different rounds for the same audience can be compared.',
    );
  }
  const qEarlier = questionnaireOf(earlier);
  const qLater = questionnaireOf(later);
  const aEarlier = answersOfRound(db, earlier.id);
  const aLater = answersOfRound(db, later.id);
  const earlierShown = aEarlier.length >= earlier.min_group_size;
  const laterShown = aLater.length >= later.min_group_size;
  const factors = qLater.factors
    .filter((f) => qEarlier.factors.some((e) => e.id === f.id))
    .map((factor) => {
      const sEarlier = earlierShown ? factorScores(qEarlier, factor.id, aEarlier) : null;
      const sLater = laterShown ? factorScores(qLater, factor.id, aLater) : null;
      const summary = (scores: number[] | null) => {
        if (!scores) return null;
        const s = scoreSummary(scores);
        const r = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);
        return { n: s.n, mean: r(s.mean), shareFavourable: r(s.shareFavourable) };
      };
      const both = sEarlier && sLater;
      const e = sEarlier ? scoreSummary(sEarlier) : null;
      const l = sLater ? scoreSummary(sLater) : null;
      return {
        factor: factor.id,
        name: { ...factor.name },
        earlier: summary(sEarlier),
        later: summary(sLater),
        meanChange: both ? rounded(welchMeanDifference(sEarlier, sLater, comparisonLevel)) : null,
        shareFavourableChange:
          e && l
            ? rounded(newcombeDifference(e.favourable, e.n, l.favourable, l.n, comparisonLevel))
            : null,
      };
    });
  return {
    earlier: toSurveyRound(db, earlier, now, options),
    later: toSurveyRound(db, later, now, options),
    confidenceLevel: comparisonLevel,
    factors,
  };
}
