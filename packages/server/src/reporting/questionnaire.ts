import type { ReportQuestion } from '../api/reporting.js';

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

/** At most this many attachments per report. */
export const maxAttachments = 5;
/** At most this many bytes per attachment (10 MB). */
export const maxAttachmentBytes = 10 * 1_048_576;
