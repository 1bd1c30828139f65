import { createHash, randomBytes } from 'node:crypto';
import type {
  SurveyAccessMode,
  SurveyAudience,
  SurveyRound,
  SurveyRoundCreate,
  SurveyRoundStatus,
} from '../api/surveys.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Db } from '../store/database.js';
import { findQuestionnaire } from './bundled-questionnaires.js';
import { surveyError } from './survey-errors.js';

/** Smallest group shown when a round does not say (docs/surveys.md). */
export const defaultMinGroupSize = 10;
/** Answers a round accepts per hour when it does not say. */
export const defaultAnswersPerHour = 600;

/** A stored round. */
export interface RoundRow {
  id: number;
  title: string;
  audience: SurveyAudience;
  questionnaire_id: string;
  opens_on: string;
  closes_on: string;
  closed_early_on: string | null;
  access_mode: SurveyAccessMode;
  link_token: string;
  min_group_size: number;
  answers_per_hour: number;
  invitations_issued: number;
  created_at: string;
}

/** The UTC day of `now`, `YYYY-MM-DD`. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A round's status on `now`: dates are UTC days, both ends included. */
export function roundStatus(row: RoundRow, now: Date): SurveyRoundStatus {
  const today = utcDay(now);
  if (row.closed_early_on !== null || today > row.closes_on) return 'closed';
  return today < row.opens_on ? 'scheduled' : 'open';
}

/** A round as the API shows it; the link only for those who distribute it. */
export function toSurveyRound(
  db: Db,
  row: RoundRow,
  now: Date,
  options: { withLink: boolean },
): SurveyRound {
  const { answers } = db
    .prepare('SELECT count(*) AS answers FROM survey_answers WHERE round_id = ?')
    .get(row.id) as { answers: number };
  return {
    id: row.id,
    title: row.title,
    audience: row.audience,
    questionnaireId: row.questionnaire_id,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    closedEarlyOn: row.closed_early_on,
    status: roundStatus(row, now),
    accessMode: row.access_mode,
    minGroupSize: row.min_group_size,
    answersPerHour: row.answers_per_hour,
    linkPath: options.withLink ? `/survey/${row.link_token}` : null,
    answers,
    invitationsIssued: row.invitations_issued,
    createdAt: row.created_at,
  };
}

/** A round by id, or SURVEY_NOT_FOUND. */
export function roundById(db: Db, id: number): RoundRow {
  const row = db.prepare('SELECT * FROM survey_rounds WHERE id = ?').get(id) as
    RoundRow | undefined;
  if (!row) throw surveyError('SURVEY_NOT_FOUND', 'No such survey round.');
  return row;
}

/** A round by its link token, or SURVEY_NOT_FOUND (the same answer for any wrong token). */
export function roundByToken(db: Db, token: string): RoundRow {
  const row = db.prepare('SELECT * FROM survey_rounds WHERE link_token = ?').get(token) as
    RoundRow | undefined;
  if (!row) throw surveyError('SURVEY_NOT_FOUND', 'This survey link is not valid.');
  return row;
}

/** Every round, newest first. */
export function listRounds(db: Db): RoundRow[] {
  return db
    .prepare('SELECT * FROM survey_rounds ORDER BY opens_on DESC, id DESC')
    .all() as RoundRow[];
}

/** Create a round with a random distribution link (128 bits), on the audit trail. */
export function createRound(
  db: Db,
  actorId: number,
  input: SurveyRoundCreate,
  now: Date,
): RoundRow {
  const questionnaire = findQuestionnaire(input.questionnaireId);
  if (!questionnaire) {
    throw surveyError('QUESTIONNAIRE_UNKNOWN', `No questionnaire ${input.questionnaireId}.`);
  }
  if (input.closesOn < input.opensOn) {
    throw surveyError('SURVEY_DATES_INVALID', 'The closing day comes before the opening day.');
  }
  if (input.closesOn < utcDay(now)) {
    throw surveyError('SURVEY_DATES_INVALID', 'The closing day is already past.');
  }
  const token = randomBytes(16).toString('base64url');
  return db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO survey_rounds (title, audience, questionnaire_id, opens_on, closes_on,
           access_mode, link_token, min_group_size, answers_per_hour, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.title,
        questionnaire.audience,
        questionnaire.id,
        input.opensOn,
        input.closesOn,
        input.accessMode ?? 'open',
        token,
        input.minGroupSize ?? defaultMinGroupSize,
        input.answersPerHour ?? defaultAnswersPerHour,
        actorId,
        now.toISOString(),
      );
    const id = Number(lastInsertRowid);
    appendAudit(db, {
      actorId,
      action: 'survey.round_create',
      targetType: 'survey_round',
      targetId: String(id),
      details: {
        questionnaireId: questionnaire.id,
        accessMode: input.accessMode ?? 'open',
        minGroupSize: input.minGroupSize ?? defaultMinGroupSize,
      },
    });
    return roundById(db, id);
  })();
}

/** Close an open or scheduled round today, on the audit trail. */
export function closeRound(db: Db, actorId: number, id: number, now: Date): RoundRow {
  return db.transaction(() => {
    const row = roundById(db, id);
    if (roundStatus(row, now) === 'closed') {
      throw surveyError('SURVEY_CLOSED', 'The round is already closed.');
    }
    db.prepare('UPDATE survey_rounds SET closed_early_on = ? WHERE id = ?').run(utcDay(now), id);
    appendAudit(db, {
      actorId,
      action: 'survey.round_close',
      targetType: 'survey_round',
      targetId: String(id),
    });
    return roundById(db, id);
  })();
}

/** SHA-256 of an invitation code, as stored (codes carry 80 random bits: a fast hash suffices). */
export function invitationHash(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

const codeAlphabet = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'; // no 0/O, 1/I/L, U

/** A random invitation code: 16 characters of a 30-letter alphabet (≈ 78 bits), in groups of 4. */
function newInvitationCode(): string {
  const bytes = randomBytes(32);
  let code = '';
  for (const byte of bytes) {
    // Rejection sampling keeps every letter equally likely.
    if (byte >= 240) continue;
    code += codeAlphabet[byte % 30];
    if (code.length === 16) break;
  }
  if (code.length < 16) return newInvitationCode();
  return code.match(/.{4}/g)?.join('-') ?? code;
}

/**
 * Issue `count` single-use invitation codes for an invitation round that is
 * not closed. The codes are returned once; only their hashes are stored, with
 * no record of who they are for.
 */
export function issueInvitations(
  db: Db,
  actorId: number,
  id: number,
  count: number,
  now: Date,
): { codes: string[]; invitationsIssued: number } {
  return db.transaction(() => {
    const row = roundById(db, id);
    if (row.access_mode !== 'invitation') {
      throw surveyError('SURVEY_NOT_INVITATION', 'This round is answered through an open link.');
    }
    if (roundStatus(row, now) === 'closed') {
      throw surveyError('SURVEY_CLOSED', 'The round is closed.');
    }
    const insert = db.prepare(
      'INSERT OR IGNORE INTO survey_invitations (round_id, code_hash) VALUES (?, ?)',
    );
    const codes: string[] = [];
    while (codes.length < count) {
      const code = newInvitationCode();
      if (insert.run(id, invitationHash(code)).changes === 1) codes.push(code);
    }
    db.prepare(
      'UPDATE survey_rounds SET invitations_issued = invitations_issued + ? WHERE id = ?',
    ).run(count, id);
    appendAudit(db, {
      actorId,
      action: 'survey.invitations_issue',
      targetType: 'survey_round',
      targetId: String(id),
      details: { count },
    });
    return { codes, invitationsIssued: row.invitations_issued + count };
  })();
}
