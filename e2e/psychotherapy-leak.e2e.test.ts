// Psychotherapy (private process) notes stay with their author. A therapist writes one with a unique
// marker about a patient she shares with a colleague; she sees it, but her regular notes (the chart's
// notes, the note queue, note search) never show it. Then the colleague on the same care team, the
// administrator and the front desk browse the patient's chart, the notes list, note search and the
// home page: the marker is on no page and in no API answer the browser received.
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser, screenshot } from './support/browser.js';
import { demoEmail, screenshotOnFailure, signIn } from './support/hearth.js';
import {
  activeLocation,
  appointmentTypeId,
  bookPastSession,
  checkAccessible,
  createPatient,
  notesApi,
  pageText,
  runTag,
  staffByEmail,
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

// Unusual enough to appear nowhere by chance; words a search would find.
const marker = `Quillfeather${run} countertransference`;
const regularText = `Regular session note ${run}: reviewed the sleep diary and the coping plan.`;
const patient = { id: '', name: '' };
let privateNoteId = '';
let regularNoteId = '';
let session: Session;

/** Every API answer the browser receives from now on, as text (to search for the marker). */
function recordApiAnswers(p: Page) {
  const bodies: { url: string; text: Promise<string> }[] = [];
  const onResponse = (r: Response) => {
    if (!new URL(r.url()).pathname.startsWith('/api/')) return;
    bodies.push({ url: new URL(r.url()).pathname, text: r.text().catch(() => '') });
  };
  p.on('response', onResponse);
  return {
    async leaks(): Promise<string[]> {
      p.off('response', onResponse);
      const out: string[] = [];
      for (const b of bodies) if ((await b.text).includes(`Quillfeather${run}`)) out.push(b.url);
      return out;
    },
    count: () => bodies.length,
  };
}

/** The page shows the chart (the patient's name), and the marker is nowhere in its text. */
async function expectNoMarker(where: string) {
  const text = await pageText(page);
  expect(text.includes(`Quillfeather${run}`), `the marker is on ${where}`).toBe(false);
}

/** "Search notes" (the reader's own notes): searches for the words and returns what the page then says. */
async function searchInUi(q: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search notes' }).click();
  const form = page.getByRole('search', { name: 'Search your notes' });
  await form.getByRole('textbox', { name: /^Words to find/ }).fill(q);
  // The page keeps the previous results on screen while searching: wait for this search's answer.
  const answered = page.waitForResponse(
    (r) =>
      r.url().endsWith('/api/notes/search') && (r.request().postDataJSON() as { q?: string } | null)?.q === q,
  );
  await form.getByRole('button', { name: 'Search' }).click();
  const { total } = (await (await answered).json()) as { total: number };
  const says = total === 0 ? 'No notes match' : total === 1 ? '1 note matches' : `${total} notes match`;
  await page.getByText(says, { exact: true }).waitFor();
  return says;
}

async function openChart() {
  await page.goto(`${baseUrl}/patients/${patient.id}`);
  await page.getByTestId('chart-patient-name').filter({ hasText: patient.name }).waitFor();
}

describe('a private note', () => {
  beforeAll(async () => {
    const staff = await staffByEmail(api);
    const aisha = staff.get(demoEmail('aisha'))!;
    const james = staff.get(demoEmail('james'))!;
    Object.assign(
      patient,
      await createPatient(api, 'Severine', `Ashdown${run}`, [
        { userId: aisha.id, role: 'primary_therapist' },
        { userId: james.id, role: 'therapist' },
      ]),
    );
    // The session the private note is about.
    session = await bookPastSession(api, {
      patientId: patient.id,
      clinicianId: aisha.id,
      location: await activeLocation(api),
      typeId: await appointmentTypeId(api, 'individual-45'),
      durationMinutes: 45,
    });
    // A regular signed note about the same patient, so the notes list and search have something to show.
    const templates = await api<{ id: string; name: string }[]>('GET', '/api/note-templates');
    const dap = templates.find((t) => t.name === 'Progress note (DAP)')!;
    const created = await api<{ id: string; version: number }>('POST', '/api/notes', {
      patientId: patient.id,
      templateId: dap.id,
    });
    regularNoteId = created.id;
    const saved = await api<{ version: number; missing: unknown[] }>('PUT', `/api/notes/${created.id}`, {
      version: created.version,
      encounter: {
        serviceDate: session.start.slice(0, 10),
        startTime: '09:00',
        endTime: '09:45',
        psychotherapyMinutes: 45,
        placeOfService: 'in_person',
        participants: [{ role: 'patient' }],
        diagnoses: [{ code: 'F43.10' }],
      },
      content: {
        data: { data: regularText, interventions: ['cbt'] },
        assessment: {
          assessment: 'Improving.',
          response: 'Engaged.',
          goal_progress: [{ goal: 'Sleep six hours', rating: 'some_progress' }],
        },
        plan: { plan: 'Weekly sessions.' },
      },
    });
    expect(saved.missing).toEqual([]);
    await api('POST', `/api/notes/${created.id}/sign`, { version: saved.version, attestation: true });
  });

  test('the author writes it from the chart and sees it', async () => {
    await openChart();
    const card = page.getByTestId('private-notes-card');
    await card.getByText('You have no private notes about this patient.').waitFor();
    await card.getByRole('link', { name: 'Write a private note' }).click();
    await page.getByRole('heading', { name: 'Private notes', level: 1 }).waitFor();
    // About the session that just took place: choosing it sets the session date.
    await page.getByTestId('private-note-session').click();
    await page.getByRole('option').first().click();
    expect(await page.getByTestId('private-note-date').inputValue()).toBe(session.start.slice(0, 10));
    const body = page.getByTestId('private-note-body');
    await body.fill(`Noticed my ${marker} when she spoke about her father; explore in supervision.`);
    await page.getByTestId('private-note-save').click();
    await page.getByTestId('private-note-item').first().waitFor();
    await expect
      .poll(() => page.getByTestId('private-note-editor').textContent())
      .toContain('All changes saved');
    const mine = await api<{ items: { id: string; body: string }[] }>(
      'GET',
      `/api/psychotherapy-notes?patientId=${patient.id}`,
    );
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]!.body).toContain(marker);
    privateNoteId = mine.items[0]!.id;
    await checkAccessible(page);
    await screenshot(page, 'notes-private-note', { fullPage: false });

    // Back on the chart the card counts it, by date only.
    await page.getByRole('link', { name: 'Back to chart' }).click();
    await card.getByText('You have 1 private note about this patient.').waitFor();
    await expectNoMarker('the chart overview');
    // Reopened, the text is there for its author.
    await card.getByRole('link', { name: /^Session of / }).click();
    await expect
      .poll(() => page.getByTestId('private-note-body').inputValue(), { timeout: 15_000 })
      .toContain(marker);
  });

  test('the author’s regular notes never show it: chart notes, queue, search', async () => {
    const answers = recordApiAnswers(page);
    await page.goto(`${baseUrl}/patients/${patient.id}?tab=notes`);
    await page.getByTestId('chart-note-row').first().waitFor();
    expect(await page.getByTestId('chart-note-row').count()).toBe(1);
    await expectNoMarker('the author’s Notes tab');
    await page.getByRole('link', { name: 'Progress note (DAP)', exact: true }).click();
    await page.getByText(regularText).waitFor();
    await expectNoMarker('the author’s regular note');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Notes to sign/ })
      .click();
    await page.getByTestId('note-queue-table').or(page.getByText('No unsigned notes')).first().waitFor();
    await expectNoMarker('the author’s notes to sign');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.getByTestId('home-today-sessions').waitFor();
    await expectNoMarker('the author’s home page');

    // Search notes: the regular note is found by its words, the private one by none.
    expect(await searchInUi('sleep diary coping plan')).toBe('1 note matches');
    expect(await page.getByText(patient.name).count()).toBeGreaterThan(0);
    expect(await searchInUi(`Quillfeather${run}`)).toBe('No notes match');
    await expectNoMarker('the author’s note search');
    const found = await api<{ total: number }>('POST', '/api/notes/search', { q: `Quillfeather${run}` });
    expect(found.total).toBe(0);
    const regular = await api<{ total: number; items: { id: string }[] }>('POST', '/api/notes/search', {
      q: 'sleep diary coping plan',
      patientId: patient.id,
    });
    expect(regular.items.map((i) => i.id)).toContain(regularNoteId);
    expect(await answers.leaks()).toEqual([]);
    expect(answers.count()).toBeGreaterThan(5);
  });
});

describe('nobody else sees it', () => {
  for (const who of [
    { key: 'james', label: 'a colleague on the same care team', mfa: false, clinical: true },
    { key: 'admin', label: 'the administrator', mfa: true, clinical: false },
    { key: 'tom', label: 'the front desk', mfa: false, clinical: false },
  ] as const) {
    test(`${who.label} browses the chart, the notes, search and home: the marker is nowhere`, async () => {
      await signIn(page, baseUrl, demoEmail(who.key), { mfa: who.mfa });
      api.forget();
      const answers = recordApiAnswers(page);

      await openChart();
      await expectNoMarker(`the chart overview (${who.key})`);
      if (who.clinical) {
        // Their own private notes card: none of theirs, and nothing of the author's.
        await page
          .getByTestId('private-notes-card')
          .getByText('You have no private notes about this patient.')
          .waitFor();
        await page.getByTestId('chart-tab-notes').click();
        await page.getByTestId('chart-note-row').first().waitFor();
        expect(await page.getByTestId('chart-note-row').count()).toBe(1);
        await expectNoMarker(`the Notes tab (${who.key})`);
        await page.getByRole('link', { name: 'Progress note (DAP)', exact: true }).click();
        await page.getByText(regularText).waitFor();
        await expectNoMarker(`the regular note (${who.key})`);
        await page.goto(`${baseUrl}/patients/${patient.id}/private-notes`);
        await page.getByRole('heading', { name: 'Private notes', level: 1 }).waitFor();
        await page.getByText('No private notes yet').waitFor();
        await expectNoMarker(`the private notes page (${who.key})`);
        // The author's note by its id: not found, as if it did not exist.
        await page.goto(`${baseUrl}/patients/${patient.id}/private-notes?note=${privateNoteId}`);
        await page.getByText('This note could not be found').waitFor();
        await expectNoMarker(`the author's private note by id (${who.key})`);
        await checkAccessible(page);

        expect(await searchInUi(`Quillfeather${run} countertransference`)).toBe('No notes match');
        await expectNoMarker(`note search (${who.key})`);
        const search = await api<{ total: number }>('POST', '/api/notes/search', {
          q: `Quillfeather${run}`,
          patientId: patient.id,
        });
        expect(search.total).toBe(0);
        const list = await api<{ items: unknown[] }>(
          'GET',
          `/api/psychotherapy-notes?patientId=${patient.id}`,
        );
        expect(list.items).toEqual([]);
      } else {
        // No clinical access at all: no Notes tab, no private notes card.
        expect(await page.getByTestId('chart-tab-notes').count()).toBe(0);
        expect(await page.getByTestId('private-notes-card').count()).toBe(0);
        await checkAccessible(page);
      }
      // Whatever their role, the note's own address answers "not found" (or "not allowed").
      const byId = await page.request.get(`${baseUrl}/api/psychotherapy-notes/${privateNoteId}`);
      expect([403, 404]).toContain(byId.status());
      expect(await byId.text()).not.toContain(`Quillfeather${run}`);
      const searched = await page.request.fetch(`${baseUrl}/api/notes/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': await csrfOf(page) },
        data: JSON.stringify({ q: `Quillfeather${run}` }),
      });
      expect(await searched.text()).not.toContain(`Quillfeather${run}`);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expectNoMarker(`the home page (${who.key})`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
      await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
      await expectNoMarker(`the patient list (${who.key})`);
      if (who.key === 'admin') {
        // The audit trail records the private note's creation without its text.
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
        await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
        await expectNoMarker('the audit log');
      }
      expect(await answers.leaks()).toEqual([]);
      expect(answers.count()).toBeGreaterThan(3);
    });
  }
});

async function csrfOf(p: Page): Promise<string> {
  return ((await (await p.request.get(`${baseUrl}/api/auth/session`)).json()) as { csrfToken: string })
    .csrfToken;
}
