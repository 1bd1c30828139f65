import type { SurveyText } from '../../api/surveys.js';

/** Labels of the answers 1 to 5, then of "don't know" (stored as 0). */
export const likertScale: SurveyText[] = [
  { en: 'Strongly disagree', fr: 'Pas du tout d’accord' },
  { en: 'Disagree', fr: 'Plutôt pas d’accord' },
  { en: 'Neither agree nor disagree', fr: 'Ni d’accord ni pas d’accord' },
  { en: 'Agree', fr: 'Plutôt d’accord' },
  { en: 'Strongly agree', fr: 'Tout à fait d’accord' },
  { en: 'Don’t know', fr: 'Ne sait pas' },
];
