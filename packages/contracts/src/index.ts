export * from './common.js';
export * from './auth.js';
export * from './patients.js';
export * from './practice.js';
export * from './staff.js';
