import { messagesEn, messagesFr, standardisedIndicators } from '@probity/engine';
import type { IntegrityIndicatorInfo } from '../api/analytics-integrity.js';

/** The report's one-sentence description of an indicator, in both languages. */
function about(id: string): IntegrityIndicatorInfo['about'] {
  const key = `indicator_${id}_about`;
  const en: Readonly<Record<string, string>> = messagesEn;
  const fr: Readonly<Record<string, string>> = messagesFr;
  return { en: en[key] ?? '', fr: fr[key] ?? '' };
}

/** The integrity indicators with their titles, in catalogue order, pair concentration last. */
export const integrityIndicators: readonly IntegrityIndicatorInfo[] = [
  ...standardisedIndicators.map((i) => ({
    id: i.id,
    title: { ...i.title },
    about: about(i.id),
    side: i.side,
  })),
  {
    id: 'pair_concentration',
    title: { en: 'Officer–declarant pairs', fr: 'Couples agent–déclarant' },
    about: about('pair_concentration'),
    side: 'high',
  },
];

/** The title of an indicator (its id in both languages when unknown). */
export function indicatorTitle(id: string): IntegrityIndicatorInfo['title'] {
  return integrityIndicators.find((i) => i.id === id)?.title ?? { en: id, fr: id };
}
