import type { Db } from '../src/platform/db/db.js';
import type { Config } from '../src/config.js';
import { newId, newSecret, sha256 } from '../src/platform/ids.js';
import { signLinkToken } from '../src/modules/reminders/domain/link-token.js';
import { linkSecret } from '../src/modules/reminders/link-secret.js';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn } from './builders.js';
import { startSmtpSink, type SinkMessage, type SmtpSink } from './smtp-sink.js';
import { runJobsOnce } from '../src/platform/jobs/worker.js';
import { jobHandlers } from '../src/jobs.js';
import { smtpMailer } from '../src/platform/mail/mailer.js';
import { createLogger } from '../src/platform/logger.js';
import { smsProviderFor } from '../src/modules/reminders/index.js';
import type { TCreatePatientRequest } from '@hearth/contracts';

// Helpers for the reminder tests: appointments inserted with SQL (clear of the booking rules, which
// have their own tests) and confirm/cancel links issued the way delivery issues them.

export async function aLocation(db: Db, o: { timeZone?: string; name?: string; address?: Record<string, string> } = {}): Promise<string> {
  const id = newId();
  await db.query('INSERT INTO locations(id, name, address, time_zone) VALUES ($1,$2,$3,$4)', [
    id, o.name ?? 'Main Office', JSON.stringify(o.address ?? { line1: '12 Elm St', city: 'Springfield', state: 'IL', postalCode: '62701' }), o.timeZone ?? 'America/New_York',
  ]);
  return id;
}

export async function typeId(db: Db, code = 'individual-53'): Promise<string> {
  return (await db.query<{ id: string }>('SELECT id FROM appointment_types WHERE code = $1', [code])).rows[0]!.id;
}

export interface ApptInput {
  patientId?: string | null;
  groupId?: string | null;
  clinicianId: string;
  locationId: string;
  startsAt: Date;
  minutes?: number;
  timeZone?: string;
  status?: string;
  telehealth?: boolean;
  typeCode?: string;
}

export async function anAppointment(db: Db, o: ApptInput): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO appointments(id, patient_id, group_id, clinician_id, location_id, appointment_type_id, telehealth, time_zone, starts_at, ends_at, status)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [
      id, o.patientId ?? null, o.groupId ?? null, o.clinicianId, o.locationId, await typeId(db, o.typeCode ?? (o.groupId ? 'group' : 'individual-53')),
      o.telehealth ?? false, o.timeZone ?? 'America/New_York', o.startsAt.toISOString(),
      new Date(o.startsAt.getTime() + (o.minutes ?? 53) * 60_000).toISOString(), o.status ?? 'scheduled',
    ],
  );
  return id;
}

/** A confirm/cancel link for a patient's appointment, as a reminder would carry it; returns the token. */
export async function issueLink(deps: { db: Db; config: Config }, appointmentId: string, patientId: string, expiresAt: Date): Promise<string> {
  const random = newSecret(32);
  const token = signLinkToken(await linkSecret(deps), random, expiresAt);
  await deps.db.query('INSERT INTO appointment_links(id, token_hash, appointment_id, patient_id, expires_at) VALUES ($1,$2,$3,$4,$5)', [
    newId(), sha256(random), appointmentId, patientId, expiresAt.toISOString(),
  ]);
  return token;
}

// ---- a world for the reminder integration tests ------------------------------------------------

export const PUBLIC_URL = 'https://ehr.example.test';
export const MAIL_FROM = 'Riverbend <no-reply@hearth.test>';

export interface ReminderWorld {
  t: TestApp;
  smtp: SmtpSink;
  admin: Client;
  clinicianId: string;
  locationId: string;
  /** POST /api/reminders/run-due as the admin. */
  runDue(): Promise<{ appointments: number; queued: number; skipped: number }>;
  /** Runs the outbox (the real reminder handlers, real SMTP) until it is empty. */
  drain(): Promise<void>;
  /** A patient with a unique e-mail address. */
  patient(data?: Partial<TCreatePatientRequest>): Promise<{ id: string; email: string }>;
  close(): Promise<void>;
}

let seq = 0;
export async function reminderWorld(opts: { now: Date; config?: Record<string, string> }): Promise<ReminderWorld> {
  const [t, smtp] = await Promise.all([testApp({ now: opts.now, config: { PUBLIC_URL, ...opts.config } }), startSmtpSink()]);
  await aPractice(t.db);
  await t.db.query("UPDATE practice SET name = 'Riverbend Behavioral Health', phone = '555-010-2000'");
  const adminStaff = await aStaff(t.db, { roles: ['admin'], mfa: true });
  let admin = await signedIn(t, adminStaff);
  const clinician = await aStaff(t.db, { roles: ['therapist'] });
  const locationId = await aLocation(t.db);
  const handlers = jobHandlers({ mailer: smtpMailer(smtp.url, MAIL_FROM), reminders: { db: t.db, clock: t.clock, config: t.config, sms: smsProviderFor(t.config, t.db) } });
  const log = createLogger('silent');
  return {
    t, smtp, clinicianId: clinician.id, locationId,
    get admin() {
      return admin;
    },
    async runDue() {
      let r = await admin.post('/api/reminders/run-due');
      // Tests move the clock by weeks: the admin's session idles out in between.
      if (r.statusCode === 401) {
        admin = await signedIn(t, adminStaff);
        r = await admin.post('/api/reminders/run-due');
      }
      if (r.statusCode !== 200) throw new Error(`run-due: ${r.statusCode} ${r.body}`);
      return r.json();
    },
    async drain() {
      while ((await runJobsOnce(t.db, handlers, log)) > 0) {
        /* drain */
      }
    },
    async patient(data = {}) {
      const email = `patient.${Date.now().toString(36)}${(seq++).toString(36)}@example.test`;
      const p = await aPatient(t.db, { data: { email, phone: '(555) 234-5678', contactPreferences: { okToEmail: true, okToText: true }, ...data } });
      return { id: p.id, email: data.email === undefined ? email : data.email };
    },
    async close() {
      await t.close();
      await smtp.close();
    },
  };
}

/** The token in a delivered reminder's confirm link (or the SMS's single link). */
export function tokenIn(text: string): string {
  const m = /https:\/\/ehr\.example\.test\/portal\/r\/([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error('no reminder link in the message');
  return m[1]!;
}

export const lastTo = (smtp: SmtpSink, address: string): SinkMessage | undefined => smtp.to(address).at(-1);
