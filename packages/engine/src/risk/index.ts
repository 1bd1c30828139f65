export { pairCandidatesSql, pairConcentration } from './pair-concentration.js';
export type { PairResult } from './pair-concentration.js';
export { pseudonym, unitLabeller } from './pseudonyms.js';
