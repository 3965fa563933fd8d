import { uuidv7 } from 'uuidv7';
import { randomBytes, createHash } from 'node:crypto';

// Time-ordered UUIDv7 keys keep B-tree inserts local (see STACK.md: random v4 slows bulk loads).
export const newId = (): string => uuidv7();

/** A URL-safe random secret (session ids, reset tokens, API tokens). */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Secrets are stored only as their SHA-256 so a database leak does not leak live credentials. */
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
