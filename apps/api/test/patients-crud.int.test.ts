import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPayer, aPractice, aStaff, patientBody, signedIn, type StaffFixture } from './builders.js';

// Registering, finding and editing patients through the API: MRNs, accent-insensitive search,
// pagination, caseload filtering, optimistic concurrency and the rules that name their field.
const tag = () => `Zq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describe('patients', () => {
  let t: TestApp;
  let front: Client;
  let therapist: StaffFixture;
  let tc: Client;
  let payer: string;

  beforeAll(async () => {
    t = await testApp();
    await aPractice(t.db);
    payer = await aPayer(t.db);
    front = await signedIn(t, await aStaff(t.db, { roles: ['front_desk'] }));
    therapist = await aStaff(t.db, { roles: ['therapist'] });
    tc = await signedIn(t, therapist);
  });
  afterAll(() => t.close());

  const fieldsOf = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);
  /** Search with the terms of a query string, sent as the POST body (terms never go in URLs). */
  const search = async (c: Client, qs: string) => {
    const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(qs));
    for (const k of ['page', 'pageSize']) if (k in body) body[k] = Number(body[k]);
    const r = await c.post('/api/patients/search', body);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: { id: string; mrn: string }[]; total: number; page: number; pageSize: number };
  };
  const thisYear = () => Number(t.clock.now().toISOString().slice(0, 4));

  describe('create', () => {
    it('answers 201 with an assigned MRN and the full record', async () => {
      const body = patientBody({ legalMiddleName: 'Q', pronouns: 'she/her', address: { line1: '1 Main St', city: 'Eugene', state: 'OR', postalCode: '97401' } });
      const r = await front.post('/api/patients', body);
      expect(r.statusCode).toBe(201);
      const p = r.json();
      expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(p.mrn).toMatch(/^\d{6,}$/);
      expect(Number(p.mrn)).toBeGreaterThanOrEqual(100001);
      expect(p).toMatchObject({ legalFirstName: body.legalFirstName, legalLastName: body.legalLastName, legalMiddleName: 'Q', dateOfBirth: body.dateOfBirth, version: 1, status: 'active', isMinor: false, language: 'en' });
      expect(p.address).toEqual(body.address);
      // Front desk sees everyone: not put on a care team.
      expect(p.careTeam).toEqual([]);
      const again = await front.post('/api/patients', patientBody());
      expect(Number(again.json().mrn)).toBeGreaterThan(Number(p.mrn));
      expect((await front.get(`/api/patients/${p.id}`)).json()).toEqual(p);
    });

    it('a clinician who registers a patient joins the care team and can open the chart', async () => {
      const r = await tc.post('/api/patients', patientBody());
      expect(r.statusCode).toBe(201);
      expect(r.json().careTeam).toEqual([expect.objectContaining({ userId: therapist.id, role: 'therapist' })]);
      expect((await tc.get(`/api/patients/${r.json().id}`)).statusCode).toBe(200);
      // Listing themselves explicitly does not duplicate them.
      const r2 = await tc.post('/api/patients', patientBody({ careTeam: [{ userId: therapist.id, role: 'primary_therapist' }] }));
      expect(r2.json().careTeam).toEqual([expect.objectContaining({ userId: therapist.id, role: 'primary_therapist' })]);
    });

    it('accepts contacts without phone or e-mail and coverage with a known payer', async () => {
      const r = await front.post('/api/patients', patientBody({
        contacts: [{ kind: 'emergency', name: 'Pat Doe', relationship: 'friend' }],
        coverages: [{ payerId: payer, priority: 1, memberId: 'M123', relationship: 'self' }],
      }));
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().contacts).toEqual([{ id: expect.any(String), kind: 'emergency', name: 'Pat Doe', relationship: 'friend' }]);
      expect(r.json().coverages).toEqual([expect.objectContaining({ payerId: payer, priority: 1, memberId: 'M123' })]);
    });

    const minorDob = () => `${thisYear() - 10}-01-15`;
    it.each([
      ['a minor without any contact', () => ({ dateOfBirth: minorDob() }), ['contacts']],
      ['a minor with only an emergency contact', () => ({ dateOfBirth: minorDob(), contacts: [{ kind: 'emergency' as const, name: 'Aunt May', relationship: 'aunt' }] }), ['contacts']],
      ['duplicate coverage priority', () => ({ coverages: [{ payerId: payer, priority: 1, memberId: 'A', relationship: 'self' as const }, { payerId: payer, priority: 1, memberId: 'B', relationship: 'self' as const }] }), ['coverages.1.priority']],
      ['an unknown payer', () => ({ coverages: [{ payerId: '00000000-0000-4000-8000-000000000001', priority: 1, memberId: 'A', relationship: 'self' as const }] }), ['coverages.0.payerId']],
      ['a birth date in the future', () => ({ dateOfBirth: `${thisYear() + 1}-01-01` }), ['dateOfBirth']],
      ['an unknown field', () => ({ ssn: '123-45-6789' }), ['ssn']],
      ['a malformed phone', () => ({ phone: 'call me maybe' }), ['phone']],
      ['a non-self coverage without subscriber', () => ({ coverages: [{ payerId: payer, priority: 1, memberId: 'A', relationship: 'spouse' as const }] }), ['coverages.0.subscriber']],
    ])('rejects %s with 400 naming %j', async (_n, extra, fields) => {
      const before = (await search(front, 'pageSize=1')).total;
      const r = await front.post('/api/patients', { ...patientBody(), ...extra() });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(r)).toEqual(fields);
      // Nothing was created.
      expect((await search(front, 'pageSize=1')).total).toBe(before);
    });

    it('accepts a minor with a guardian', async () => {
      const r = await front.post('/api/patients', patientBody({ dateOfBirth: minorDob(), contacts: [{ kind: 'guardian', name: 'Gwen Parent', relationship: 'mother', phone: '555-010-2000' }] }));
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().isMinor).toBe(true);
      expect(r.json().age).toBe(t.clock.now().toISOString().slice(5, 10) < '01-15' ? 9 : 10);
    });

    it('care team members must be active clinicians', async () => {
      const desk = await aStaff(t.db, { roles: ['front_desk'] });
      const billerS = await aStaff(t.db, { roles: ['biller'] });
      const gone = await aStaff(t.db, { roles: ['therapist'], active: false });
      const ok = await aStaff(t.db, { roles: ['prescriber'] });
      const r = await front.post('/api/patients', patientBody({
        careTeam: [
          { userId: ok.id, role: 'prescriber' },
          { userId: desk.id, role: 'other' },
          { userId: billerS.id, role: 'other' },
          { userId: gone.id, role: 'therapist' },
          { userId: '00000000-0000-4000-8000-000000000002', role: 'therapist' },
        ],
      }));
      expect(r.statusCode).toBe(400);
      expect(fieldsOf(r)).toEqual(['careTeam.1.userId', 'careTeam.2.userId', 'careTeam.3.userId', 'careTeam.4.userId']);
      const dup = await front.post('/api/patients', patientBody({ careTeam: [{ userId: ok.id, role: 'prescriber' }, { userId: ok.id, role: 'other' }] }));
      expect(dup.statusCode).toBe(400);
      expect(fieldsOf(dup)).toEqual(['careTeam.1.userId']);
      const good = await front.post('/api/patients', patientBody({ careTeam: [{ userId: ok.id, role: 'prescriber' }] }));
      expect(good.statusCode).toBe(201);
    });
  });

  describe('search', () => {
    let jose: { id: string; mrn: string };
    let marker: string;
    beforeAll(async () => {
      marker = tag();
      const r = await front.post('/api/patients', patientBody({
        legalFirstName: 'José', legalLastName: `Núñez${marker}`, preferredName: `Pepito${marker}`, dateOfBirth: '1961-07-04', phone: '(541) 555-0199',
      }));
      expect(r.statusCode).toBe(201);
      jose = r.json();
      // A decoy with similar name parts.
      await front.post('/api/patients', patientBody({ legalFirstName: 'Josefina', legalLastName: `Nunn${marker}`, dateOfBirth: '1990-02-02', phone: '541-555-0100' }));
    });

    it.each([
      ['lower-case, unaccented partial tokens', () => `q=${encodeURIComponent(`jose nune`)}+${marker.toLowerCase()}`],
      ['upper case', () => `q=${encodeURIComponent(`NUNEZ${marker.toUpperCase()}`)}`],
      ['the accented spelling', () => `q=${encodeURIComponent(`José Núñez${marker}`)}`],
      ['the preferred name', () => `q=${encodeURIComponent(`pepito${marker}`)}`],
      ['date of birth', () => `dob=1961-07-04&q=${marker}`],
      ['phone with punctuation', () => `phone=${encodeURIComponent('(541) 555-0199')}`],
      ['phone with country code', () => `phone=${encodeURIComponent('+1 541.555.0199')}`],
      ['phone digits only', () => 'phone=5415550199'],
      ['MRN', () => `mrn=${jose.mrn}`],
    ])('finds José Núñez by %s', async (_n, qs) => {
      const r = await search(front, qs());
      expect(r.items.map((p) => p.id)).toEqual([jose.id]);
      expect(r.total).toBe(1);
    });

    it('partial tokens match both, an unmatched token matches neither', async () => {
      expect((await search(front, `q=jos+${marker}`)).total).toBe(2);
      expect((await search(front, `q=jose+${marker}+zzzz`)).total).toBe(0);
      expect((await search(front, `q=nunn+${marker}`)).total).toBe(1);
      // LIKE wildcards in the query are not wildcards (a lone % adds no condition at all).
      expect((await search(front, `q=${encodeURIComponent('%')}+${marker}`)).total).toBe(2);
      expect((await search(front, `q=${encodeURIComponent('n%z')}+${marker}+pepito`)).total).toBe(1);
    });

    it('paginates with a stable order and a total', async () => {
      const m = tag();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await front.post('/api/patients', patientBody({ legalFirstName: `P${i}`, legalLastName: `Page${m}` }));
        ids.push(r.json().id);
      }
      const pages = [];
      for (let page = 1; page <= 3; page++) {
        const r = await search(front, `q=page${m}&pageSize=2&page=${page}`);
        expect(r).toMatchObject({ page, pageSize: 2, total: 5 });
        pages.push(r.items.map((p) => p.id));
      }
      expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
      expect(pages.flat().sort()).toEqual([...ids].sort());
      const beyond = await search(front, `q=page${m}&pageSize=2&page=9`);
      expect(beyond.items).toEqual([]);
      expect(beyond.total).toBe(5);
      const bad = await front.get('/api/patients?pageSize=1000');
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(['pageSize']);
    });

    it("a clinician's search is limited to their caseload", async () => {
      const m = tag();
      const mine = await aPatient(t.db, { careTeam: [therapist.id], data: { legalLastName: `Case${m}` } });
      await aPatient(t.db, { data: { legalLastName: `Case${m}` } });
      await aPatient(t.db, { careTeam: [(await aStaff(t.db, { roles: ['therapist'] })).id], data: { legalLastName: `Case${m}` } });
      const r = await search(tc, `q=case${m}`);
      expect(r.items.map((p) => p.id)).toEqual([mine.id]);
      expect(r.total).toBe(1);
      expect((await search(front, `q=case${m}`)).total).toBe(3);
      // Paging past a filtered result still reports the filtered total.
      expect((await search(tc, `q=case${m}&page=5`)).total).toBe(1);
    });
  });

  describe('update', () => {
    it('applies changes, bumps the version and refuses a stale version with 409', async () => {
      const p = (await front.post('/api/patients', patientBody())).json();
      const m = tag();
      const r = await front.patch(`/api/patients/${p.id}`, { version: 1, preferredName: `Nova${m}`, phone: '555 777 8888' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ version: 2, preferredName: `Nova${m}`, phone: '555 777 8888', legalFirstName: p.legalFirstName });
      // The search index follows the edit.
      expect((await search(front, `q=nova${m}`)).items.map((x) => x.id)).toEqual([p.id]);
      expect((await search(front, 'phone=5557778888')).items.map((x) => x.id)).toContain(p.id);

      const stale = await front.patch(`/api/patients/${p.id}`, { version: 1, preferredName: 'Overwrite' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('conflict');
      expect((await front.get(`/api/patients/${p.id}`)).json()).toMatchObject({ version: 2, preferredName: `Nova${m}` });

      const next = await front.patch(`/api/patients/${p.id}`, { version: 2, preferredName: '' });
      expect(next.json()).toMatchObject({ version: 3, preferredName: null });
    });

    it('applies the same rules as create, naming the field', async () => {
      const p = (await front.post('/api/patients', patientBody())).json();
      const cases: [Record<string, unknown>, string[]][] = [
        [{ dateOfBirth: `${thisYear() - 5}-03-03` }, ['contacts']],
        [{ coverages: [{ payerId: payer, priority: 2, memberId: 'A', relationship: 'self' }, { payerId: payer, priority: 2, memberId: 'B', relationship: 'self' }] }, ['coverages.1.priority']],
        [{ coverages: [{ payerId: '00000000-0000-4000-8000-000000000003', priority: 1, memberId: 'A', relationship: 'self' }] }, ['coverages.0.payerId']],
        [{ careTeam: [{ userId: '00000000-0000-4000-8000-000000000004', role: 'therapist' }] }, ['careTeam.0.userId']],
        [{}, ['version']],
      ];
      for (const [body, fields] of cases) {
        const r = await front.patch(`/api/patients/${p.id}`, { version: 1, ...body, ...(body.dateOfBirth || body.coverages || body.careTeam ? {} : { version: undefined }) });
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
        expect(fieldsOf(r)).toEqual(fields);
      }
      expect((await front.get(`/api/patients/${p.id}`)).json().version).toBe(1);
      // With a guardian, the minor's birth date is accepted.
      const ok = await front.patch(`/api/patients/${p.id}`, { version: 1, dateOfBirth: `${thisYear() - 5}-03-03`, contacts: [{ kind: 'legal_representative', name: 'Rita Rep', relationship: 'guardian ad litem' }] });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().isMinor).toBe(true);
    });

    it('an unknown patient is 404', async () => {
      const r = await front.patch('/api/patients/00000000-0000-4000-8000-000000000005', { version: 1, preferredName: 'X' });
      expect(r.statusCode).toBe(404);
    });
  });
});
