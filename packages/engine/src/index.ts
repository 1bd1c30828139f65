// The engine's public names. Other packages import only from here.
export * from './contract/index.js';
export * from './warehouse/index.js';
export * from './load/index.js';
export { EngineError } from './errors.js';
export type { EngineErrorCode } from './errors.js';
export * from './ml/index.js';
export * from './stats/index.js';
export * from './demo/index.js';
export * from './analysis/index.js';
export * from './indicators/index.js';
export * from './risk/index.js';
export * from './report/index.js';
export * from './model/index.js';
