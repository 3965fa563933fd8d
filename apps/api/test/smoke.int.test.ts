import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn } from './builders.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await aPractice(t.db);
  });
  afterAll(() => t.close());

  it('serves health and the OpenAPI document', async () => {
    expect((await t.app.inject('/healthz')).json().status).toBe('ok');
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toContain('/api/patients/{id}');
    // The browsable documentation needs no sign-in.
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('lets a therapist open a chart on their caseload only', async () => {
    const mine = await aStaff(t.db, { roles: ['therapist'] });
    const other = await aStaff(t.db, { roles: ['therapist'] });
    const p = await aPatient(t.db, { careTeam: [mine.id] });
    const c1 = await signedIn(t, mine);
    const c2 = await signedIn(t, other);
    expect((await c1.get(`/api/patients/${p.id}`)).statusCode).toBe(200);
    expect((await c2.get(`/api/patients/${p.id}`)).statusCode).toBe(404);
  });
});
