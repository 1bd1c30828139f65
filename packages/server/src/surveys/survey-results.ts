import type {
  AnswerDistribution,
  FactorComments,
  FactorResult,
  GroupResult,
  Questionnaire,
  SurveyResults,
  SurveyText,
} from '../api/surveys.js';
import type { Db } from '../store/database.js';
import { findQuestionnaire } from './bundled-questionnaires.js';
import { surveyError } from './survey-errors.js';
import { answersOfRound } from './survey-answers.js';
import type { StoredAnswer } from './survey-answers.js';
import type { RoundRow } from './survey-rounds.js';
import { roundStatus, toSurveyRound } from './survey-rounds.js';

/** A respondent is favourable on a factor when their factor score is at least this. */
export const favourableScore = 4;

/** Group id of the respondents who left the profile question unanswered. */
export const notStatedGroup = 'not_stated';

const notStatedLabel: SurveyText = { en: 'Not stated', fr: 'Non précisé' };
const wholeRoundLabel: SurveyText = { en: 'All respondents', fr: 'Ensemble des répondants' };

/** Rounded for display: 4 decimals. */
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function emptyDistribution(): AnswerDistribution {
  return { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, dontKnow: 0 };
}

function count(distribution: AnswerDistribution, value: number): void {
  if (value === 0) distribution.dontKnow += 1;
  else if (value >= 1 && value <= 5) distribution[String(value) as '1'] += 1;
}

/**
 * Each respondent's score on a factor: the mean of their answers 1 to 5 to
 * the factor's statements ("don't know" and skipped statements left out);
 * respondents with no such answer have no score.
 */
export function factorScores(
  questionnaire: Questionnaire,
  factorId: string,
  answers: readonly StoredAnswer[],
): number[] {
  const factor = questionnaire.factors.find((f) => f.id === factorId);
  if (!factor) return [];
  const scores: number[] = [];
  for (const answer of answers) {
    const values = factor.items
      .map((item) => answer.items[item.id])
      .filter((v): v is number => v !== undefined && v >= 1 && v <= 5);
    if (values.length > 0) scores.push(values.reduce((s, v) => s + v, 0) / values.length);
  }
  return scores;
}

/** Mean, sample standard deviation and share favourable of factor scores. */
export function scoreSummary(scores: readonly number[]): {
  n: number;
  mean: number | null;
  sd: number | null;
  favourable: number;
  shareFavourable: number | null;
} {
  const n = scores.length;
  const favourable = scores.filter((s) => s >= favourableScore).length;
  if (n === 0) return { n, mean: null, sd: null, favourable, shareFavourable: null };
  const mean = scores.reduce((s, v) => s + v, 0) / n;
  const sd = n < 2 ? null : Math.sqrt(scores.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return { n, mean, sd, favourable, shareFavourable: favourable / n };
}

/** Per-factor results of a set of answers (no suppression here: callers decide what to show). */
export function factorResults(
  questionnaire: Questionnaire,
  answers: readonly StoredAnswer[],
): FactorResult[] {
  return questionnaire.factors.map((factor) => {
    const distribution = emptyDistribution();
    const items = factor.items.map((item) => {
      const itemDistribution = emptyDistribution();
      let sum = 0;
      let n = 0;
      for (const answer of answers) {
        const value = answer.items[item.id];
        if (value === undefined) continue;
        count(itemDistribution, value);
        count(distribution, value);
        if (value >= 1) {
          sum += value;
          n += 1;
        }
      }
      return {
        item: item.id,
        text: { ...item.text },
        n,
        mean: n > 0 ? round4(sum / n) : null,
        distribution: itemDistribution,
      };
    });
    const summary = scoreSummary(factorScores(questionnaire, factor.id, answers));
    return {
      factor: factor.id,
      name: { ...factor.name },
      n: summary.n,
      mean: summary.mean === null ? null : round4(summary.mean),
      sd: summary.sd === null ? null : round4(summary.sd),
      shareFavourable: summary.shareFavourable === null ? null : round4(summary.shareFavourable),
      distribution,
      items,
    };
  });
}

function groupResult(
  questionnaire: Questionnaire,
  group: string | null,
  label: SurveyText,
  answers: readonly StoredAnswer[],
  suppressed: boolean,
): GroupResult {
  return suppressed
    ? { group, label, suppressed: true, respondents: null, factors: [] }
    : {
        group,
        label,
        suppressed: false,
        respondents: answers.length,
        factors: factorResults(questionnaire, answers),
      };
}

/**
 * Which groups of a breakdown to suppress. Primary: every group with fewer
 * than `minGroupSize` respondents (empty ones included). Secondary, when the
 * whole is shown: if the suppressed groups together hold between 1 and
 * `minGroupSize − 1` respondents, the whole minus the shown groups would give
 * them away, so the smallest shown groups are suppressed too until the
 * suppressed ones hold at least `minGroupSize` (or none is left).
 */
export function suppressedGroups(
  sizes: ReadonlyMap<string, number>,
  minGroupSize: number,
  wholeShown: boolean,
): Set<string> {
  if (!wholeShown) return new Set(sizes.keys());
  const suppressed = new Set([...sizes].filter(([, n]) => n < minGroupSize).map(([g]) => g));
  const hidden = () => [...suppressed].reduce((s, g) => s + (sizes.get(g) ?? 0), 0);
  const shown = [...sizes].filter(([g]) => !suppressed.has(g)).sort((a, b) => a[1] - b[1]);
  while (hidden() > 0 && hidden() < minGroupSize && shown.length > 0) {
    const next = shown.shift();
    if (next) suppressed.add(next[0]);
  }
  return suppressed;
}

/** The questionnaire of a round (bundled; SURVEY_NOT_FOUND if it went away). */
export function questionnaireOf(round: RoundRow): Questionnaire {
  const questionnaire = findQuestionnaire(round.questionnaire_id);
  if (!questionnaire) throw surveyError('SURVEY_NOT_FOUND', 'The round’s questionnaire is gone.');
  return questionnaire;
}

/** SURVEY_ROUND_OPEN unless the round is closed: results wait for the end of the round. */
export function requireClosed(round: RoundRow, now: Date): void {
  if (roundStatus(round, now) !== 'closed') {
    throw surveyError(
      'SURVEY_ROUND_OPEN',
      'Results are shown once the round is closed, so that answers cannot be singled out by watching them arrive.',
    );
  }
}

/**
 * A closed round's results: the whole round and each profile group, every
 * group smaller than the round's minimum shown as suppressed (see
 * {@link suppressedGroups}), and the comments, as bare texts, only when the
 * whole round reaches the minimum.
 */
export function surveyResults(
  db: Db,
  round: RoundRow,
  now: Date,
  options: { withLink: boolean },
): SurveyResults {
  requireClosed(round, now);
  const questionnaire = questionnaireOf(round);
  const answers = answersOfRound(db, round.id);
  const min = round.min_group_size;
  const wholeShown = answers.length >= min;

  const groupIds = [...questionnaire.profile.options.map((o) => o.id), notStatedGroup];
  const byGroup = new Map<string, StoredAnswer[]>(groupIds.map((g) => [g, []]));
  for (const answer of answers) {
    const g = answer.group !== null && byGroup.has(answer.group) ? answer.group : notStatedGroup;
    byGroup.get(g)?.push(answer);
  }
  const sizes = new Map([...byGroup].map(([g, list]) => [g, list.length]));
  const hidden = suppressedGroups(sizes, min, wholeShown);
  const labelOf = (g: string): SurveyText => {
    const option = questionnaire.profile.options.find((o) => o.id === g);
    return option ? { ...option.label } : notStatedLabel;
  };

  const comments: FactorComments[] = wholeShown
    ? questionnaire.factors
        .map((factor) => ({
          factor: factor.id,
          texts: answers
            .map((a) => a.comments[factor.id])
            .filter((t): t is string => typeof t === 'string' && t !== ''),
        }))
        .filter((c) => c.texts.length > 0)
    : [];

  return {
    round: toSurveyRound(db, round, now, options),
    minGroupSize: min,
    overall: groupResult(questionnaire, null, wholeRoundLabel, answers, !wholeShown),
    breakdown: {
      question: { ...questionnaire.profile.question },
      groups: groupIds.map((g) =>
        groupResult(questionnaire, g, labelOf(g), byGroup.get(g) ?? [], hidden.has(g)),
      ),
    },
    comments,
  };
}
