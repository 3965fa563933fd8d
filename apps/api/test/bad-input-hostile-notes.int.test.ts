// Hostile strings (security-and-reliability Part B) in every string field of the notes routes.
import { describe } from 'vitest';
import { hostileSuite } from './bad-input-payloads.js';

describe('hostile strings in notes', () => {
  hostileSuite(['POST /api/notes', 'PUT /api/notes/:id', 'POST /api/notes/:id/return', 'POST /api/notes/:id/addenda']);
});
