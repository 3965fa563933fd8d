// Hostile strings (security-and-reliability Part B) in every string field of a patient edit: a clean 4xx
// that leaves the record and its version as they were, or a verbatim update returned as JSON data.
import { describe } from 'vitest';
import { hostileSuite } from './bad-input-payloads.js';

describe('hostile strings in patient edits', () => {
  hostileSuite(['PATCH /api/patients/:id']);
});
