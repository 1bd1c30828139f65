import { renderAnalysisReport } from '@probity/engine';

/** Renders the analysis document as a self-contained HTML report in English and French. */
export function renderReport(doc: Record<string, unknown>): string {
  return renderAnalysisReport(doc);
}
