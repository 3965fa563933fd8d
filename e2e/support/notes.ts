// Helpers for the clinical-documentation journeys: setting up patients and sessions through the API
// as the signed-in page, and driving the note editor (ICD picker, intervention picker, autosave,
// signing) the way a clinician does.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from './browser.js';
import { localOf } from './scheduling.js';

/**
 * The API as the signed-in page (its session cookie and CSRF token), for setting up a journey and
 * checking what it saved; like `pageApi` of the scheduling journeys, with PUT and PATCH too.
 * `forget()` drops the token after signing in as someone else.
 */
export function notesApi(getPage: () => Page, baseUrl: string) {
  let csrf = '';
  async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T> {
    const page = getPage();
    if (!csrf)
      csrf = ((await (await page.request.get(`${baseUrl}/api/auth/session`)).json()) as { csrfToken: string })
        .csrfToken;
    const r = await page.request.fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      data: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok()) throw new Error(`${method} ${path} → ${r.status()}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return Object.assign(call, { forget: () => void (csrf = '') });
}

export type Api = ReturnType<typeof notesApi>;

/** Letters only (names must not hold digits): a suffix that makes this run's names unique. */
export const runTag = () =>
  Date.now()
    .toString(36)
    .slice(-5)
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);

export interface StaffMember {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  roles: string[];
  credentials: string | null;
}

/** Active staff by e-mail address (clinicians, the front desk and the admin all read the list). */
export async function staffByEmail(api: Api): Promise<Map<string, StaffMember>> {
  const staff = await api<{ items: StaffMember[] }>('GET', '/api/staff?active=true&pageSize=100');
  return new Map(staff.items.map((s) => [s.email, s]));
}

export interface Location {
  id: string;
  name: string;
  timeZone: string;
}

export async function activeLocation(api: Api): Promise<Location> {
  const locations = await api<(Location & { active: boolean })[]>('GET', '/api/locations');
  return locations.find((l) => l.active)!;
}

export async function appointmentTypeId(api: Api, code: string): Promise<string> {
  const types = await api<{ id: string; code: string }[]>('GET', '/api/appointment-types');
  return types.find((t) => t.code === code)!.id;
}

/** A new patient; a clinician creating one joins the care team, others can be named. */
export async function createPatient(
  api: Api,
  first: string,
  last: string,
  careTeam?: { userId: string; role: 'primary_therapist' | 'therapist' }[],
): Promise<{ id: string; name: string; version: number }> {
  const p = await api<{ id: string; version: number }>('POST', '/api/patients', {
    legalFirstName: first,
    legalLastName: last,
    sexAtBirth: 'female',
    dateOfBirth: '1987-03-14',
    ...(careTeam ? { careTeam } : {}),
  });
  return { id: p.id, name: `${first} ${last}`, version: p.version };
}

export interface Session {
  id: string;
  /** Local start 'YYYY-MM-DDTHH:MM' in the location's zone. */
  start: string;
  durationMinutes: number;
}

/** Local start rounded down to five minutes, `minutesAgo` before now. */
function pastStart(minutesAgo: number, timeZone: string): string {
  const local = localOf(new Date(Date.now() - minutesAgo * 60_000), timeZone);
  return `${local.slice(0, 14)}${String(Math.floor(Number(local.slice(14)) / 5) * 5).padStart(2, '0')}`;
}

/**
 * Books a session that already took place (it ended before now), at a time the clinician is free:
 * the note of a session written afterwards, as it happens in practice.
 */
export async function bookPastSession(
  api: Api,
  p: { patientId: string; clinicianId: string; location: Location; typeId: string; durationMinutes: number },
): Promise<Session> {
  const base = {
    patientId: p.patientId,
    clinicianId: p.clinicianId,
    locationId: p.location.id,
    appointmentTypeId: p.typeId,
    durationMinutes: p.durationMinutes,
  };
  for (const ago of [75, 105, 135, 165, 195, 240, 300, 360, 420, 480, 600, 720]) {
    const start = pastStart(ago + p.durationMinutes - 45, p.location.timeZone);
    const preview = await api<{ blockingCount: number }>('POST', '/api/appointments/preview', {
      ...base,
      start,
    });
    if (preview.blockingCount > 0) continue;
    const booked = await api<{ appointments: { id: string; start: string }[] }>('POST', '/api/appointments', {
      ...base,
      start,
    });
    return {
      id: booked.appointments[0]!.id,
      start: booked.appointments[0]!.start,
      durationMinutes: p.durationMinutes,
    };
  }
  throw new Error('no free past slot for the clinician today');
}

/** 'HH:MM' of a local start plus minutes (same day). */
export function endTimeOf(s: Session): string {
  const t = Number(s.start.slice(11, 13)) * 60 + Number(s.start.slice(14, 16)) + s.durationMinutes;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/** Opens a session from the calendar: Schedule, its date, the event, the drawer. */
export async function openInCalendar(page: Page, date: string, text: string): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
  await page.getByTestId('calendar-pane').first().waitFor();
  await page.getByLabel('Go to date').fill(date);
  const event = page.locator('[data-testid="calendar-event"]', { hasText: text });
  await expect.poll(() => event.count(), { timeout: 15_000 }).toBe(1);
  await event.scrollIntoViewIfNeeded();
  await event.click();
  const drawer = page.getByRole('dialog', { name: 'Appointment' });
  await drawer.getByTestId('drawer-patient').or(drawer.getByTestId('drawer-when')).first().waitFor();
  return drawer;
}

/** The "Start note" dialog: chooses a template by name and starts; waits for the editor. */
export async function startNoteWith(page: Page, templateName: string) {
  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('new-note-template') });
  await dialog.waitFor();
  await dialog.getByTestId('new-note-template').click();
  await page.getByRole('option', { name: templateName, exact: true }).click();
  expect(await dialog.getByTestId('new-note-template').inputValue()).toBe(templateName);
  await dialog.getByTestId('new-note-start').click();
  await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
  await editorReady(page);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** The note editor is on screen (its save status and "Required to sign" list). */
export async function editorReady(page: Page) {
  await page.getByTestId('note-save-status').waitFor();
  await page.getByTestId('required-checklist').waitFor();
}

/** A template field's input, by the path the server names it with ('content.data.data'). */
export const field = (page: Page | Locator, path: string) =>
  page.locator(`#nf-${path.replace(/[^a-z0-9_]+/gi, '-')}`);

/** Waits until autosave has sent every change ("Saved · 10:42"). */
export async function waitSaved(page: Page) {
  const status = page.getByTestId('note-save-status');
  await expect.poll(() => status.getAttribute('data-state'), { timeout: 20_000 }).toBe('saved');
  expect(await status.textContent()).toMatch(/^Saved/);
}

/** The items still listed under "Required to sign" (after the server checked the last save). */
export async function requiredItems(page: Page): Promise<string[]> {
  return page.getByTestId('required-checklist').getByRole('listitem').allTextContents();
}

/** Adds a diagnosis with the ICD-10-CM picker: types a common name or code, picks the option starting with `code`. */
export async function pickDiagnosis(
  scope: Page | Locator,
  page: Page,
  inputId: string,
  search: string,
  code: string,
) {
  const input = scope.locator(`#${inputId}`);
  await input.click();
  await input.fill(search);
  const option = page.getByRole('option', { name: new RegExp(`^${code.replace('.', '\\.')} `) });
  await option.first().waitFor({ timeout: 15_000 });
  await option.first().click();
}

/** Picks an intervention in an intervention field (a searchable multi-select). */
export async function pickIntervention(page: Page, input: Locator, label: string) {
  await input.click();
  await input.fill(label.slice(0, 12));
  await page.getByRole('option', { name: label, exact: true }).click();
  await page.keyboard.press('Escape');
}

export interface DapAnswers {
  data: string;
  assessment: string;
  response: string;
  goal: string;
  plan: string;
}

/**
 * Fills what a DAP progress note needs to be signed, besides the diagnosis: the session data, an
 * intervention, the assessment, the client's response, one goal's progress and the plan.
 */
export async function fillDap(page: Page, a: DapAnswers) {
  await field(page, 'content.data.data').fill(a.data);
  await pickIntervention(page, field(page, 'content.data.interventions'), 'Cognitive restructuring');
  await field(page, 'content.assessment.assessment').fill(a.assessment);
  await field(page, 'content.assessment.response').fill(a.response);
  await field(page, 'content.assessment.goal_progress').click(); // "Add goal" while there is none
  await page.getByRole('textbox', { name: 'Goal 1' }).fill(a.goal);
  await page.getByRole('combobox', { name: 'Progress' }).first().click();
  await page.getByRole('option', { name: 'Some progress', exact: true }).click();
  await field(page, 'content.plan.plan').fill(a.plan);
}

/** "Sign note", the attestation, "Sign note": waits for the read-only note with its signatures. */
export async function signWithAttestation(page: Page) {
  await page.getByTestId('note-sign').click();
  const dialog = page.getByRole('dialog', { name: 'Sign this note' });
  await dialog.waitFor();
  await dialog.getByTestId('sign-attest').check();
  await dialog.getByTestId('sign-confirm').click();
  await page.getByTestId('note-signatures').waitFor({ timeout: 20_000 });
}

/**
 * The accessibility check (serious and critical violations) as a soft assertion: a violation fails
 * the test, which still goes on with the journey so one report names every problem along the way.
 */
export async function checkAccessible(page: Page) {
  await expectAccessible(page).catch((e: unknown) => {
    // The assertion's `actual` is the list of violations: repeat it so the report names them.
    const violations = (e as { actual?: unknown }).actual ?? String(e);
    expect.soft(violations, `accessibility of ${new URL(page.url()).pathname}`).toEqual([]);
  });
}

/** Everything the page shows as text (for checks that something appears nowhere). */
export const pageText = (page: Page) => page.evaluate(() => document.body.innerText);
