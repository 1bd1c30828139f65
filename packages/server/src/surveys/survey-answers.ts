import { randomBytes } from 'node:crypto';
import type { SurveyAnswerSubmission } from '../api/surveys.js';
import type { Db } from '../store/database.js';
import type { AnswerBudget } from './answer-budget.js';
import { findQuestionnaire } from './bundled-questionnaires.js';
import { surveyError } from './survey-errors.js';
import { invitationHash, roundByToken, roundStatus } from './survey-rounds.js';

/** A stored answer's Likert values: statement id → 1..5, or 0 for "don't know". */
export type StoredItems = Record<string, number>;
/** A stored answer's comments: factor id → text. */
export type StoredComments = Record<string, string>;

/** Trimmed comment text; control characters other than line breaks and tabs removed. */
function cleanComment(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

/**
 * Record one anonymous answer to the round behind `token`. The row holds the
 * round, the profile answer, the Likert values and the comments: no time, no
 * request data, no link to the invitation code (which is deleted). Checks, in
 * order: the link, the round's dates, the answer's shape, the invitation code,
 * the hourly budget.
 */
export function submitAnswer(
  db: Db,
  budget: AnswerBudget,
  token: string,
  submission: SurveyAnswerSubmission,
  now: Date,
): void {
  const round = roundByToken(db, token);
  const status = roundStatus(round, now);
  if (status === 'scheduled') throw surveyError('SURVEY_NOT_OPEN', 'This survey is not open yet.');
  if (status === 'closed') throw surveyError('SURVEY_CLOSED', 'This survey is closed.');
  const questionnaire = findQuestionnaire(round.questionnaire_id);
  if (!questionnaire) throw surveyError('SURVEY_NOT_FOUND', 'This survey link is not valid.');

  const itemIds = new Set(questionnaire.factors.flatMap((f) => f.items.map((i) => i.id)));
  const factorIds = new Set(questionnaire.factors.map((f) => f.id));
  const groupIds = new Set(questionnaire.profile.options.map((o) => o.id));
  for (const id of Object.keys(submission.items)) {
    if (!itemIds.has(id)) throw surveyError('SURVEY_ANSWER_INVALID', `Unknown statement ${id}.`);
  }
  for (const factor of Object.keys(submission.comments ?? {})) {
    if (!factorIds.has(factor)) {
      throw surveyError('SURVEY_ANSWER_INVALID', `Unknown factor ${factor}.`);
    }
  }
  // Stored in the questionnaire's order, not the body's: the order in which a person clicked
  // through the form is a trace of its own.
  const items: StoredItems = {};
  const comments: StoredComments = {};
  for (const factor of questionnaire.factors) {
    for (const item of factor.items) {
      const value = submission.items[item.id];
      if (value !== undefined) items[item.id] = value;
    }
    const text = submission.comments?.[factor.id];
    const cleaned = text === undefined ? '' : cleanComment(text);
    if (cleaned !== '') comments[factor.id] = cleaned;
  }
  if (Object.keys(items).length === 0 && Object.keys(comments).length === 0) {
    throw surveyError('SURVEY_ANSWER_INVALID', 'The answer is empty.');
  }
  const group = submission.group === '' ? null : (submission.group ?? null);
  if (group !== null && !groupIds.has(group)) {
    throw surveyError('SURVEY_ANSWER_INVALID', `Unknown profile answer ${group}.`);
  }

  // A used code's hash is deleted; secure_delete overwrites the freed bytes in the file.
  if (round.access_mode === 'invitation') db.pragma('secure_delete = ON');
  db.transaction(() => {
    if (round.access_mode === 'invitation') {
      const code = submission.invitationCode ?? '';
      const used = db
        .prepare('DELETE FROM survey_invitations WHERE round_id = ? AND code_hash = ?')
        .run(round.id, invitationHash(code));
      if (used.changes !== 1) {
        throw surveyError('INVITATION_INVALID', 'This invitation code is not valid or was used.');
      }
    }
    if (!budget.take(round.id, round.answers_per_hour, now)) {
      throw surveyError(
        'SURVEY_BUSY',
        'The survey is receiving too many answers just now. Please try again in an hour.',
      );
    }
    db.prepare(
      `INSERT INTO survey_answers (id, round_id, profile_group, items, comments)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(
      randomBytes(16).toString('hex'),
      round.id,
      group,
      JSON.stringify(items),
      JSON.stringify(comments),
    );
  })();
}

/** One stored answer, parsed. */
export interface StoredAnswer {
  group: string | null;
  items: StoredItems;
  comments: StoredComments;
}

/** Every answer of a round, in the order of their random ids (not the order of arrival). */
export function answersOfRound(db: Db, roundId: number): StoredAnswer[] {
  const rows = db
    .prepare(
      'SELECT profile_group, items, comments FROM survey_answers WHERE round_id = ? ORDER BY id',
    )
    .all(roundId) as { profile_group: string | null; items: string; comments: string }[];
  return rows.map((r) => ({
    group: r.profile_group,
    items: JSON.parse(r.items) as StoredItems,
    comments: JSON.parse(r.comments) as StoredComments,
  }));
}
