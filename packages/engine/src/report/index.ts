// The HTML report of an analysis.
export { renderAnalysisReport, reportMessages } from './render-analysis-report.js';
export { messagesEn } from './messages-en.js';
export type { MessageKey, Messages } from './messages-en.js';
export { messagesFr } from './messages-fr.js';
export { escapeHtml, scriptJson } from './html-escape.js';
