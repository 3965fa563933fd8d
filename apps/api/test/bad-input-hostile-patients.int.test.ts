// Hostile strings (security-and-reliability Part B: B1, B5, B20-B27, B33, B35) in every string field of
// patient registration: each is refused with a clean 4xx that changes nothing, or stored verbatim and
// returned as JSON data. SQL in a name never runs.
import { describe, expect, it } from 'vitest';
import { hostileSuite } from './bad-input-payloads.js';

describe('hostile strings in patient registration', () => {
  hostileSuite(['POST /api/patients'], (world, outcomes) => {
    it('stored hostile names as data, one patient per acknowledged request, found by search as plain text', async () => {
      const w = world();
      const o = outcomes.get('POST /api/patients')!;
      expect(o.find((x) => x.field === 'legalLastName' && x.payload === 'sqli-drop-patients')?.status).toBe(201);
      expect(o.find((x) => x.field === 'legalFirstName' && x.payload === 'xss-script')?.status).toBe(201);
      for (const f of ['dateOfBirth', 'email', 'phone', 'sexAtBirth', 'language', 'careTeam.0.userId', 'coverages.0.payerId']) {
        expect(o.filter((x) => x.field === f).every((x) => x.status === 400), f).toBe(true);
      }
      const created = new Set(o.filter((x) => x.status === 201).map((x) => x.request)).size;
      // The world's own front-desk patient, plus one per acknowledged request.
      const n = (await w.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patients WHERE created_by = $1', [w.staff.frontDesk.id])).rows[0]!.n;
      expect(n).toBe(1 + created);

      const r = await w.frontDesk.post('/api/patients/search', { q: 'DROP TABLE patients' });
      expect(r.statusCode).toBe(200);
      expect(r.json().items.map((p: { legalLastName: string }) => p.legalLastName)).toContain("'; DROP TABLE patients; --");
      const x = await w.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM patients WHERE legal_first_name = '<script>alert(1)</script>'`);
      expect(x.rows[0]!.n).toBe(1);
    });
  });
});
