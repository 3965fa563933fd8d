// Group programs: the front desk creates a weekly group, enrols three members, opens the session
// that is running now and takes attendance (one no-show, two present); after a reload it is still there.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible, openBrowser, screenshot } from './support/browser.js';
import { demoEmail, screenshotOnFailure, signIn } from './support/hearth.js';

const baseUrl = inject('baseUrl');
const run = Date.now().toString(36).slice(-5).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  await signIn(page, baseUrl, demoEmail('tom'));
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => page);

// ---- helpers -------------------------------------------------------------------------------------

let csrf = '';
/** The API as the signed-in page (same cookies), for setup and for checking what was saved. */
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

function localOf(instant: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const weekdayCode = (date: string) => DAY_CODES[new Date(`${date}T00:00:00Z`).getUTCDay()]!;

// ---- the journey --------------------------------------------------------------------------------

const last = `Oakhurst${run}`;
const members = ['Iris', 'Jonah', 'Keiko'].map((first) => ({ first, name: `${first} ${last}`, id: '' }));
const groupName = `Mindfulness skills ${run}`;
let locationName = '';
let facilitator = { id: '', name: '' };
let start = '';
let groupPath = '';

describe('a group program', () => {
  beforeAll(async () => {
    const locations = await api<{ id: string; name: string; timeZone: string; active: boolean }[]>('GET', '/api/locations');
    const location = locations.find((l) => l.active)!;
    locationName = location.name;
    for (const m of members) {
      m.id = (await api<{ id: string }>('POST', '/api/patients', { legalFirstName: m.first, legalLastName: last, sexAtBirth: 'female', dateOfBirth: '1988-06-01' })).id;
    }
    const types = await api<{ id: string; code: string }[]>('GET', '/api/appointment-types');
    const individual = types.find((t) => t.code === 'individual-45')!.id;
    const staff = await api<{ items: { id: string; firstName: string; lastName: string; roles: string[] }[] }>('GET', '/api/staff?active=true&pageSize=100');
    const clinicians = staff.items.filter((s) => s.roles.some((r) => ['therapist', 'associate', 'prescriber'].includes(r)));

    // A 90-minute session that started a few minutes ago (attendance is taken once a session has
    // started) with a facilitator who is free then and for the next three weeks.
    const now = new Date();
    const today = localOf(now, location.timeZone).slice(0, 10);
    search: for (const minutesAgo of [10, 20, 30, 45, 60, 75]) {
      const local = localOf(new Date(now.getTime() - minutesAgo * 60_000), location.timeZone);
      const candidate = local.slice(0, 10) === today ? `${local.slice(0, 14)}${String(Math.floor(Number(local.slice(14)) / 5) * 5).padStart(2, '0')}` : `${today}T00:00`;
      for (const c of clinicians) {
        const p = await api<{ blockingCount: number }>('POST', '/api/appointments/preview', {
          patientId: members[0]!.id, clinicianId: c.id, locationId: location.id, appointmentTypeId: individual, durationMinutes: 90,
          start: candidate, recurrence: `FREQ=WEEKLY;BYDAY=${weekdayCode(today)};COUNT=4`,
        });
        if (p.blockingCount === 0) {
          facilitator = { id: c.id, name: `${c.firstName} ${c.lastName}` };
          start = candidate;
          break search;
        }
      }
    }
    expect(start, 'a clinician free for a session starting now').not.toBe('');
  });

  test('creates a weekly group from the Groups page', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    await page.getByTestId('groups-table').or(page.getByText('No groups yet')).first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Groups');
    await expectAccessible(page);
    await screenshot(page, 'groups-list');

    await page.getByRole('link', { name: 'New group' }).first().click();
    await page.getByRole('heading', { name: 'New group', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: /^Name/ }).fill(groupName);
    await page.getByRole('textbox', { name: /^Description/ }).fill('Mindfulness and acceptance skills, eight people at most.');
    await page.getByTestId('group-facilitators').fill(facilitator.name.split(' ')[1]!);
    await page.getByRole('option', { name: new RegExp(`^${facilitator.name}`) }).first().click();
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: /^Capacity/ }).fill('8');
    await page.getByRole('combobox', { name: /^Location/ }).click();
    await page.getByRole('option', { name: locationName, exact: true }).click();
    await page.getByTestId('group-start-date').fill(start.slice(0, 10));
    await page.getByTestId('group-start-time').fill(start.slice(11));
    // Weekly on the first session's weekday is the default; four sessions.
    expect(await page.getByRole('combobox', { name: /^Repeats/ }).inputValue()).toBe('Weekly');
    await page.getByRole('radio', { name: 'After' }).check();
    await page.getByRole('textbox', { name: 'Number of sessions' }).fill('4');
    await expectAccessible(page);
    await screenshot(page, 'group-new-form');

    await page.getByTestId('create-group').click();
    await page.getByRole('heading', { name: groupName, level: 1 }).waitFor();
    groupPath = new URL(page.url()).pathname;
    expect(groupPath).toMatch(/^\/groups\/[0-9a-f-]{36}$/);
    expect(await page.getByText('Group created').isVisible()).toBe(true);
    // The sessions are on the facilitator's calendar: four of them, the first running now.
    await expect.poll(() => page.getByTestId('sessions-table').locator('tbody tr').count()).toBe(4);
    expect(await page.getByText(new RegExp(`${facilitator.name}(, [^;]+)? \\(lead\\)`)).count()).toBe(1);
  });

  test('enrols three members with the patient search', async () => {
    for (const m of members) {
      await page.getByTestId('enrol-member').click();
      const dialog = page.getByRole('dialog', { name: 'Enrol a member' });
      await dialog.waitFor();
      // The typed name travels in the body of POST /api/patients/search, never in the address.
      const searched = page.waitForRequest((r) => r.url().endsWith('/api/patients/search') && r.method() === 'POST');
      await dialog.getByRole('combobox', { name: /^Patient/ }).fill(`${m.first.toLowerCase()} ${last.toLowerCase()}`);
      expect((await searched).url()).not.toContain(last.toLowerCase());
      await page.getByRole('option', { name: m.name }).click();
      if (m === members[0]) {
        await expectAccessible(page);
        await screenshot(page, 'group-enrol-member', { fullPage: false });
      }
      await dialog.getByTestId('enrol-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('roster-table').getByRole('link', { name: m.name }).waitFor();
    }
    expect(await page.getByText('3 of 8 places taken today').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'group-detail');
  });

  test('takes attendance at the running session: one no-show, two present; it is still there after a reload', async () => {
    await page.getByTestId('next-session-attendance').click();
    await page.getByRole('heading', { name: 'Attendance', level: 1 }).waitFor();
    const table = page.getByTestId('attendance-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    const row = (m: (typeof members)[number]) => page.getByTestId(`attendance-row-${m.id}`);
    for (const m of members) expect(await row(m).getByRole('radio', { name: 'Expected' }).isChecked()).toBe(true);

    await row(members[0]!).getByText('No-show', { exact: true }).click();
    await row(members[0]!).getByRole('textbox', { name: `Reason for ${members[0]!.name}` }).fill('No call, no show');
    await row(members[1]!).getByText('Present', { exact: true }).click();
    await row(members[2]!).getByText('Present', { exact: true }).click();
    expect(await page.getByTestId('save-attendance').textContent()).toBe('Save attendance (3)');
    await expectAccessible(page);
    await page.getByTestId('save-attendance').click();
    await page.getByText('Attendance saved').waitFor();

    await page.reload();
    await table.waitFor();
    await expect.poll(() => row(members[0]!).getByRole('radio', { name: 'No-show' }).isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await row(members[0]!).getByRole('textbox', { name: `Reason for ${members[0]!.name}` }).inputValue()).toBe('No call, no show');
    expect(await row(members[1]!).getByRole('radio', { name: 'Present' }).isChecked()).toBe(true);
    expect(await row(members[2]!).getByRole('radio', { name: 'Present' }).isChecked()).toBe(true);
    expect(await page.getByTestId('save-attendance').textContent()).toBe('Save attendance');
    await expectAccessible(page);
    await screenshot(page, 'group-attendance');

    // The group's session list sums it up; the session itself was not marked missed.
    await page.getByRole('link', { name: groupName }).click();
    const first = page.getByTestId('sessions-table').locator('tbody tr').first();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain('2 present, 1 absent of 3');
    expect(await first.textContent()).toContain('Scheduled');
    const sheet = await api<{ status: string; entries: { patient: { id: string }; status: string }[] }>(
      'GET',
      `/api/appointments/${new URL(await page.getByRole('link', { name: /^Attendance on/ }).first().evaluate((a) => (a as HTMLAnchorElement).href)).pathname.split('/').pop()}/group-attendance`,
    );
    expect(sheet.status).toBe('scheduled');
    expect(Object.fromEntries(sheet.entries.map((e) => [e.patient.id, e.status]))).toEqual({
      [members[0]!.id]: 'no_show', [members[1]!.id]: 'completed', [members[2]!.id]: 'completed',
    });
  });
});
