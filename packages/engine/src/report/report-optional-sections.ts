// The sections other analyses add to the document, each rendered only when present.
export { renderReleaseTimes } from './report-release-times.js';
export { renderPerformance } from './report-performance.js';
export { renderMirror } from './report-mirror.js';
