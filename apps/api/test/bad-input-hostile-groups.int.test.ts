// Hostile strings (security-and-reliability Part B) in every string field of the group routes: creating
// and editing groups, ending them, enrolling and discharging members, and recording attendance.
import { describe } from 'vitest';
import { hostileSuite } from './bad-input-payloads.js';

describe('hostile strings in group programs', () => {
  hostileSuite([
    'POST /api/groups', 'PATCH /api/groups/:id', 'POST /api/groups/:id/end', 'POST /api/groups/:id/members',
    'POST /api/group-members/:id/discharge', 'PUT /api/appointments/:id/group-attendance',
  ]);
});
