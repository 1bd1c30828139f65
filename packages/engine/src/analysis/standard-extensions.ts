import type { UnitKind } from '../indicators/index.js';
import { performanceIndicators, releaseTimes } from '../indicators/index.js';
import type { MirrorAnalysis } from '../risk/index.js';
import { mirrorAnalysis, unitValueBands } from '../risk/index.js';
import type { AnalysisExtension } from './analyze.js';

/**
 * The analyses that run beside the integrity indicators, in order: unit-value
 * bands (first: the undervaluation indicator reads the item values they leave
 * on the connection), Time Release Study, PMM-style performance indicators,
 * mirror analysis.
 */
export function standardExtensions(): AnalysisExtension[] {
  return [
    { name: 'unit_values', run: unitValueBands },
    { name: 'release_times', run: releaseTimes },
    { name: 'performance', run: performanceIndicators },
    {
      name: 'mirror',
      run: mirrorAnalysis,
      publish: (section, label) => {
        const mirror = section as MirrorAnalysis;
        return {
          ...mirror,
          declarants: mirror.declarants.map((d) => ({
            ...d,
            unit_id: label('declarant', d.unit_id),
          })),
        };
      },
    },
  ];
}

/** Labels a unit id for output (a pseudonym, or the id when revealed). */
export type UnitLabel = (kind: UnitKind, id: string) => string;
