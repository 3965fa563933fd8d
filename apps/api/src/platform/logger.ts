import pino from 'pino';

// Structured logs never carry PHI: request bodies are not logged, URLs carry only ids,
// and any field that could hold personal data is censored wherever it appears.
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
  '*.phone',
  '*.name',
  '*.firstName',
  '*.lastName',
  '*.dateOfBirth',
  '*.token',
  '*.code',
  '*.body',
  'body',
  'query',
];

export function createLogger(level: string) {
  return pino({
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'hearth-api' },
  });
}
export type Logger = pino.Logger;
