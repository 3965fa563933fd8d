// Hostile strings (security-and-reliability Part B) in every string field of the reminder-rule routes:
// a clean 4xx that changes nothing, or stored verbatim.
import { describe } from 'vitest';
import { hostileSuite } from './bad-input-payloads.js';

describe('hostile strings in reminder rules', () => {
  hostileSuite(['POST /api/reminder-rules', 'PATCH /api/reminder-rules/:id']);
});
