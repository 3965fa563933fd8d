// Reminders: an appointment is booked; the admin sends due reminders from the Reminders page; the
// reminder e-mail arrives over SMTP in the demo mailbox; its confirm link opens the patient page (no
// sign-in, on a phone-sized window) where the patient confirms; the front desk sees "confirmed", and
// the link cannot be used again. The text message lands in the SMS sandbox, labelled as not sent.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible, openBrowser, screenshot } from './support/browser.js';
import { demoEmail, expectNoHorizontalOverflow, screenshotOnFailure, signIn, waitFor } from './support/hearth.js';

const baseUrl = inject('baseUrl');
const run = Date.now().toString(36).slice(-5).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
const patientEmail = `reminder.${run}@example.test`;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  await signIn(page, baseUrl, demoEmail('admin'), { mfa: true });
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => page);

let csrf = '';
/** The API as the signed-in admin page (same cookies). */
async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  if (!csrf) csrf = ((await (await page.request.get(`${baseUrl}/api/auth/session`)).json()) as { csrfToken: string }).csrfToken;
  const r = await page.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok()) throw new Error(`${method} ${path} → ${r.status()}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * A fixed-offset zone where it is late morning right now, so the reminders are due and it is not
 * night there (reminders wait for 08:00), whenever the suite runs. Etc/GMT-3 is UTC+3.
 */
function daytimeZone(now: Date): { zone: string; start: string } {
  let offset = (11 - now.getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24;
  const zone = offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  // Three hours from now, on a quarter hour, in that zone: about 14:00 the same local day.
  const startUtc = new Date(Math.ceil((now.getTime() + 3 * 3600_000) / 900_000) * 900_000);
  const local = new Date(startUtc.getTime() + offset * 3600_000).toISOString().slice(0, 16);
  return { zone, start: local };
}

describe('appointment reminders', () => {
  let appointmentId = '';

  test('a booked appointment gets its reminder e-mail, and the patient confirms from the link on a phone', async () => {
    // Setup over the API: a new therapist (no clashes with the demo calendar) and a patient with this run's e-mail.
    const clinician = await api<{ staff: { id: string } }>('POST', '/api/staff', {
      email: `therapist.${run}@example.test`, firstName: 'Rory', lastName: `Reminder${run}`, roles: ['therapist'],
    });
    const patient = await api<{ id: string }>('POST', '/api/patients', {
      legalFirstName: 'Juniper', legalLastName: `Reminder${run}`, sexAtBirth: 'female', dateOfBirth: '1990-05-17',
      email: patientEmail, phone: '(555) 246-8100', contactPreferences: { okToEmail: true, okToText: true, reminderChannel: 'both' },
    });
    const locations = await api<{ id: string; active: boolean; name: string }[]>('GET', '/api/locations');
    const types = await api<{ id: string; code: string }[]>('GET', '/api/appointment-types');
    const { zone, start } = daytimeZone(new Date());
    const booked = await api<{ appointments: { id: string; confirmation: string }[] }>('POST', '/api/appointments', {
      patientId: patient.id, clinicianId: clinician.staff.id, locationId: locations.find((l) => l.active)!.id,
      appointmentTypeId: types.find((t) => t.code === 'individual-45')!.id, start, timeZone: zone,
    });
    appointmentId = booked.appointments[0]!.id;
    expect(booked.appointments[0]!.confirmation).toBe('none');

    // The admin sends due reminders now (they also go by themselves every minute).
    await page.goto(`${baseUrl}/admin/reminders`);
    await page.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor();
    await page.getByTestId('reminder-rules').getByText('2 days before').waitFor();
    await expectAccessible(page);
    await page.getByTestId('run-reminders').click();
    await page.getByText(/reminders? on the way/).first().waitFor();
    await screenshot(page, 'reminders-admin');

    // The e-mail arrives in the demo mailbox (over SMTP); open it.
    await page.goto(`${baseUrl}/mailbox`);
    const row = page.getByRole('row').filter({ hasText: patientEmail });
    await expect
      .poll(async () => {
        if ((await row.count()) > 0) return true;
        await page.getByRole('button', { name: 'Refresh' }).click();
        return false;
      }, { timeout: 20_000, interval: 500 })
      .toBe(true);
    await row.getByRole('link', { name: /Appointment reminder from/ }).click();
    const mail = page.getByTestId('mail-text');
    await mail.waitFor();
    const text = (await mail.textContent()) ?? '';
    expect(text).toContain('Hello Juniper,');
    expect(text).not.toMatch(/Individual therapy|Rory|Reminder/);
    await screenshot(page, 'reminders-email');

    // The patient opens the confirm link on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await mail.getByRole('link', { name: /#confirm$/ }).click();
    await page.waitForURL(/\/portal\/r\/[A-Za-z0-9_-]{72}#confirm$/);
    await page.getByTestId('appointment-link').waitFor();
    expect(await page.getByTestId('link-state').textContent()).toBe('Not confirmed yet');
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page);
    await page.getByTestId('link-confirm').click();
    await page.getByTestId('link-result-confirmed').waitFor();
    expect(await page.getByTestId('link-state').textContent()).toBe('Confirmed');
    await screenshot(page, 'reminders-confirmed-phone');

    // Opening the link again shows it was used, and offers nothing more.
    await page.reload();
    await page.getByTestId('link-used-note').waitFor();
    expect(await page.getByTestId('link-confirm').count()).toBe(0);

    // The front desk's view of the appointment says confirmed.
    await page.setViewportSize({ width: 1366, height: 900 });
    const appt = await waitFor(async () => {
      const a = await api<{ confirmation: string; status: string }>('GET', `/api/appointments/${appointmentId}`);
      return a.confirmation === 'confirmed' ? a : null;
    });
    expect(appt.status).toBe('confirmed');
  });

  test('the text message is in the SMS sandbox, clearly labelled as not sent', async () => {
    await page.goto(`${baseUrl}/admin/sms-sandbox`);
    await page.getByTestId('sms-sandbox-label').waitFor();
    expect(await page.getByTestId('sms-sandbox-label').textContent()).toContain('nothing here was sent');
    const row = page.getByTestId('sms-sandbox-table').getByRole('row').filter({ hasText: '+15552468100' });
    await expect.poll(async () => {
      if ((await row.count()) > 0) return true;
      await page.getByRole('button', { name: 'Refresh' }).click();
      return false;
    }, { timeout: 20_000, interval: 500 }).toBe(true);
    // Sent together with the e-mail, before the patient confirmed: it asks to confirm or cancel.
    expect(await row.first().textContent()).toMatch(/Riverbend Behavioral Health: Hi Juniper, reminder of your appointment .* Confirm or cancel: http/);
    await expectAccessible(page);
    await screenshot(page, 'reminders-sms-sandbox');
  });
});
