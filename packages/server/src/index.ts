// The server's public names. Other packages import only from here.
export {};
export type * from './api/analytics-common.js';
export type * from './api/analytics-overview.js';
export type * from './api/analytics-release-times.js';
export type * from './api/analytics-integrity.js';
export type * from './api/analytics-mirror.js';
export type * from './api/analytics-data.js';
