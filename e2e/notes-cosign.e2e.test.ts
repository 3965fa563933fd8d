// Co-signature: an associate (Sam Rivera, supervised by Elena Vasquez) writes and signs a progress
// note, which then awaits co-signature; Elena finds it in her co-sign inbox and returns it with a
// comment; Sam sees the comment, changes the note and signs again; Elena co-signs and the note is
// final, and only then is the appointment completed.
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
  await signIn(page, baseUrl, demoEmail('sam'));
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => page);

const api = notesApi(() => page, baseUrl);

interface NoteJson {
  status: string;
  finalizedAt: string | null;
  supervisorName: string | null;
  signatures: { kind: string; signerName: string; comment: string | null }[];
}

const patient = { id: '', name: '' };
let session: Session;
let noteId = '';
const comment = `Please name the grounding technique you taught and tie the plan to goal 2 (${run}).`;
const noteStatus = () => page.locator('[data-note-status]').first().getAttribute('data-note-status');

async function as(who: 'sam' | 'elena') {
  await signIn(page, baseUrl, demoEmail(who));
  api.forget();
}

/** The co-sign inbox's row for this run's patient. */
async function inboxRow() {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Co-sign inbox/ })
    .click();
  await page.getByRole('heading', { name: 'Co-sign inbox', level: 1 }).waitFor();
  const row = page.getByTestId('cosign-row').filter({ hasText: patient.name });
  await row.waitFor({ timeout: 15_000 });
  return row;
}

describe('an associate’s note and its co-signature', () => {
  beforeAll(async () => {
    const staff = await staffByEmail(api);
    const sam = staff.get(demoEmail('sam'))!;
    expect(sam.roles).toContain('associate');
    const location = await activeLocation(api);
    Object.assign(patient, await createPatient(api, 'Tamsin', `Holloway${run}`));
    session = await bookPastSession(api, {
      patientId: patient.id,
      clinicianId: sam.id,
      location,
      typeId: await appointmentTypeId(api, 'individual-45'),
      durationMinutes: 45,
    });
  });

  test('the associate writes and signs the note: it awaits the supervisor’s co-signature', async () => {
    const drawer = await openInCalendar(page, session.start.slice(0, 10), patient.name);
    await drawer.getByTestId('start-note').click();
    noteId = await startNoteWith(page, 'Progress note (DAP)');
    // The diagnosis by its code this time.
    await pickDiagnosis(page, page, 'nf-encounter-diagnoses', 'F41.1', 'F41.1');
    await fillDap(page, {
      data: 'Worry most days about finances; GAD-7 score 14, down from 17.',
      assessment: 'Generalized anxiety persists with some benefit from worry scheduling.',
      response: 'Practised a grounding exercise in session and reported feeling calmer afterwards.',
      goal: 'Reduce daily worry time to under one hour',
      plan: 'Continue weekly CBT and worry scheduling.',
    });
    await waitSaved(page);
    await expect.poll(() => requiredItems(page), { timeout: 15_000 }).toEqual([]);

    await page.getByTestId('note-sign').click();
    const dialog = page.getByRole('dialog', { name: 'Sign this note' });
    // The associate is told before signing that the note goes to the supervisor.
    expect(await dialog.textContent()).toMatch(
      /goes to Elena Vasquez for co-signature and is final once co-signed/,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await signWithAttestation(page);

    const signatures = page.getByTestId('note-signatures');
    expect(await signatures.textContent()).toMatch(/Signed by Sam Rivera, LPC-A · /);
    expect(await signatures.textContent()).toContain(
      'Awaiting co-signature by Elena Vasquez. The note is not final until co-signed.',
    );
    expect(await noteStatus()).toBe('pending_cosign');
    const note = await api<NoteJson>('GET', `/api/notes/${noteId}`);
    expect(note.status).toBe('pending_cosign');
    expect(note.finalizedAt).toBeNull();
    // Not final: the appointment is not completed yet.
    expect((await api<{ status: string }>('GET', `/api/appointments/${session.id}`)).status).not.toBe(
      'completed',
    );
    await checkAccessible(page);
  });

  test('the supervisor finds it in the co-sign inbox and returns it with a comment', async () => {
    await as('elena');
    const row = await inboxRow();
    expect(await row.textContent()).toContain('Sam Rivera');
    expect(await row.textContent()).toContain('Progress note (DAP)');
    await checkAccessible(page);
    await screenshot(page, 'notes-cosign-inbox');

    await row.getByRole('link', { name: 'Review and co-sign' }).click();
    await page.getByTestId('note-signatures').waitFor();
    expect(
      await page.getByText('Worry most days about finances; GAD-7 score 14, down from 17.').count(),
    ).toBe(1);
    await page.getByTestId('note-return').click();
    const dialog = page.getByRole('dialog', { name: 'Return with comments' });
    await dialog.getByRole('textbox', { name: /^Comments for the author/ }).fill(comment);
    await dialog.getByRole('button', { name: 'Return to author' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(noteStatus, { timeout: 15_000 }).toBe('returned');
    expect((await api<NoteJson>('GET', `/api/notes/${noteId}`)).status).toBe('returned');
    // Gone from the inbox.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Co-sign inbox/ })
      .click();
    await page.getByTestId('cosign-table').or(page.getByText('Nothing to co-sign')).first().waitFor();
    await expect.poll(() => page.getByTestId('cosign-row').filter({ hasText: patient.name }).count()).toBe(0);
  });

  test('the associate sees the comment, changes the note and signs again', async () => {
    await as('sam');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Notes to sign/ })
      .click();
    const row = page.getByTestId('note-queue-row').filter({ hasText: patient.name });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('Returned');
    await row.getByRole('link', { name: 'Finish and sign' }).click();
    await editorReady(page);
    const returned = page.getByTestId('returned-comment');
    expect(await returned.textContent()).toContain(comment);
    expect(await returned.textContent()).toContain('Returned by Elena Vasquez, LCSW');
    await checkAccessible(page);
    await screenshot(page, 'notes-returned', { fullPage: false });

    await field(page, 'content.data.data').fill(
      'Worry most days about finances; GAD-7 score 14, down from 17. Taught 5-4-3-2-1 grounding.',
    );
    await field(page, 'content.plan.plan').fill(
      'Continue weekly CBT and worry scheduling; goal 2: practise 5-4-3-2-1 grounding daily.',
    );
    await waitSaved(page);
    await signWithAttestation(page);
    await expect.poll(noteStatus).toBe('pending_cosign');
    expect((await api<NoteJson>('GET', `/api/notes/${noteId}`)).status).toBe('pending_cosign');
  });

  test('the supervisor co-signs: the note is final and the appointment completed', async () => {
    await as('elena');
    const row = await inboxRow();
    await row.getByRole('link', { name: 'Review and co-sign' }).click();
    await page.getByText('goal 2: practise 5-4-3-2-1 grounding daily.', { exact: false }).waitFor();
    await page.getByTestId('note-cosign').click();
    const confirm = page.getByRole('dialog', { name: 'Co-sign this note' });
    await confirm.getByRole('button', { name: 'Co-sign', exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(noteStatus, { timeout: 15_000 }).toBe('signed');
    const signatures = (await page.getByTestId('note-signatures').textContent()) ?? '';
    expect(signatures).toMatch(/Signed by Sam Rivera, LPC-A · /);
    expect(signatures).toMatch(/Co-signed by Elena Vasquez, LCSW · /);
    expect(signatures).not.toContain('Awaiting co-signature');
    expect(await page.getByTestId('note-cosign').count()).toBe(0);
    await checkAccessible(page);
    await screenshot(page, 'notes-cosigned', { fullPage: false });

    const note = await api<NoteJson>('GET', `/api/notes/${noteId}`);
    expect(note.status).toBe('signed');
    expect(note.finalizedAt).not.toBeNull();
    expect(note.signatures.map((s) => s.kind)).toEqual(['author', 'returned', 'author', 'cosign']);
    expect(note.signatures.find((s) => s.kind === 'returned')?.comment).toBe(comment);
    expect((await api<{ status: string }>('GET', `/api/appointments/${session.id}`)).status).toBe(
      'completed',
    );
  });
});
