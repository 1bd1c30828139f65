// The demo administration generator: public names.
export { generateDemo, demoDatasetInfo } from './generate-demo.js';
export type { GenerateDemoOptions, DemoSummary } from './generate-demo.js';
export type {
  DemoTruth,
  DemoTruthOfficer,
  DemoTruthPair,
  DemoTruthDeclarant,
  DemoTruthOffice,
  DemoScheme,
  DemoTrap,
} from './demo-truth.js';
export { DemoError } from './demo-error.js';
export type { DemoErrorCode } from './demo-error.js';
