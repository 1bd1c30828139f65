import type { AnalysisExtension } from '@probity/engine';

/**
 * The analyses run beside the integrity indicators and added to the result
 * as sections (release times, performance indicators, mirror analysis).
 */
export function analysisExtensions(): AnalysisExtension[] {
  return [];
}
