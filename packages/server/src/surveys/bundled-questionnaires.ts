import type { Questionnaire } from '../api/surveys.js';
import { officialsQuestionnaire } from './questionnaires/officials.js';
import { privateSectorQuestionnaire } from './questionnaires/private-sector.js';

/** The bundled questionnaires, by id. */
export const bundledQuestionnaires: readonly Questionnaire[] = [
  privateSectorQuestionnaire,
  officialsQuestionnaire,
];

/** A bundled questionnaire, or undefined. */
export function findQuestionnaire(id: string): Questionnaire | undefined {
  return bundledQuestionnaires.find((q) => q.id === id);
}
