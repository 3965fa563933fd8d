// Hostile strings (security-and-reliability Part B) in every string field of the psychotherapy-note
// routes: writing a note and rewriting it. Each is refused naming the field, or stored verbatim.
import { describe } from 'vitest';
import { hostileSuite } from './bad-input-payloads.js';

describe('hostile strings in psychotherapy notes', () => {
  hostileSuite(['POST /api/psychotherapy-notes', 'PUT /api/psychotherapy-notes/:id']);
});
