// Hostile strings (security-and-reliability Part B) in every string field of the outreach and waitlist
// routes: a clean 4xx that names the field and changes nothing, or stored verbatim and returned as JSON.
import { describe, expect, it } from 'vitest';
import { hostileSuite } from './bad-input-payloads.js';

describe('hostile strings in outreach and the waitlist', () => {
  hostileSuite(['POST /api/patients/:id/outreach', 'POST /api/patients/:id/outreach/send', 'POST /api/waitlist', 'PATCH /api/waitlist/:id'], (world, outcomes) => {
    it('kept free-text notes as data and refused every hostile value in a constrained field', async () => {
      const w = world();
      const o = (key: string) => outcomes.get(key)!;
      expect(o('POST /api/patients/:id/outreach').find((x) => x.field === 'note' && x.payload === 'sqli-drop-patients')?.status).toBe(201);
      expect(o('POST /api/waitlist').find((x) => x.field === 'note' && x.payload === 'xss-script')?.status).toBe(201);
      for (const f of ['channel', 'outcome', 'templateKey']) expect(o('POST /api/patients/:id/outreach').filter((x) => x.field === f).every((x) => x.status === 400), f).toBe(true);
      for (const f of ['templateKey']) expect(o('POST /api/patients/:id/outreach/send').filter((x) => x.field === f).every((x) => x.status === 400), f).toBe(true);
      for (const f of ['patientId', 'clinicianId', 'preferredTimes.0.from', 'preferredTimes.0.to']) {
        expect(o('POST /api/waitlist').filter((x) => x.field === f).every((x) => x.status === 400), f).toBe(true);
      }
      const stored = await w.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outreach_attempts WHERE note = '''; DROP TABLE patients; --'`);
      expect(stored.rows[0]!.n).toBe(1);
    });
  });
});
