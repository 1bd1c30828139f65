import type { AnalysisExtension } from '@probity/engine';
import { standardExtensions } from '@probity/engine';

/**
 * The analyses run beside the integrity indicators and added to the result
 * as sections (unit values, mirror analysis, performance, release times).
 */
export function analysisExtensions(): AnalysisExtension[] {
  return standardExtensions();
}
