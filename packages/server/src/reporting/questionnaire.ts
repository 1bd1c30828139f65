import { createHash } from 'node:crypto';
import type { ReportQuestion } from '../api/reporting.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Db } from '../store/database.js';
import { reportingError, reportingErrorCodes } from './reporting-errors.js';

/** The default questions of the public form, in English and French (ISO 37002 § 8.3). */
export const defaultQuestionnaire: readonly ReportQuestion[] = [
  {
    id: 'what',
    kind: 'textarea',
    required: true,
    label: { en: 'What happened?', fr: 'Que s’est-il passé ?' },
    help: {
      en: 'Describe what you saw or were asked to do, in your own words.',
      fr: 'Décrivez ce que vous avez vu ou ce qu’on vous a demandé, avec vos mots.',
    },
  },
  {
    id: 'office',
    kind: 'office',
    required: false,
    label: { en: 'Where (customs office)?', fr: 'Où (bureau de douane) ?' },
    help: {
      en: 'The office name or code, the border post or the terminal.',
      fr: 'Le nom ou le code du bureau, le poste frontière ou le terminal.',
    },
  },
  {
    id: 'when',
    kind: 'date',
    required: false,
    label: { en: 'When?', fr: 'Quand ?' },
    help: {
      en: 'A date, or roughly when (e.g. “early March”).',
      fr: 'Une date, ou à peu près quand (par ex. « début mars »).',
    },
  },
  {
    id: 'who',
    kind: 'text',
    required: false,
    label: { en: 'Who was involved? (optional)', fr: 'Qui était impliqué ? (facultatif)' },
    help: {
      en: 'Names, roles or descriptions, only if you wish to give them.',
      fr: 'Noms, fonctions ou descriptions, seulement si vous le souhaitez.',
    },
  },
  {
    id: 'amount',
    kind: 'amount',
    required: false,
    label: { en: 'Amounts involved', fr: 'Montants en jeu' },
    help: {
      en: 'Any sum asked for or paid, with its currency.',
      fr: 'Toute somme demandée ou versée, avec sa devise.',
    },
  },
  {
    id: 'details',
    kind: 'textarea',
    required: false,
    label: { en: 'Anything else', fr: 'Autres informations' },
    help: {
      en: 'Declaration numbers, vehicles, how often it happens, other witnesses.',
      fr: 'Numéros de déclaration, véhicules, fréquence, autres témoins.',
    },
  },
];

/** Attachment types the form accepts: documents and images (an allow-list, checked in the browser). */
export const allowedAttachmentTypes: readonly string[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];

/** At most this many attachments with a report. */
export const maxAttachments = 5;
/** At most this many attachments on a report in all (files added while following up too). */
export const maxAttachmentsInAll = 10;
/** At most this many bytes per attachment (10 MB). */
export const maxAttachmentBytes = 10 * 1_048_576;

/** The questions the public form asks: the installation's own, else the default ones. */
export function readQuestionnaire(db: Db): ReportQuestion[] {
  const row = db.prepare('SELECT questionnaire FROM reporting_config WHERE id = 1').get() as {
    questionnaire: string | null;
  };
  return row.questionnaire
    ? (JSON.parse(row.questionnaire) as ReportQuestion[])
    : [...defaultQuestionnaire];
}

/**
 * Replaces the form's questions (admins), or restores the default ones with `null`. Ids are
 * unique lower-case words (they key the answers inside encrypted reports); at least one
 * question is required. On the audit trail with the count and a hash, not the text.
 */
export function setQuestionnaire(
  db: Db,
  actorId: number,
  questions: ReportQuestion[] | null,
): ReportQuestion[] {
  if (questions !== null) {
    const ids = new Set(questions.map((q) => q.id));
    if (
      ids.size !== questions.length ||
      questions.some((q) => !/^[a-z][a-z0-9_]{0,31}$/.test(q.id))
    ) {
      throw reportingError(
        reportingErrorCodes.badQuestionnaire,
        400,
        'Question ids must be unique lower-case words.',
      );
    }
    if (!questions.some((q) => q.required)) {
      throw reportingError(
        reportingErrorCodes.badQuestionnaire,
        400,
        'At least one question must be required.',
      );
    }
  }
  const text = questions === null ? null : JSON.stringify(questions);
  db.transaction(() => {
    db.prepare('UPDATE reporting_config SET questionnaire = ? WHERE id = 1').run(text);
    appendAudit(db, {
      actorId,
      action: 'reporting.questionnaire',
      targetType: null,
      targetId: null,
      details: {
        questions: questions?.length ?? null,
        sha256: text === null ? null : createHash('sha256').update(text).digest('hex'),
      },
    });
  })();
  return readQuestionnaire(db);
}
