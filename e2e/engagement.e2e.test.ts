// Engagement and the waitlist as the front desk uses them on the demo practice: the at-risk worklist
// (reasons in words, record a call, send a message from a template, schedule), the attendance card
// on the chart, the attendance dashboard's charts, and adding, editing and removing waitlist entries.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible, openBrowser, screenshot } from './support/browser.js';
import { demoEmail, screenshotOnFailure, signIn } from './support/hearth.js';

const baseUrl = inject('baseUrl');
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

/** Reads the API as the signed-in page (same cookies), to check what the screens saved. */
async function api<T>(path: string): Promise<T> {
  const r = await page.request.get(`${baseUrl}${path}`);
  if (!r.ok()) throw new Error(`GET ${path} → ${r.status()}`);
  return (await r.json()) as T;
}

const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

interface AtRiskItem {
  patient: { id: string; name: string };
  reasons: { code: string }[];
}

describe('the at-risk worklist', () => {
  let items: AtRiskItem[];

  test('lists the demo patients at risk with their level and reasons in words', async () => {
    await nav('At risk').click();
    const table = page.getByTestId('at-risk-table');
    await table.waitFor();
    items = (await api<{ items: AtRiskItem[] }>('/api/engagement/at-risk?pageSize=25')).items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    const rows = table.getByTestId('at-risk-row');
    await expect.poll(() => rows.count()).toBe(items.length);
    // The level is a word and a number, never a colour alone, and every row says why.
    for (const badge of await table.getByTestId('risk-badge').allTextContents()) expect(badge).toMatch(/^(Moderate|High) risk · \d+$/);
    for (const reasons of await table.getByTestId('risk-reasons').allTextContents()) expect(reasons.length).toBeGreaterThan(10);
    expect(await rows.first().textContent()).toContain(items[0]!.patient.name);
    await expectAccessible(page);
    await screenshot(page, 'engagement-at-risk');
  });

  test('records a phone call, shown as the last contact', async () => {
    const who = items[0]!.patient;
    await page.getByRole('button', { name: `Record contact with ${who.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Record contact with ${who.name}` });
    await dialog.getByRole('combobox', { name: 'Outcome' }).click();
    await page.getByRole('option', { name: 'Left a message', exact: true }).click();
    await dialog.getByLabel('Note').fill('Voicemail: asked to call back about a new time');
    await dialog.getByTestId('record-contact-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('at-risk-row').filter({ hasText: who.name });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Left a message');
    const history = await api<{ outcome: string; note: string | null }[]>(`/api/patients/${who.id}/outreach`);
    expect(history[0]).toMatchObject({ outcome: 'left_message', note: 'Voicemail: asked to call back about a new time' });
  });

  test('sends a message from a template by e-mail and records it', async () => {
    // Someone the practice may e-mail.
    let target: AtRiskItem['patient'] | undefined;
    for (const i of items) {
      const p = await api<{ email: string | null; contactPreferences: { okToEmail?: boolean } }>(`/api/patients/${i.patient.id}`);
      if (p.email && p.contactPreferences.okToEmail !== false) {
        target = i.patient;
        break;
      }
    }
    expect(target, 'a demo patient at risk with an e-mail address').toBeDefined();
    await page.getByRole('button', { name: `Send message to ${target!.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Send a message to ${target!.name}` });
    await dialog.getByTestId('template-schedule-next').click();
    const preview = dialog.getByLabel('Message preview');
    await expect.poll(() => preview.textContent()).toContain('Your next visit at Riverbend Behavioral Health');
    expect(await preview.textContent()).not.toMatch(/\{\{/);
    await expectAccessible(page);
    await dialog.getByTestId('send-message').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Message on its way').waitFor();
    const history = await api<{ channel: string; outcome: string; templateKey: string | null }[]>(`/api/patients/${target!.id}/outreach`);
    expect(history[0]).toMatchObject({ channel: 'email', outcome: 'sent', templateKey: 'schedule-next' });
  });

  test('"Schedule" opens the booking dialog for the patient', async () => {
    const who = items[0]!.patient;
    await page.getByRole('button', { name: `Schedule ${who.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Book appointment' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  test('the chart shows attendance and the score with its reasons', async () => {
    const who = items[0]!.patient;
    await page.getByTestId('at-risk-table').getByRole('link', { name: who.name }).click();
    const card = page.getByTestId('attendance-card');
    await card.getByTestId('risk-badge').waitFor({ timeout: 10_000 });
    expect(await card.textContent()).toMatch(/Attendance rate.*Last 90 days.*Missed in a row.*Last attended.*Next appointment/s);
    expect(await card.getByTestId('risk-reasons').textContent()).not.toBe('');
    await expectAccessible(page);
    await screenshot(page, 'engagement-chart-attendance');
  });
});

describe('the attendance dashboard', () => {
  test('shows totals and rates by clinician, weekday, hour, type and payer, and over time', async () => {
    await nav('Attendance dashboard').click();
    await page.getByTestId('report-totals').waitFor({ timeout: 15_000 });
    for (const g of ['clinician', 'weekday', 'hour', 'appointment_type', 'payer']) {
      await page.getByTestId(`report-${g}`).locator('.recharts-surface').first().waitFor({ timeout: 15_000 });
    }
    expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(6);
    // The numbers behind a chart, as a table.
    await page.getByTestId('report-weekday').getByText('Show the numbers').click();
    await page.getByRole('table', { name: 'Weekday: attendance numbers' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'engagement-dashboard');
  });

  test('remembers the date range', async () => {
    await page.getByTestId('report-from').fill('2020-01-01');
    expect(await page.getByTestId('report-range-problem').textContent()).toBe('Choose a range of at most three years.');
    await nav('Waitlist').click();
    await nav('Attendance dashboard').click();
    expect(await page.getByTestId('report-from').inputValue()).toBe('2020-01-01');
  });
});

describe('the waitlist', () => {
  test('lists the demo entries, most urgent first', async () => {
    await nav('Waitlist').click();
    await page.getByTestId('waitlist-table').waitFor();
    expect(await page.getByTestId('waitlist-row').count()).toBeGreaterThanOrEqual(5);
    expect(await page.getByTestId('waitlist-row').first().textContent()).toContain('1 – Most urgent');
    await expectAccessible(page);
    await screenshot(page, 'waitlist');
  });

  test('adds, edits and removes an entry', async () => {
    await page.getByTestId('waitlist-add').click();
    const dialog = page.getByRole('dialog', { name: 'Add to the waitlist' });
    await dialog.getByTestId('booking-patient').fill('garc');
    await page.getByRole('option', { name: 'José García' }).click();
    await dialog.getByRole('button', { name: 'Add a time window' }).click();
    await dialog.getByRole('combobox', { name: 'Day' }).click();
    await page.getByRole('option', { name: 'Thursday', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: '1 – Most urgent' }).click();
    await dialog.getByLabel('Note').fill('Can come straight after work');
    await expectAccessible(page);
    await dialog.getByTestId('waitlist-save').click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('waitlist-row').filter({ hasText: 'José García' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Thu 09:00–17:00');

    await row.getByRole('button', { name: 'Edit the entry of José García' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit waitlist entry' });
    await edit.getByLabel('Note').fill('Thursdays after 3 pm');
    await edit.getByTestId('waitlist-save').click();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => row.textContent()).toContain('Thursdays after 3 pm');

    await row.getByRole('button', { name: 'Remove José García from the waitlist' }).click();
    await page.getByRole('dialog', { name: 'Remove from the waitlist?' }).getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
  });
});
