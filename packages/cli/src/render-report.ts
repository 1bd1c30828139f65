/** Renders the analysis document as a self-contained HTML report (placeholder until the report module lands). */
export function renderReport(doc: Record<string, unknown>): string {
  return `<!doctype html><meta charset="utf-8"><title>Probity</title><pre>${JSON.stringify(doc, null, 1).replace(/</g, '&lt;')}</pre>`;
}
