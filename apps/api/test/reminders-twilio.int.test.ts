import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { loadConfig, ConfigError } from '../src/config.js';
import { twilioSms } from '../src/modules/reminders/sms/twilio-sms.js';
import { SmsSendError } from '../src/modules/reminders/sms/sms-provider.js';
import { anAppointment, reminderWorld, tokenIn, type ReminderWorld } from './reminders-support.js';

// The Twilio adapter against a local HTTP server that speaks Twilio's Messages API: the same path,
// HTTP basic auth with the Account SID and auth token, a form-encoded To/From/Body, a 201 with the
// message's sid, and Twilio's error documents (numeric code) for refusals.

const SID = `AC${randomBytes(16).toString('hex')}`;
const TOKEN = randomBytes(16).toString('hex');
const FROM = '+15005550006';

interface Received {
  path: string;
  auth: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
}

function fakeTwilio() {
  const received: Received[] = [];
  let mode: 'ok' | 'error500' | 'throttle' = 'ok';
  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  const server: Server = createServer((req, res) => {
    void (async () => {
      const text = await body(req);
      const form = Object.fromEntries(new URLSearchParams(text));
      received.push({ path: req.url ?? '', auth: req.headers.authorization, contentType: req.headers['content-type'], form });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const expectedAuth = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;
      if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${SID}/Messages.json`) return send(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      if (req.headers.authorization !== expectedAuth) return send(401, { code: 20003, message: 'Authenticate', status: 401 });
      if (mode === 'error500') return send(500, { code: 20500, message: 'Internal Server Error', status: 500 });
      if (mode === 'throttle') return send(429, { code: 20429, message: 'Too Many Requests', status: 429 });
      if (!/^application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) return send(400, { code: 21609, message: 'bad content type', status: 400 });
      if (!form.Body) return send(400, { code: 21602, message: 'Message body is required.', status: 400 });
      if (!form.From && !form.MessagingServiceSid) return send(400, { code: 21603, message: "A 'From' or 'MessagingServiceSid' parameter is required", status: 400 });
      if (!/^\+[1-9]\d{6,14}$/.test(form.To ?? '') || form.To!.startsWith('+1555000')) {
        return send(400, { code: 21211, message: `The 'To' number ${form.To} is not a valid phone number.`, status: 400 });
      }
      return send(201, { sid: `SM${randomBytes(16).toString('hex')}`, status: 'queued', to: form.To, from: form.From ?? null, body: form.Body, account_sid: SID });
    })();
  });
  return {
    received,
    setMode: (m: typeof mode) => void (mode = m),
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve(`http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`);
    })),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('Twilio SMS adapter', () => {
  const twilio = fakeTwilio();
  let base: string;
  beforeAll(async () => {
    base = await twilio.start();
  });
  afterAll(() => twilio.close());

  it('posts To, From and Body form-encoded with basic auth to the Messages resource, and returns the sid', async () => {
    const sms = twilioSms({ accountSid: SID, authToken: TOKEN, from: FROM, baseUrl: `${base}/` });
    const r = await sms.send('+15552345678', 'Hello & welcome: 3:00 PM');
    expect(r.id).toMatch(/^SM[0-9a-f]{32}$/);
    const got = twilio.received.at(-1)!;
    expect(got.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(got.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(got.form).toEqual({ To: '+15552345678', From: FROM, Body: 'Hello & welcome: 3:00 PM' });
  });

  it('sends through a Messaging Service when TWILIO_FROM is one', async () => {
    const mg = `MG${randomBytes(16).toString('hex')}`;
    await twilioSms({ accountSid: SID, authToken: TOKEN, from: mg, baseUrl: base }).send('+15552345678', 'x');
    expect(twilio.received.at(-1)!.form).toEqual({ To: '+15552345678', MessagingServiceSid: mg, Body: 'x' });
  });

  it('classifies refusals: a bad number is final; credentials, throttling, server errors and the network are retried', async () => {
    const attempt = async (o: Partial<Parameters<typeof twilioSms>[0]>, to = '+15552345678') => {
      try {
        await twilioSms({ accountSid: SID, authToken: TOKEN, from: FROM, baseUrl: base, ...o }).send(to, 'secret body text');
        return null;
      } catch (e) {
        return e as SmsSendError;
      }
    };
    const badNumber = await attempt({}, '+15550001234');
    expect(badNumber).toBeInstanceOf(SmsSendError);
    expect({ code: badNumber!.code, retryable: badNumber!.retryable }).toEqual({ code: 'http_400_21211', retryable: false });
    // The error says nothing of the number or the text (the outbox records it).
    expect(badNumber!.message).not.toMatch(/5550001234|secret/);
    expect(await attempt({ authToken: 'wrong' })).toMatchObject({ code: 'http_401_20003', retryable: true });
    twilio.setMode('error500');
    expect(await attempt({})).toMatchObject({ code: 'http_500_20500', retryable: true });
    twilio.setMode('throttle');
    expect(await attempt({})).toMatchObject({ code: 'http_429_20429', retryable: true });
    twilio.setMode('ok');
    expect(await attempt({ baseUrl: 'http://127.0.0.1:9' })).toMatchObject({ code: 'network', retryable: true });
  });

  it('SMS_PROVIDER=twilio needs the account, token and sender, in the right formats', () => {
    const env = { NODE_ENV: 'test', SMS_PROVIDER: 'twilio' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig({ ...env, TWILIO_ACCOUNT_SID: 'nope', TWILIO_FROM: '555-1234' });
    } catch (e) {
      const text = (e as Error).message;
      expect(text).toContain('TWILIO_ACCOUNT_SID: must be a Twilio Account SID');
      expect(text).toContain('TWILIO_AUTH_TOKEN: is required when SMS_PROVIDER=twilio');
      expect(text).toContain('TWILIO_FROM: must be an E.164 number');
    }
    const ok = loadConfig({ ...env, TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_FROM: FROM });
    expect(ok).toMatchObject({ SMS_PROVIDER: 'twilio', TWILIO_BASE_URL: 'https://api.twilio.com' });
    expect(loadConfig({ NODE_ENV: 'test' }).SMS_PROVIDER).toBe('sandbox');
  });
});

describe('reminders by SMS through Twilio', () => {
  const twilio = fakeTwilio();
  let w: ReminderWorld;
  beforeAll(async () => {
    const base = await twilio.start();
    w = await reminderWorld({
      now: new Date('2027-03-08T18:00:00Z'),
      config: { SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_FROM: FROM, TWILIO_BASE_URL: base },
    });
  });
  afterAll(async () => {
    await w.close();
    await twilio.close();
  });

  it('delivers the reminder through the provider, and a number the provider refuses fails the reminder without retrying', async () => {
    const ok = await w.patient({ contactPreferences: { okToText: true, reminderChannel: 'sms' } });
    const bad = await w.patient({ contactPreferences: { okToText: true, reminderChannel: 'sms' }, phone: '(555) 000-1234' });
    const okAppt = await anAppointment(w.t.db, { patientId: ok.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date('2027-03-09T14:00:00Z') });
    const badAppt = await anAppointment(w.t.db, { patientId: bad.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date('2027-03-09T16:00:00Z') });
    expect((await w.runDue()).queued).toBe(2);
    await w.drain();
    const sent = twilio.received.filter((r) => r.form.To === '+15552345678');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.form.From).toBe(FROM);
    expect(sent[0]!.form.Body).toContain('Riverbend Behavioral Health: Hi Ana, reminder of your appointment Tue, Mar 9 at 9:00 AM EST');
    const token = tokenIn(sent[0]!.form.Body!);
    expect((await w.t.app.inject({ method: 'GET', url: `/api/public/appointment-links/${token}` })).statusCode).toBe(200);
    const status = async (id: string) => (await w.t.db.query<{ status: string; skip_reason: string | null }>(`SELECT status, skip_reason FROM reminders WHERE appointment_id = $1 AND channel = 'sms'`, [id])).rows;
    expect(await status(okAppt)).toEqual([{ status: 'sent', skip_reason: null }]);
    expect(await status(badAppt)).toEqual([{ status: 'failed', skip_reason: 'http_400_21211' }]);
    // No retry is pending for it, and nothing the patient could use was left behind.
    const jobs = (await w.t.db.query<{ status: string }>(`SELECT status FROM jobs WHERE kind = 'reminder.sms'`)).rows.map((j) => j.status);
    expect(jobs).toEqual(['done', 'done']);
    expect((await w.t.db.query('SELECT 1 FROM appointment_links WHERE appointment_id = $1', [badAppt])).rows).toHaveLength(0);
    // Nothing went to the sandbox.
    expect((await w.t.db.query('SELECT 1 FROM sms_sandbox_messages')).rows).toHaveLength(0);
    const audit = (await w.t.db.query<{ detail: { provider: string } }>(`SELECT detail FROM audit_events WHERE action = 'reminder.sent' AND resource_id = $1`, [okAppt])).rows;
    expect(audit.map((a) => a.detail.provider)).toEqual(['twilio']);
  });

  it('a provider outage leaves the reminder pending for the outbox to retry', async () => {
    w.t.clock.set(new Date('2027-03-15T17:00:00Z'));
    const p = await w.patient({ contactPreferences: { okToText: true, reminderChannel: 'sms' } });
    const id = await anAppointment(w.t.db, { patientId: p.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date('2027-03-16T14:00:00Z') });
    twilio.setMode('error500');
    await w.runDue();
    await w.drain();
    const job = (await w.t.db.query<{ status: string; attempts: number; last_error: string }>(`SELECT status, attempts, last_error FROM jobs WHERE kind = 'reminder.sms' ORDER BY created_at DESC LIMIT 1`)).rows[0]!;
    expect(job).toEqual({ status: 'pending', attempts: 1, last_error: 'SmsSendError: http_500_20500' });
    const smsStatus = async () => (await w.t.db.query<{ status: string }>(`SELECT status FROM reminders WHERE appointment_id = $1 AND channel = 'sms'`, [id])).rows[0]!.status;
    expect(await smsStatus()).toBe('pending');
    // The provider recovers; the retry (due later) delivers.
    twilio.setMode('ok');
    await w.t.db.query(`UPDATE jobs SET run_at = now() WHERE kind = 'reminder.sms' AND status = 'pending'`);
    await w.drain();
    expect(await smsStatus()).toBe('sent');
  });
});
