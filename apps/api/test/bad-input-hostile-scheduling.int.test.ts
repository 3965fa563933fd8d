// Hostile strings (security-and-reliability Part B) in every string field of the booking, calendar-edit,
// attendance, appointment-type and scheduling-policy routes: a clean 4xx that changes nothing, or stored verbatim.
import { describe } from 'vitest';
import { hostileSuite } from './bad-input-payloads.js';

describe('hostile strings in scheduling', () => {
  hostileSuite([
    'POST /api/appointment-types', 'PATCH /api/appointment-types/:id', 'PATCH /api/scheduling/settings', 'POST /api/appointments/preview',
    'POST /api/appointments', 'PATCH /api/appointments/:id', 'POST /api/appointments/:id/status', 'POST /api/appointments/:id/skip', 'POST /api/appointments/:id/reschedule', 'POST /api/series/:id/end',
  ]);
});
