// Hostile strings (security-and-reliability Part B) in every string field of the availability routes
// (working hours, time off and extra hours, open slots): a clean 4xx that changes nothing, or stored verbatim.
import { describe } from 'vitest';
import { hostileSuite } from './bad-input-payloads.js';

describe('hostile strings in clinician availability', () => {
  hostileSuite(['PUT /api/clinicians/:id/hours', 'POST /api/clinicians/:id/exceptions', 'POST /api/scheduling/open-slots']);
});
