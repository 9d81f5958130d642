export * from './ci-model.js';
export * from './ci-validation.js';
export * from './impact.js';
export * from './ci-collections.js';
export * from './ci-csv.js';
export * from './suggested-impact.js';
export * from './service-support.js';
