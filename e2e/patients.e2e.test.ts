// Finding and registering patients: the front desk's search, Ctrl+K, new adult and minor patients,
// and a therapist who only sees their own caseload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible, openBrowser, screenshot } from './support/browser.js';
import { demoEmail, signIn, screenshotOnFailure, signOutViaMenu } from './support/hearth.js';

const baseUrl = inject('baseUrl');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
/** Chart URL of José García (on Elena's caseload), found by the front desk. */
let joseChartPath = '';
const run = Date.now().toString(36).slice(-5);

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => page);

/** Picks an option of a Mantine Select by the select's label. */
async function choose(page: Page, label: RegExp, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

function yearsAgo(years: number): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setMonth(0, 15);
  return d.toISOString().slice(0, 10);
}

describe('front desk', () => {
  beforeAll(async () => {
    await signIn(page, baseUrl, demoEmail('tom'));
  });

  test('finds a patient by part of the name without accents and opens the chart', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByTestId('patients-table').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Patients');
    await expectAccessible(page);
    await screenshot(page, 'patients-list');

    await page.getByTestId('patient-search').fill('garc');
    const jose = page.getByTestId('patients-table').getByRole('link', { name: 'José García' });
    // Every row shown matches the search (once the debounced search has answered).
    const rowNames = page.getByTestId('patients-table').locator('tbody tr td:first-child a');
    await expect
      .poll(async () => (await rowNames.allTextContents()).every((n) => n.includes('García')), {
        timeout: 10_000,
      })
      .toBe(true);
    await jose.waitFor();
    await screenshot(page, 'patients-search-garc');

    await jose.click();
    const header = page.getByTestId('chart-header');
    await header.waitFor();
    joseChartPath = new URL(page.url()).pathname;
    expect(joseChartPath).toMatch(/^\/patients\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('chart-patient-name').textContent()).toBe('José García');
    expect(await page.getByTestId('chart-mrn').textContent()).toMatch(/^MRN\s*\S+/);
    expect(await page.getByTestId('chart-dob').textContent()).toMatch(/^DOB\s*\S+/);
    expect(await page.getByTestId('chart-age').textContent()).toMatch(/^Age\s*\d+/);
    expect(await page.getByTestId('chart-pronouns').textContent()).toMatch(/^Pronouns\s*\S+\/\S+/);
    expect(await page.getByTestId('chart-payer').textContent()).toMatch(/^Primary payer\s*\S+/);
    expect(await page.getByTestId('chart-care-team').textContent()).toContain('Elena Vasquez');
    expect(await page.title()).toMatch(/Chart/);
    await expectAccessible(page);
    await screenshot(page, 'chart-jose-garcia');
  });

  test('Ctrl+K opens patient search; typing and Enter opens the chart', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.getByTestId('home-patient-search').waitFor();
    await page.keyboard.press('Control+k');
    const spotlight = page.getByTestId('patient-spotlight');
    await spotlight.waitFor();
    const input = page.getByRole('combobox', { name: 'Search patients by name' });
    // The search box has the focus straight away.
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.pressSequentially('mull');
    const options = spotlight.getByRole('option');
    await options.first().waitFor();
    const first = (await options.first().textContent()) ?? '';
    expect(first).toMatch(/Müller/);
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'spotlight-mull');

    await input.press('Enter');
    await page.getByTestId('chart-header').waitFor();
    await spotlight.waitFor({ state: 'hidden' });
    const name = (await page.getByTestId('chart-patient-name').textContent()) ?? '';
    expect(name).toMatch(/Müller$/);
    expect(first.startsWith(name) || first.includes(name.split(' ')[0]!)).toBe(true);

    // The header button opens the same search.
    await page.getByTestId('open-patient-search').click();
    await spotlight.waitFor();
    await page.keyboard.press('Escape');
    await spotlight.waitFor({ state: 'hidden' });
  });

  test('registers a new adult patient and lands on the chart with an MRN', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name: 'New patient' }).click();
    await page.getByRole('heading', { name: 'New patient', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: /Legal first name/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'patient-form-new');

    const last = `Lovelace${run}`;
    await page.getByRole('textbox', { name: /Legal first name/ }).fill('Ada');
    await page.getByRole('textbox', { name: /Legal last name/ }).fill(last);
    await page.getByLabel(/Date of birth/).fill('1985-03-14');
    await choose(page, /Sex assigned at birth/, 'Female');
    await page
      .getByRole('textbox', { name: /^Phone/ })
      .first()
      .fill('(555) 201-7788');
    // An adult needs no guardian.
    expect(await page.getByTestId('guardian-prompt').count()).toBe(0);
    await page.getByTestId('save-patient').click();

    await page.getByTestId('chart-header').waitFor();
    expect(page.url()).toMatch(/\/patients\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('chart-patient-name').textContent()).toBe(`Ada ${last}`);
    expect(await page.getByTestId('chart-mrn').textContent()).toMatch(/^MRN\s*\S+/);
    expect(await page.getByTestId('chart-age').textContent()).toMatch(/^Age\s*\d+$/);
    expect(await page.getByText('(555) 201-7788').count()).toBeGreaterThan(0);
    expect(await page.getByText('Patient created').isVisible()).toBe(true);
    await screenshot(page, 'chart-new-adult');

    // The new patient is findable straight away.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByTestId('patient-search').fill(last.toLowerCase());
    await page
      .getByTestId('patients-table')
      .getByRole('link', { name: `Ada ${last}` })
      .waitFor();
  });

  test('a minor cannot be saved without a guardian; adding one saves', async () => {
    await page.getByRole('link', { name: 'New patient' }).click();
    await page.getByRole('textbox', { name: /Legal first name/ }).waitFor();
    const last = `Minor${run}`;
    await page.getByRole('textbox', { name: /Legal first name/ }).fill('Theo');
    await page.getByRole('textbox', { name: /Legal last name/ }).fill(last);
    await page.getByLabel(/Date of birth/).fill(yearsAgo(10));
    await choose(page, /Sex assigned at birth/, 'Male');

    const prompt = page.getByTestId('guardian-prompt');
    await prompt.waitFor();
    expect(await prompt.textContent()).toMatch(/under 18/);

    await page.getByTestId('save-patient').click();
    const err = page.getByTestId('form-error');
    await err.waitFor();
    // The person is told what is missing, next to the place to fix it, not just that something is.
    expect(await err.textContent()).toMatch(/Please correct/);
    expect(await prompt.getAttribute('role')).toBe('alert');
    expect(await prompt.textContent()).toMatch(/under 18 needs a parent, guardian or legal representative/);
    await expect.poll(() => prompt.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/patients/new');
    await expectAccessible(page);
    await screenshot(page, 'patient-form-minor-no-guardian', { fullPage: false });

    await prompt.getByRole('button', { name: 'Add guardian' }).click();
    const contact = page.getByRole('group', { name: 'Contact 1' });
    await contact.waitFor();
    expect(await contact.getByRole('combobox', { name: 'Type' }).inputValue()).toBe('Guardian');
    await contact.getByRole('textbox', { name: /^Name/ }).fill(`Maria ${last}`);
    await contact.getByRole('textbox', { name: /^Relationship/ }).fill('Mother');
    await contact.getByRole('textbox', { name: /^Phone/ }).fill('(555) 201-0001');
    await prompt.waitFor({ state: 'hidden' });
    await page.getByTestId('save-patient').click();

    await page.getByTestId('chart-header').waitFor();
    expect(await page.getByTestId('chart-patient-name').textContent()).toBe(`Theo ${last}`);
    expect(await page.getByTestId('chart-age').textContent()).toMatch(/^Age\s*(9|10)$/);
    expect(await page.getByTestId('chart-guardian-flag').textContent()).toBe(
      `Guardian: Maria ${last} — minor`,
    );
    // The chart opens at its top, not at the scroll position of the long form.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await screenshot(page, 'chart-new-minor');
    await signOutViaMenu(page);
  });
});

describe('therapist', () => {
  test('sees only their own caseload', async () => {
    // Same browser tab the front desk just signed out of (from a chart): James starts at home, not on
    // the page the previous user had open.
    await signIn(page, baseUrl, demoEmail('james'));
    expect(new URL(page.url()).pathname).toBe('/');
    // From home: the quick search lands on the patient list with the name filled in.
    await page.getByTestId('home-patient-search').fill('garc');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/patients');
    expect(await page.getByTestId('patient-search').inputValue()).toBe('garc');
    await page.getByText('No patients match these filters').waitFor();
    expect(await page.getByTestId('patients-table').count()).toBe(0);
    await screenshot(page, 'patients-therapist-no-match');

    // Their own patients are there, and every one has James on the care team.
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByTestId('patients-table').waitFor();
    const description = await page.getByText(/^\d+ patients?$/).textContent();
    expect(Number(description?.split(' ')[0])).toBeLessThan(60);
    await page.getByTestId('patients-table').locator('tbody tr a').first().click();
    await page.getByTestId('chart-header').waitFor();
    expect(await page.getByTestId('chart-care-team').textContent()).toContain('James Park');

    // Ctrl+K does not find Elena's patient either.
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Search patients by name' });
    await input.fill('José García');
    await page
      .getByTestId('patient-spotlight')
      .getByText(/No patients match/)
      .waitFor();
    await page.keyboard.press('Escape');

    // Nor does the chart's address open it.
    expect(joseChartPath).not.toBe('');
    await page.goto(`${baseUrl}${joseChartPath}`);
    await page.getByText('This patient could not be found').waitFor();
    expect(await page.getByText('José').count()).toBe(0);
    await screenshot(page, 'chart-not-on-caseload');
    await signOutViaMenu(page);
  });
});
