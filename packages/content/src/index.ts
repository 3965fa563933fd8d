// Versioned reference data: code sets and lists that change without a code change.
export * from './languages.js';
export * from './place-of-service.js';
export * from './outreach-templates.js';
export * from './note-templates/index.js';
export * from './interventions.js';
export * from './mental-status.js';
export * from './icd10cm/index.js';
