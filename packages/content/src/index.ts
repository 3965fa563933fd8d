// Versioned reference data: code sets and lists that change without a code change.
export * from './languages.js';
export * from './place-of-service.js';
export * from './outreach-templates.js';
