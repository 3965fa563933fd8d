import { generate } from 'otplib';
import type { TCreatePatientRequest } from '@hearth/contracts';
import type { Db } from '../src/platform/db/db.js';
import { newId } from '../src/platform/ids.js';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { newTotpSecret } from '../src/platform/auth/totp.js';
import { insertPatient, replaceCareTeam, replaceContacts, replaceCoverages } from '../src/modules/patients/patients.repo.js';
import { Client, type TestApp } from './harness.js';

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export async function aPractice(db: Db, o: { requireMfaForAll?: boolean; idleMinutes?: number; timeZone?: string } = {}) {
  const id = newId();
  await db.query('INSERT INTO practice(id, name, time_zone, require_mfa_for_all, session_idle_minutes) VALUES ($1,$2,$3,$4,$5)', [
    id, 'Test Practice', o.timeZone ?? 'America/New_York', o.requireMfaForAll ?? false, o.idleMinutes ?? null,
  ]);
  return id;
}

export async function aPayer(db: Db, kind = 'commercial') {
  const id = newId();
  await db.query('INSERT INTO payers(id, name, payer_code, kind) VALUES ($1,$2,$3,$4)', [id, `Payer ${uniq()}`, `P${uniq()}`.slice(0, 15), kind]);
  return id;
}

export interface StaffFixture {
  id: string;
  email: string;
  password: string;
  roles: string[];
  totpSecret: string | null;
}

const hashCache = new Map<string, string>();
export async function aStaff(db: Db, o: { roles: string[]; mfa?: boolean; supervisorId?: string; password?: string; active?: boolean }): Promise<StaffFixture> {
  const id = newId();
  const email = `staff.${uniq()}@example.test`;
  const password = o.password ?? 'correct horse battery staple';
  if (!hashCache.has(password)) hashCache.set(password, await hashPassword(password));
  const totpSecret = o.mfa ? newTotpSecret() : null;
  await db.query(
    `INSERT INTO users(id, kind, email, email_lower, password_hash, first_name, last_name, mfa_enabled, mfa_secret, supervisor_id, active)
     VALUES ($1,'staff',$2,$2,$3,'Test',$4,$5,$6,$7,$8)`,
    [id, email, hashCache.get(password), `Person ${uniq()}`, !!o.mfa, totpSecret, o.supervisorId ?? null, o.active ?? true],
  );
  for (const r of o.roles) await db.query('INSERT INTO user_roles(user_id, role_key) VALUES ($1,$2)', [id, r]);
  return { id, email, password, roles: o.roles, totpSecret };
}

export const totpNow = (secret: string) => generate({ secret });

/** Signs a staff member in through the real routes, completing MFA when they have it. */
export async function signedIn(t: TestApp, s: StaffFixture): Promise<Client> {
  const c = new Client(t.app);
  const r = await c.post('/api/auth/sign-in', { email: s.email, password: s.password });
  if (r.statusCode !== 200) throw new Error(`sign-in failed: ${r.statusCode} ${r.body}`);
  if (r.json().status === 'mfa_required') {
    await c.refreshCsrf();
    // Codes are single-use per 30-second step; tests sign the same person in many times a minute.
    await t.db.query('UPDATE users SET mfa_last_step = NULL WHERE id = $1', [s.id]);
    const v = await c.post('/api/auth/mfa/verify', { code: await totpNow(s.totpSecret!) });
    if (v.statusCode !== 200) throw new Error(`mfa failed: ${v.body}`);
  }
  await c.refreshCsrf();
  return c;
}

export function patientBody(o: Partial<TCreatePatientRequest> = {}): TCreatePatientRequest {
  return {
    legalFirstName: 'Ana',
    legalLastName: `Tester${uniq()}`,
    sexAtBirth: 'female',
    dateOfBirth: '1985-04-12',
    phone: '(555) 123-4567',
    email: 'ana@example.com',
    ...o,
  };
}

/** A patient inserted directly, on the given clinicians' care team. */
export async function aPatient(db: Db, o: { careTeam?: string[]; data?: Partial<TCreatePatientRequest> } = {}) {
  const id = newId();
  const body = patientBody(o.data);
  await db.tx(async (q) => {
    await insertPatient(q, body, id, null, new Date());
    await replaceContacts(q, id, body.contacts ?? []);
    await replaceCoverages(q, id, body.coverages ?? []);
    await replaceCareTeam(q, id, (o.careTeam ?? []).map((userId) => ({ userId, role: 'therapist' as const })), '2026-01-01');
  });
  return { id, ...body };
}
