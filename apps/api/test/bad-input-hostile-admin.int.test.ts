// Hostile strings (security-and-reliability Part B) in every string field of the practice, location, room,
// payer, staff, service-account and API-token routes: a clean 4xx that changes nothing, or stored verbatim.
import { describe } from 'vitest';
import { hostileSuite } from './bad-input-payloads.js';

describe('hostile strings in practice and staff administration', () => {
  hostileSuite([
    'PATCH /api/practice', 'POST /api/locations', 'PATCH /api/locations/:id', 'POST /api/locations/:id/rooms', 'PATCH /api/rooms/:id',
    'POST /api/payers', 'POST /api/staff', 'PATCH /api/staff/:id', 'POST /api/admin/service-accounts', 'POST /api/admin/api-tokens',
  ]);
});
