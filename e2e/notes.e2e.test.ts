// Writing a progress note: a therapist opens a session that just took place from the calendar,
// starts its note on the DAP template (date and times filled in from the appointment), fills what
// is required while the "Required to sign" list shrinks, signs it with the attestation (the note
// locks and the appointment is completed), adds an addendum and downloads the PDF. Then drafts are
// not lost: autosave survives a reload, and the copy kept on the device comes back after a crash.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser, screenshot } from './support/browser.js';
import { demoEmail, screenshotOnFailure, signIn } from './support/hearth.js';
import {
  checkAccessible,
  activeLocation,
  appointmentTypeId,
  notesApi,
  bookPastSession,
  createPatient,
  editorReady,
  endTimeOf,
  field,
  fillDap,
  openInCalendar,
  pickDiagnosis,
  requiredItems,
  runTag,
  signWithAttestation,
  staffByEmail,
  startNoteWith,
  waitSaved,
  type Session,
} from './support/notes.js';

const baseUrl = inject('baseUrl');
const run = runTag();
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  await signIn(page, baseUrl, demoEmail('aisha'));
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => page);

const api = notesApi(() => page, baseUrl);

interface NoteJson {
  id: string;
  status: string;
  appointmentId: string | null;
  content: Record<string, Record<string, unknown>>;
  encounter: { diagnoses: { code: string }[]; startTime: string | null; endTime: string | null };
  signatures: { kind: string; signerName: string }[];
  addenda: { body: string; signerName: string }[];
}

const patient = { id: '', name: '' };
let session: Session;
let noteId = '';

describe('a progress note started from an appointment', () => {
  beforeAll(async () => {
    const staff = await staffByEmail(api);
    const aisha = staff.get(demoEmail('aisha'))!;
    const location = await activeLocation(api);
    Object.assign(patient, await createPatient(api, 'Rosalind', `Fairweather${run}`));
    session = await bookPastSession(api, {
      patientId: patient.id,
      clinicianId: aisha.id,
      location,
      typeId: await appointmentTypeId(api, 'individual-45'),
      durationMinutes: 45,
    });
  });

  test('starts the note from the calendar drawer, with the date and times of the session filled in', async () => {
    const drawer = await openInCalendar(page, session.start.slice(0, 10), patient.name);
    await drawer.getByTestId('start-note').click();
    noteId = await startNoteWith(page, 'Progress note (DAP)');

    expect(await field(page, 'encounter.serviceDate').inputValue()).toBe(session.start.slice(0, 10));
    expect(await field(page, 'encounter.startTime').inputValue()).toBe(session.start.slice(11, 16));
    expect(await field(page, 'encounter.endTime').inputValue()).toBe(endTimeOf(session));
    // The note is linked to the appointment.
    expect((await api<NoteJson>('GET', `/api/notes/${noteId}`)).appointmentId).toBe(session.id);

    // Nothing written yet: the diagnosis and the DAP elements are listed as required.
    const missing = await requiredItems(page);
    expect(missing.some((m) => /diagnos/i.test(m))).toBe(true);
    expect(missing.some((m) => /plan/i.test(m))).toBe(true);
    expect(missing.length).toBeGreaterThanOrEqual(6);
    await checkAccessible(page);
  });

  test('fills the required elements while the “Required to sign” list shrinks to nothing', async () => {
    const before = await requiredItems(page);
    // The diagnosis by its common name: "PTSD" finds F43.10.
    await pickDiagnosis(page, page, 'nf-encounter-diagnoses', 'PTSD', 'F43.10');
    await page.getByTestId('diagnosis-row').filter({ hasText: 'F43.10' }).waitFor();
    await waitSaved(page);
    await expect.poll(() => requiredItems(page), { timeout: 15_000 }).toHaveLength(before.length - 1);
    expect((await requiredItems(page)).some((m) => /diagnos/i.test(m))).toBe(false);

    await fillDap(page, {
      data: `Reports two nightmares this week, down from five. PCL-5 score 41. Session ${run}.`,
      assessment:
        'Symptoms of PTSD improving with cognitive processing; avoidance still limits work attendance.',
      response: 'Engaged well; identified two stuck points and challenged one with the worksheet.',
      goal: 'Reduce trauma-related nightmares to one a week',
      plan: 'Continue weekly CPT; practise the challenging-beliefs worksheet daily; next session in one week.',
    });
    await waitSaved(page);
    await expect.poll(() => requiredItems(page), { timeout: 15_000 }).toEqual([]);
    expect(await page.getByTestId('required-checklist').textContent()).toContain(
      'Everything required is filled in',
    );
    // The top of the note: the session with its times and diagnosis beside “Required to sign”.
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkAccessible(page);
    await screenshot(page, 'notes-editor', { fullPage: false });
  });

  test('signs with the attestation: the note is read-only, signed by the therapist, and the appointment completed', async () => {
    await signWithAttestation(page);
    const signatures = page.getByTestId('note-signatures');
    expect(await signatures.textContent()).toMatch(/Signed by Aisha Bello, LMFT · \w{3} \d{1,2}, \d{4}/);
    expect(await page.locator('[data-note-status]').first().getAttribute('data-note-status')).toBe('signed');
    // Read-only: the answers are text, no field can be typed into (autosize keeps a hidden measuring textarea).
    expect(await page.locator('textarea:visible, input[type="time"]:visible').count()).toBe(0);
    expect(await page.getByTestId('note-sign').count()).toBe(0);
    expect(await page.getByText(`PCL-5 score 41. Session ${run}.`).count()).toBe(1);

    const note = await api<NoteJson>('GET', `/api/notes/${noteId}`);
    expect(note.status).toBe('signed');
    expect(note.encounter.diagnoses.map((d) => d.code)).toEqual(['F43.10']);
    const appt = await api<{ status: string }>('GET', `/api/appointments/${session.id}`);
    expect(appt.status).toBe('completed');
    await checkAccessible(page);

    // The calendar says so too: the session is completed and its note signed.
    const drawer = await openInCalendar(page, session.start.slice(0, 10), patient.name);
    const noteState = drawer.getByTestId('appointment-note');
    await noteState.waitFor();
    expect(await noteState.locator('[data-note-status]').getAttribute('data-note-status')).toBe('signed');
    await page
      .locator('[data-testid="calendar-event"][data-status="completed"]', { hasText: patient.name })
      .waitFor();
    await noteState.getByRole('link', { name: 'Open note' }).click();
    await page.getByTestId('note-signatures').waitFor();
  });

  test('adds an addendum, listed beneath the note with its signer and date', async () => {
    await page.getByTestId('note-add-addendum').click();
    const dialog = page.getByRole('dialog', { name: 'Add an addendum' });
    await dialog.getByRole('combobox', { name: /^Reason/ }).click();
    await page.getByRole('option', { name: 'Additional information' }).click();
    const text = `Patient called after the session: the PCL-5 was completed before the session began (${run}).`;
    await dialog.getByRole('textbox', { name: /^Addendum/ }).fill(text);
    await dialog.getByRole('button', { name: 'Sign addendum' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const addendum = page.getByTestId('note-addendum');
    await addendum.waitFor();
    const shown = (await addendum.textContent()) ?? '';
    expect(shown).toContain('Additional information');
    expect(shown).toContain(text);
    expect(shown).toMatch(/Signed by Aisha Bello, LMFT · \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M/);
    // Beneath the note: after its last section.
    const below = await page.evaluate(() => {
      const add = document.querySelector('[data-testid="note-addendum"]')!;
      const plan = document.querySelector('[data-section="plan"]')!;
      return !!(plan.compareDocumentPosition(add) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(below).toBe(true);
    const note = await api<NoteJson>('GET', `/api/notes/${noteId}`);
    expect(note.addenda.map((a) => a.body)).toEqual([text]);
    await checkAccessible(page);
    await screenshot(page, 'notes-signed-with-addendum');
  });

  test('downloads the note as a PDF', async () => {
    const link = page.getByTestId('note-pdf');
    const href = await link.getAttribute('href');
    expect(href).toBe(`/api/notes/${noteId}/pdf`);
    const r = await page.request.get(`${baseUrl}${href}`);
    expect(r.status()).toBe(200);
    expect(r.headers()['content-type']).toContain('application/pdf');
    const body = await r.body();
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(3000);
  });
});

describe('drafts are not lost', () => {
  let url = '';

  test('autosave survives a reload', async () => {
    await page.goto(`${baseUrl}/patients/${patient.id}?tab=notes`);
    await page.getByTestId('chart-new-note').click();
    const draftId = await startNoteWith(page, 'Progress note (DAP)');
    url = page.url();
    const text = `Autosaved before the reload ${run}: sleep improving, still avoiding the bus.`;
    await field(page, 'content.data.data').fill(text);
    await expect
      .poll(() => page.getByTestId('note-save-status').getAttribute('data-state'))
      .not.toBe('saved');
    await waitSaved(page);
    await page.reload();
    await editorReady(page);
    expect(await field(page, 'content.data.data').inputValue()).toBe(text);
    expect((await api<NoteJson>('GET', `/api/notes/${draftId}`)).content.data?.data).toBe(text);
  });

  test('the copy kept on this device comes back after a crash', async () => {
    const context = page.context();
    // The connection drops before typing: nothing can reach the server, only this device keeps it.
    await context.setOffline(true);
    const text = `Typed while offline ${run}: discussed returning to work part-time.`;
    await field(page, 'content.assessment.assessment').fill(text);
    await expect
      .poll(() => page.getByTestId('note-save-status').textContent())
      .toMatch(/kept on this device/);
    // The tab is gone without saving (a crash, a closed lid).
    await page.close();
    await context.setOffline(false);

    page = await context.newPage();
    await page.goto(url);
    await editorReady(page);
    await page.getByText('Restored your unsaved changes').waitFor();
    expect(await field(page, 'content.assessment.assessment').inputValue()).toBe(text);
    // The restored copy is sent at once.
    await waitSaved(page);
    const id = url.split('/').pop()!;
    expect((await api<NoteJson>('GET', `/api/notes/${id}`)).content.assessment?.assessment).toBe(text);
    await checkAccessible(page);
    await screenshot(page, 'notes-restored-draft', { fullPage: false });
  });
});
