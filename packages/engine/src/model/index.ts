// The declaration risk model on the warehouse: features in DuckDB, training, scoring, selection.
export * from './declaration-features.js';
export * from './feature-reference.js';
export * from './feature-matrix-pages.js';
export * from './model-evaluation.js';
export * from './warehouse-model.js';
export * from './train-warehouse-model.js';
export * from './score-declarations.js';
export * from './feature-leakage.js';
export * from './recommend-channels.js';
export * from './selection-report.js';
export * from './evaluate-warehouse-model.js';
