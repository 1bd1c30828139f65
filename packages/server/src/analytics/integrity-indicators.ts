import { standardisedIndicators } from '@probity/engine';
import type { IntegrityIndicatorInfo } from '../api/analytics-integrity.js';

/** The integrity indicators with their titles, in catalogue order, pair concentration last. */
export const integrityIndicators: readonly IntegrityIndicatorInfo[] = [
  ...standardisedIndicators.map((i) => ({ id: i.id, title: { ...i.title }, side: i.side })),
  {
    id: 'pair_concentration',
    title: { en: 'Officer–declarant pairs', fr: 'Couples agent–déclarant' },
    side: 'high',
  },
];

/** The title of an indicator (its id in both languages when unknown). */
export function indicatorTitle(id: string): IntegrityIndicatorInfo['title'] {
  return integrityIndicators.find((i) => i.id === id)?.title ?? { en: id, fr: id };
}
