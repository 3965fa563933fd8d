import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../platform/db/db.js';
import type { Clock } from '../platform/clock.js';
import { newId, sha256 } from '../platform/ids.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { appendAudit } from '../platform/audit/audit.js';
import { newRecoveryCodes } from '../platform/auth/totp.js';
import { phoneDigits, searchNameFor, localDate } from '../modules/patients/domain/patient-rules.js';
import { DEMO_PASSWORD, DEMO_PAYERS, DEMO_STAFF, FIRST_NAMES, LAST_NAMES, PREFERRED, PRONOUNS, staffEmail } from './demo-data.js';
import { seedSchedule, type DemoPatient } from './seed-schedule.js';
import { seedNotes } from './seed-notes.js';

export const DEMO_SIGN_INS = DEMO_STAFF.map((s) => ({
  role: s.roles.map((r) => r.replace('_', ' ')).join(' + '),
  email: staffEmail(s),
  mfa: s.roles.includes('admin') || s.roles.includes('prescriber'),
}));

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A fixed TOTP secret per demo account, so the README can tell people how to get codes. */
export function demoTotpSecret(email: string): string {
  const h = createHash('sha256').update(`hearth-demo-totp:${email}`).digest();
  return Array.from(h.subarray(0, 32), (b) => B32[b % 32]).join('');
}

/** Small deterministic PRNG so every fresh demo looks the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seedDemoIfEmpty(db: Db, clock: Clock, opts: { demoMfa: 'enforce' | 'preenrolled' }): Promise<boolean> {
  const existing = await db.query('SELECT 1 FROM practice LIMIT 1');
  if (existing.rows.length) return false;
  const pwHash = await hashPassword(DEMO_PASSWORD);
  await db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(7373003)');
    if ((await q.query('SELECT 1 FROM practice LIMIT 1')).rows.length) return;
    await seed(q, clock.now(), pwHash, opts);
  });
  return true;
}

async function seed(q: Queryable, now: Date, pwHash: string, opts: { demoMfa: 'enforce' | 'preenrolled' }) {
  const tz = 'America/Chicago';
  await q.query(
    `INSERT INTO practice(id, name, npi, tax_id, phone, email, address, time_zone, no_show_fee_cents, late_cancel_fee_cents)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [newId(), 'Riverbend Behavioral Health', '1952301456', '47-1234567', '(555) 010-2000', 'frontdesk@riverbend.example',
      JSON.stringify({ line1: '200 River Street', city: 'Riverbend', state: 'IL', postalCode: '62701' }), tz, 7500, 5000],
  );
  const locations = [
    { name: 'Riverbend Main Clinic', line1: '200 River Street', rooms: ['Room 101', 'Room 102', 'Room 103', 'Group Room A'] },
    { name: 'Eastside Office', line1: '48 Orchard Avenue', rooms: ['Suite 1', 'Suite 2', 'Family Room'] },
  ];
  const locationIds: { id: string; rooms: Map<string, string> }[] = [];
  for (const l of locations) {
    const id = newId();
    const rooms = new Map<string, string>();
    locationIds.push({ id, rooms });
    await q.query('INSERT INTO locations(id, name, address, phone, time_zone, place_of_service) VALUES ($1,$2,$3,$4,$5,$6)', [
      id, l.name, JSON.stringify({ line1: l.line1, city: 'Riverbend', state: 'IL', postalCode: '62701' }), '(555) 010-2000', tz, '11',
    ]);
    for (const r of l.rooms) {
      rooms.set(r, newId());
      await q.query('INSERT INTO rooms(id, location_id, name, capacity) VALUES ($1,$2,$3,$4)', [rooms.get(r), id, r, r.includes('Group') ? 12 : r.includes('Family') ? 6 : 2]);
    }
  }
  const payerIds: string[] = [];
  for (const p of DEMO_PAYERS) {
    const id = newId();
    payerIds.push(id);
    await q.query('INSERT INTO payers(id, name, payer_code, kind) VALUES ($1,$2,$3,$4)', [id, p.name, p.code, p.kind]);
  }
  const staffIds = new Map<string, string>();
  for (const s of DEMO_STAFF) staffIds.set(s.key, newId());
  for (const s of DEMO_STAFF) {
    const email = staffEmail(s);
    const mfa = opts.demoMfa === 'preenrolled' && (s.roles.includes('admin') || s.roles.includes('prescriber'));
    const id = staffIds.get(s.key)!;
    await q.query(
      `INSERT INTO users(id, kind, email, email_lower, password_hash, first_name, last_name, credentials, license_type, license_number,
         license_state, npi, taxonomy_code, mfa_enabled, mfa_secret, password_changed_at)
       VALUES ($1,'staff',$2,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [id, email, pwHash, s.first, s.last, s.credentials || null, s.licenseType ?? null, s.licenseType ? `IL-${100000 + email.length * 7919}` : null,
        s.licenseType ? 'IL' : null, s.npi ?? null, s.taxonomy ?? null, mfa, mfa ? demoTotpSecret(email) : null, now.toISOString()],
    );
    for (const r of s.roles) await q.query('INSERT INTO user_roles(user_id, role_key) VALUES ($1,$2)', [id, r]);
    if (mfa) for (const c of newRecoveryCodes()) await q.query('INSERT INTO mfa_recovery_codes(id, user_id, code_hash) VALUES ($1,$2,$3)', [newId(), id, sha256(c)]);
  }
  for (const s of DEMO_STAFF) {
    if (s.supervisorKey) await q.query('UPDATE users SET supervisor_id = $2 WHERE id = $1', [staffIds.get(s.key), staffIds.get(s.supervisorKey)]);
  }

  const rand = rng(20261127);
  const pick = <T,>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const therapistKeys = ['vasquez', 'park', 'bello', 'rivera'];
  const prescriberKeys = ['osei', 'raman'];
  const therapists = therapistKeys.map((k) => staffIds.get(k)!);
  const prescribers = prescriberKeys.map((k) => staffIds.get(k)!);
  const demoPatients: DemoPatient[] = [];
  const today = localDate(now, tz);
  const year = Number(today.slice(0, 4));
  for (let i = 0; i < 60; i++) {
    const id = newId();
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 7) % LAST_NAMES.length]!;
    // One patient in six is a minor (ages 6-17); adults range 18-84.
    const minor = i % 6 === 2;
    const age = minor ? 6 + Math.floor(rand() * 12) : 18 + Math.floor(rand() * 67);
    const dob = `${year - age - 1}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const preferred = i % 9 === 4 ? pick(PREFERRED) : null;
    // 555-0100 to 555-0199 are the numbers set aside for fiction; area code 217 makes them valid for SMS.
    const phone = `(217) 555-01${String(i).padStart(2, '0')}`;
    const sex = pick(['female', 'male', 'female', 'male', 'intersex'] as const);
    const status = i % 15 === 7 ? 'waitlist' : i % 20 === 11 ? 'discharged' : 'active';
    const lang = i % 10 === 3 ? 'es' : 'en';
    // Drawn in the same order as before the schedule existed, so the patients stay the same.
    const pronouns = pick(PRONOUNS);
    const contactPreferences = { preferredChannel: pick(['phone', 'sms', 'email'] as const), okToLeaveVoicemail: rand() > 0.3, okToText: rand() > 0.2 };
    await q.query(
      `INSERT INTO patients(id, mrn, legal_first_name, legal_last_name, preferred_name, pronouns, sex_at_birth, gender_identity, date_of_birth,
         phone, phone_digits, email, address, contact_preferences, language, interpreter_needed, status, search_name, created_at, updated_at)
       VALUES ($1, nextval('patient_mrn_seq')::text, $2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$18)`,
      [id, first, last, preferred, pronouns, sex, null, dob, phone, phoneDigits(phone),
        `${first.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()}.${i}@example.com`,
        JSON.stringify({ line1: `${100 + i} Maple Street`, city: 'Riverbend', state: 'IL', postalCode: '62701' }),
        JSON.stringify(contactPreferences),
        lang, lang === 'es' && i % 20 === 3, status, searchNameFor({ legalFirstName: first, legalLastName: last, preferredName: preferred }), now.toISOString()],
    );
    if (minor) {
      await q.query('INSERT INTO patient_contacts(id, patient_id, kind, name, relationship, phone, position) VALUES ($1,$2,$3,$4,$5,$6,0)', [
        newId(), id, 'guardian', `${pick(FIRST_NAMES)} ${last}`, pick(['Mother', 'Father', 'Grandmother', 'Legal guardian']), '(555) 010-3000',
      ]);
    }
    await q.query('INSERT INTO patient_contacts(id, patient_id, kind, name, relationship, phone, position) VALUES ($1,$2,$3,$4,$5,$6,1)', [
      newId(), id, 'emergency', `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`, pick(['Spouse', 'Sibling', 'Friend', 'Parent']), '(555) 010-4000',
    ]);
    // Coverage: over-65s on Medicare, a share on Medicaid, the rest commercial; some self-pay.
    const payerIdx = age >= 65 ? 0 : i % 4 === 1 ? 1 : i % 11 === 5 ? -1 : 2 + (i % 3);
    if (payerIdx >= 0) {
      const self = !minor;
      await q.query(
        `INSERT INTO coverages(id, patient_id, payer_id, priority, member_id, group_number, relationship, subscriber, start_date)
         VALUES ($1,$2,$3,1,$4,$5,$6,$7,$8)`,
        [newId(), id, payerIds[payerIdx], `${DEMO_PAYERS[payerIdx]!.code.slice(0, 3)}${String(700000 + i * 131)}`, payerIdx >= 2 ? `GRP${400 + (i % 9)}` : null,
          self ? 'self' : 'child', self ? null : JSON.stringify({ firstName: 'Parent', lastName: last, dateOfBirth: `${year - 40}-04-12` }), `${year - 1}-01-01`],
      );
    }
    await q.query('INSERT INTO care_team(patient_id, user_id, role, since) VALUES ($1,$2,$3,$4)', [id, therapists[i % therapists.length], 'primary_therapist', today]);
    if (i % 3 === 0) await q.query('INSERT INTO care_team(patient_id, user_id, role, since) VALUES ($1,$2,$3,$4)', [id, prescribers[i % 2], 'prescriber', today]);
    demoPatients.push({
      n: i, id, status, minor, medicaid: payerIdx === 1, okToText: contactPreferences.okToText,
      therapist: therapistKeys[i % therapistKeys.length]!, prescriber: i % 3 === 0 ? prescriberKeys[i % 2]! : null,
    });
  }
  const schedule = await seedSchedule(q, { now, timeZone: tz, staff: staffIds, locations: locationIds, patients: demoPatients });
  const notes = await seedNotes(q, { now, timeZone: tz, staff: staffIds, patients: demoPatients });
  await appendAudit(q, { at: now, actorId: null, actorKind: 'system', actorRole: null, action: 'system.seed_demo', outcome: 'success', detail: { patients: 60, ...schedule, notes } });
}
