// Recurring care in the calendar: a therapist books a weekly series through the booking dialog
// (seeing a conflicting date and skipping it), finds it on the week view, moves one occurrence from
// the drawer and another by dragging, records two missed sessions (day sheet and drawer), and then
// finds the patient on the at-risk list.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible, openBrowser, screenshot } from './support/browser.js';
import { demoEmail, screenshotOnFailure, signIn } from './support/hearth.js';
import { addDays, localOf, pageApi, plusMinutes, weekdayCode } from './support/scheduling.js';

const baseUrl = inject('baseUrl');
const run = Date.now().toString(36).slice(-5).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  await signIn(page, baseUrl, demoEmail('james'));
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => page);

// ---- helpers -------------------------------------------------------------------------------------

const api = pageApi(() => page, baseUrl);

/** Picks an option of a Mantine Select by the select's label. */
async function choose(label: RegExp, option: string | RegExp) {
  await page.getByRole('dialog').getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

interface Appt {
  id: string;
  start: string;
  status: string;
  occurrenceLocal: string | null;
  seriesId: string | null;
  patient: { id: string } | null;
}

// ---- the journey --------------------------------------------------------------------------------

const last = `Calloway${run}`;
const patientName = `Wren ${last}`;
let patientId = '';
let clinicianId = '';
let locationName = '';
let timeZone = '';
let startDate = '';
let time = '';
let typeId = '';
let occurrences: string[] = [];
let seriesAppts: Appt[] = [];

async function seriesAppointments(): Promise<Appt[]> {
  const all = await api<Appt[]>('GET', `/api/appointments?from=${addDays(startDate, -1)}&to=${addDays(startDate, 50)}&patientId=${patientId}&includeCancelled=true`);
  return all.filter((a) => a.seriesId);
}

describe('scheduling a weekly series', () => {
  beforeAll(async () => {
    const session = await api<{ user: { id: string } }>('GET', '/api/auth/session');
    clinicianId = session.user.id;
    const locations = await api<{ id: string; name: string; timeZone: string; active: boolean }[]>('GET', '/api/locations');
    const location = locations.find((l) => l.active)!;
    locationName = location.name;
    timeZone = location.timeZone;
    const types = await api<{ id: string; code: string }[]>('GET', '/api/appointment-types');
    typeId = types.find((t) => t.code === 'individual-45')!.id;

    // A new patient on James's caseload (a therapist creating a patient joins the care team).
    const created = await api<{ id: string }>('POST', '/api/patients', {
      legalFirstName: 'Wren',
      legalLastName: last,
      sexAtBirth: 'female',
      dateOfBirth: '1990-04-02',
    });
    patientId = created.id;

    // A weekly slot that is free for James for six weeks, starting two weeks ago, and free an hour
    // later in the third week (an empty slot to click) and the fifth (where one occurrence moves to).
    const today = localOf(new Date(), timeZone).slice(0, 10);
    startDate = addDays(today, -14);
    const base = { patientId, clinicianId, locationId: location.id, appointmentTypeId: typeId, durationMinutes: 45 };
    for (const t of ['07:00', '07:30', '12:00', '12:30', '17:00', '18:00', '19:00', '20:00', '06:00']) {
      const p = await api<{ blockingCount: number; occurrences: { start: string }[] }>('POST', '/api/appointments/preview', {
        ...base,
        start: `${startDate}T${t}`,
        recurrence: `FREQ=WEEKLY;BYDAY=${weekdayCode(startDate)};COUNT=6`,
      });
      const later = plusMinutes(t, 60);
      const moved = await api<{ blockingCount: number }>('POST', '/api/appointments/preview', {
        ...base,
        start: `${addDays(startDate, 28)}T${later}`,
      });
      const clicked = await api<{ blockingCount: number }>('POST', '/api/appointments/preview', {
        ...base,
        start: `${addDays(startDate, 14)}T${later}`,
      });
      if (p.blockingCount === 0 && moved.blockingCount === 0 && clicked.blockingCount === 0) {
        time = t;
        occurrences = p.occurrences.map((o) => o.start);
        break;
      }
    }
    expect(time, 'a free weekly slot for James').not.toBe('');
    // The fourth week is taken by another booking of this patient: the dialog must show it.
    await api('POST', '/api/appointments', { ...base, start: occurrences[3] });
  });

  test('books the series in the dialog, seeing and skipping the conflicting date', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
    await page.getByTestId('calendar-pane').first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Schedule');

    await page.getByTestId('book-appointment').click();
    const dialog = page.getByRole('dialog', { name: 'Book appointment' });
    await dialog.waitFor();
    // The patient search sends the typed text in a POST body.
    const searchRequest = page.waitForRequest((r) => r.url().endsWith('/api/patients/search') && r.method() === 'POST');
    await dialog.getByRole('combobox', { name: /^Patient/ }).fill(last.toLowerCase());
    expect((await searchRequest).url()).not.toContain(last.toLowerCase());
    await page.getByRole('option', { name: patientName }).click();
    await choose(/^Appointment type/, /Individual therapy, 45 min/);
    await choose(/^Location/, locationName);
    await dialog.getByTestId('booking-date').fill(startDate);
    await dialog.getByTestId('booking-time').fill(time);
    expect(await dialog.getByRole('combobox', { name: /^Clinician/ }).inputValue()).toMatch(/James Park/);

    await choose(/^Repeats/, 'Weekly');
    await dialog.getByRole('radio', { name: 'After' }).check();
    await dialog.getByRole('textbox', { name: 'Number of sessions' }).fill('6');

    const rows = dialog.getByTestId('booking-occurrence');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(6);
    await expect.poll(() => dialog.locator('[data-testid="booking-occurrence"][data-conflict="true"]').count()).toBe(1);
    expect(await dialog.getByTestId('booking-summary').textContent()).toMatch(/week/i);
    const conflictRow = dialog.locator('[data-testid="booking-occurrence"][data-conflict="true"]');
    expect(await conflictRow.textContent()).toMatch(/already has an appointment at this time/);
    expect(await dialog.getByTestId('booking-save').isDisabled()).toBe(true);
    await conflictRow.scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await screenshot(page, 'scheduling-booking-conflicts', { fullPage: false });

    await conflictRow.getByRole('button', { name: /^Skip/ }).click();
    await expect.poll(() => rows.count()).toBe(5);
    await expect.poll(() => dialog.locator('[data-conflict="true"]').count()).toBe(0);
    await dialog.getByTestId('booking-skipped').waitFor();
    await expect.poll(() => dialog.getByTestId('booking-save').isDisabled()).toBe(false);
    await dialog.getByTestId('booking-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('5 appointments booked').waitFor();

    seriesAppts = await seriesAppointments();
    expect(seriesAppts.map((a) => a.start).sort()).toEqual(occurrences.filter((_, i) => i !== 3));
  });

  test('shows the occurrences on the week view in the location’s time', async () => {
    // The booking jumped to the first session's week (two weeks back): go to this week.
    await page.getByLabel('Go to date').fill(occurrences[2]!.slice(0, 10));
    const events = page.locator(`[data-testid="calendar-event"]`, { hasText: patientName });
    await expect.poll(() => events.count(), { timeout: 10_000 }).toBe(1);
    const text = (await events.first().textContent()) ?? '';
    const hour = Number(time.slice(0, 2));
    expect(text).toContain(`${hour % 12 || 12}:${time.slice(3)}${hour < 12 ? 'am' : 'pm'}`);
    // The grid scrolls to 8 am; bring the session into view for the picture.
    await events.first().scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await screenshot(page, 'scheduling-week');

    // Clicking the empty slot an hour later opens the booking dialog filled in with that time.
    const box = (await events.first().boundingBox())!;
    const halfHour = box.height / 1.5;
    await page.mouse.click(box.x + box.width / 2, box.y + 2 * halfHour + 4);
    const dialog = page.getByRole('dialog', { name: 'Book appointment' });
    await dialog.waitFor();
    const later = plusMinutes(time, 60);
    expect(await dialog.getByTestId('booking-date').inputValue()).toBe(occurrences[2]!.slice(0, 10));
    expect(await dialog.getByTestId('booking-time').inputValue()).toBe(later);
    expect(await dialog.getByRole('combobox', { name: /^Clinician/ }).inputValue()).toMatch(/James Park/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('moves one occurrence from the drawer, and another by dragging it', async () => {
    // Drawer: week five, "Edit this occurrence", one hour later.
    const fifth = occurrences[4]!;
    await page.getByLabel('Go to date').fill(fifth.slice(0, 10));
    const event = page.locator(`[data-testid="calendar-event"]`, { hasText: patientName });
    await expect.poll(() => event.count(), { timeout: 10_000 }).toBe(1);
    // By keyboard: the appointment is focusable and Enter opens it (the alternative to dragging).
    await page.locator('[tabindex="0"]', { has: event }).last().focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Appointment' });
    await drawer.getByTestId('drawer-patient').waitFor();
    expect(await drawer.getByTestId('drawer-patient').textContent()).toContain(patientName);
    await expectAccessible(page);
    await drawer.getByTestId('drawer-edit').click();
    const edit = page.getByRole('dialog', { name: 'Change appointment' });
    expect(await edit.getByRole('radio', { name: 'This occurrence' }).isChecked()).toBe(true);
    // First onto the fourth week's date, which the patient's other booking holds: refused, listed.
    await edit.getByTestId('edit-date').fill(occurrences[3]!.slice(0, 10));
    await edit.getByTestId('edit-save').click();
    await edit.getByTestId('edit-conflicts').waitFor();
    expect(await edit.getByTestId('edit-conflicts').textContent()).toMatch(/already has an appointment at this time/);
    // Then an hour later on its own day.
    const later = plusMinutes(time, 60);
    await edit.getByTestId('edit-date').fill(fifth.slice(0, 10));
    await edit.getByTestId('edit-time').fill(later);
    await edit.getByTestId('edit-save').click();
    await edit.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await seriesAppointments()).find((a) => a.occurrenceLocal?.startsWith(fifth))?.start, { timeout: 10_000 })
      .toBe(`${fifth.slice(0, 10)}T${later}`);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Drag: week six in the day view, thirty minutes down (the slot grid is 30 minutes).
    const sixth = occurrences[5]!;
    await page.getByTestId('calendar-view').getByText('Day', { exact: true }).click();
    await page.getByLabel('Go to date').fill(sixth.slice(0, 10));
    await expect.poll(() => event.count(), { timeout: 10_000 }).toBe(1);
    const scope = page.getByRole('dialog', { name: 'Move a recurring appointment' });
    // On a loaded machine the calendar may still be laying out when the drag starts; measure the event
    // again and retry the drag (at most three times) until the scope question appears.
    for (let attempt = 0; attempt < 3; attempt++) {
      await event.scrollIntoViewIfNeeded();
      const box = (await event.boundingBox())!;
      // A 45-minute session is one and a half 30-minute slots tall.
      const halfHour = box.height / 1.5;
      expect(halfHour).toBeGreaterThan(10);
      await page.mouse.move(box.x + box.width / 2, box.y + 8);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y + 8 + halfHour / 2, { steps: 5 });
      await page.mouse.move(box.x + box.width / 2, box.y + 8 + halfHour, { steps: 10 });
      await page.mouse.up();
      // Wait long enough that a slow dialog is never mistaken for a missed drag (a second drag would move it twice).
      if (await scope.waitFor({ timeout: 15_000 }).then(() => true, () => false)) break;
    }
    await scope.waitFor();
    expect(await scope.getByRole('radio', { name: 'This occurrence only' }).isChecked()).toBe(true);
    await scope.getByTestId('drop-scope-confirm').click();
    await page.getByText('Appointment moved').first().waitFor();
    // The drop lands on the 30-minute grid where the pointer was released: one slot down, or two when
    // the slot height measured from the event's box rounds up. Either way it is later that same day.
    const allowed = [plusMinutes(time, 30), plusMinutes(time, 60)].map((t) => `${sixth.slice(0, 10)}T${t}`);
    await expect
      .poll(async () => allowed.includes((await seriesAppointments()).find((a) => a.occurrenceLocal?.startsWith(sixth))?.start ?? ''), { timeout: 10_000 })
      .toBe(true);
    await page.getByTestId('calendar-view').getByText('Week', { exact: true }).click();
  });

  test('the chart lists the upcoming sessions and books for the patient from there', async () => {
    await page.goto(`${baseUrl}/patients/${patientId}`);
    const card = page.getByTestId('chart-appointments');
    await card.waitFor();
    const upcoming = card.getByRole('table', { name: 'Upcoming appointments' });
    await upcoming.waitFor();
    // Two sessions are in the past; today's may be either, depending on the hour.
    expect(await upcoming.getByRole('row').count()).toBeGreaterThanOrEqual(2);
    expect(await card.getByRole('table', { name: 'Recent appointments' }).getByRole('row').count()).toBeGreaterThanOrEqual(2);
    await card.getByTestId('chart-book').click();
    const dialog = page.getByRole('dialog', { name: 'Book appointment' });
    const patient = dialog.getByRole('combobox', { name: /^Patient/ });
    await patient.waitFor();
    expect(await patient.inputValue()).toBe(patientName);
    expect(await patient.isDisabled()).toBe(true);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('records a no-show on the day sheet and another in the drawer', async () => {
    // Last week's session: the front-desk day sheet, one click "No-show".
    const lastWeek = occurrences[1]!;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Day sheet' }).click();
    await page.getByTestId('day-sheet-date').fill(lastWeek.slice(0, 10));
    await page.getByTestId('day-sheet-location').click();
    await page.getByRole('option', { name: locationName }).click();
    const row = page.getByTestId('day-sheet-row').filter({ hasText: patientName });
    await row.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'scheduling-day-sheet');
    await row.getByRole('button', { name: `Mark ${patientName} as no-show` }).click();
    await page.getByRole('dialog', { name: 'Mark as no-show' }).getByTestId('reason-confirm').click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('no_show');
    expect(await row.textContent()).toContain('No-show');

    // Two weeks ago: the calendar's drawer; the event then reads "No-show" and is struck through.
    const first = occurrences[0]!;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
    await page.getByLabel('Go to date').fill(first.slice(0, 10));
    const event = page.locator(`[data-testid="calendar-event"]`, { hasText: patientName });
    await expect.poll(() => event.count(), { timeout: 10_000 }).toBe(1);
    await event.click();
    const drawer = page.getByRole('dialog', { name: 'Appointment' });
    await drawer.getByTestId('status-no_show').click();
    const ask = page.getByRole('dialog', { name: 'Mark as no-show' });
    await ask.getByTestId('reason-input').fill('Did not answer the phone');
    await ask.getByTestId('reason-confirm').click();
    await ask.waitFor({ state: 'hidden' });
    await expect.poll(() => event.getAttribute('data-status'), { timeout: 10_000 }).toBe('no_show');
    expect(await event.textContent()).toContain('No-show');
    const struck = await event.locator('.hearth-event-title').evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(struck).toContain('line-through');
    await drawer.getByTestId('appointment-history').getByText('Status changed: Scheduled → No-show').waitFor();
    await drawer.getByText('Did not answer the phone').first().waitFor();
    await page.keyboard.press('Escape');
  });

  test('the patient is on the at-risk list', async () => {
    const atRisk = await api<{ items: { patient: { id: string }; level: string; reasons: { code: string }[] }[] }>(
      'GET',
      '/api/engagement/at-risk?pageSize=100',
    );
    const mine = atRisk.items.find((i) => i.patient.id === patientId);
    expect(mine?.reasons.map((r) => r.code)).toContain('consecutive_misses');

    // The at-risk worklist (its own journey checks its accessibility and outreach).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'At risk' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const row = page.getByTestId('at-risk-row').filter({ hasText: patientName });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toMatch(/Missed the last 2 sessions in a row/);
    await screenshot(page, 'scheduling-at-risk', { fullPage: false });
  });
});

describe('scheduling administration', () => {
  beforeAll(async () => {
    await signIn(page, baseUrl, demoEmail('admin'), { mfa: true });
    api.forget();
  });
  const nav = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();

  test('adds an appointment type with its colour and length, then retires it', async () => {
    await nav('Appointment types');
    const table = page.getByTestId('types-table');
    await table.waitFor();
    await expectAccessible(page);
    const name = `Couples therapy ${run}`;
    await page.getByTestId('add-type').click();
    const modal = page.getByRole('dialog', { name: 'Add appointment type' });
    await modal.getByTestId('type-name').fill(name);
    await modal.getByTestId('type-duration').fill('75');
    await modal.getByTestId('type-color').fill('#5c7cfa');
    await modal.getByTestId('type-save').click();
    await modal.waitFor({ state: 'hidden' });
    const row = table.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('75 min');
    expect(await row.textContent()).toContain('#5c7cfa');
    expect(await row.textContent()).toContain('Active');

    await row.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${name}` });
    await edit.getByRole('switch', { name: /Active/ }).uncheck();
    await edit.getByTestId('type-save').click();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => row.textContent()).toContain('Inactive');
    await screenshot(page, 'scheduling-appointment-types');
  });

  test('sets a per-payer fee in dollars, which is stored and shown again, then clears it', async () => {
    await nav('Scheduling settings');
    const fee = page.getByRole('textbox', { name: 'Medicare Part B: no-show fee in dollars' });
    await fee.waitFor();
    await expectAccessible(page);
    await fee.fill('40');
    await page.getByTestId('settings-save').click();
    await page.getByText('Scheduling settings saved').first().waitFor();
    const saved = await api<{ payerFees: { noShowFeeCents: number | null }[] }>('GET', '/api/scheduling/settings');
    expect(saved.payerFees.map((f) => f.noShowFeeCents)).toContain(4000);

    await page.reload();
    await fee.waitFor();
    expect(await fee.inputValue()).toBe('$40');
    await fee.fill('');
    await page.getByTestId('settings-save').click();
    await expect
      .poll(async () => (await api<{ payerFees: unknown[] }>('GET', '/api/scheduling/settings')).payerFees.length)
      .toBe(saved.payerFees.length - 1);
  });
});
