// Group notes: the front desk sets up a group with three members and a session that started a
// little while ago and takes attendance (all three present); the facilitator opens the session from the
// calendar, starts its group note, writes the shared sections once and each member's own sections,
// signs all, and each member has a signed note of their own in their chart.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser, screenshot } from './support/browser.js';
import { demoEmail, screenshotOnFailure, signIn } from './support/hearth.js';
import {
  checkAccessible,
  activeLocation,
  appointmentTypeId,
  notesApi,
  createPatient,
  field,
  openInCalendar,
  pickDiagnosis,
  pickIntervention,
  runTag,
  staffByEmail,
  waitSaved,
  type StaffMember,
} from './support/notes.js';
import { localOf, weekdayCode } from './support/scheduling.js';

const baseUrl = inject('baseUrl');
const run = runTag();
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

const api = notesApi(() => page, baseUrl);

interface NoteJson {
  id: string;
  status: string;
  groupNoteId: string | null;
  templateName: string;
  content: Record<string, Record<string, unknown>>;
  signatures: { kind: string; signerName: string }[];
}

const last = `Brightwater${run}`;
const members = [
  { first: 'Odile', code: 'F41.1', search: 'F41.1', goal: 'Use paced breathing when worry starts' },
  { first: 'Pascal', code: 'F32.1', search: 'F32.1', goal: 'Schedule two pleasant activities a week' },
  { first: 'Quinn', code: 'F43.10', search: 'PTSD', goal: 'Stay in crowded places for ten minutes' },
].map((m) => ({ ...m, name: `${m.first} ${last}`, id: '' }));
const groupName = `Coping skills ${run}`;
const topic = `Grounding skills for overwhelming moments (${run})`;
let facilitator: StaffMember;
let sessionId = '';
let sessionDate = '';
let groupNotePath = '';

describe('a group session’s note', () => {
  beforeAll(async () => {
    const staff = await staffByEmail(api);
    const location = await activeLocation(api);
    const individual = await appointmentTypeId(api, 'individual-45');
    const groupType = await appointmentTypeId(api, 'group');
    // Therapists who write their own notes (an associate's would wait for co-signature).
    const candidates = ['aisha', 'james', 'elena'].map((k) => staff.get(demoEmail(k))!);

    // The members, new patients; the front desk puts them on the facilitator's caseload below.
    const created = [];
    for (const m of members) {
      const p = await createPatient(api, m.first, last);
      m.id = p.id;
      created.push(p);
    }

    // A 90-minute session that started a little while ago (attendance is taken once it has started),
    // with a facilitator who is free then.
    const now = new Date();
    let start = '';
    search: for (const minutesAgo of [20, 40, 60, 90, 120, 150, 180]) {
      const local = localOf(new Date(now.getTime() - minutesAgo * 60_000), location.timeZone);
      const candidate = `${local.slice(0, 14)}${String(Math.floor(Number(local.slice(14)) / 5) * 5).padStart(2, '0')}`;
      for (const c of candidates) {
        const p = await api<{ blockingCount: number }>('POST', '/api/appointments/preview', {
          patientId: members[0]!.id,
          clinicianId: c.id,
          locationId: location.id,
          appointmentTypeId: individual,
          durationMinutes: 90,
          start: candidate,
          recurrence: `FREQ=WEEKLY;BYDAY=${weekdayCode(candidate.slice(0, 10))};COUNT=2`,
        });
        if (p.blockingCount === 0) {
          facilitator = c;
          start = candidate;
          break search;
        }
      }
    }
    expect(start, 'a therapist free for a group session that started a little while ago').not.toBe('');
    sessionDate = start.slice(0, 10);
    for (const p of created) {
      await api('PATCH', `/api/patients/${p.id}`, {
        version: p.version,
        careTeam: [{ userId: facilitator.id, role: 'therapist' }],
      });
    }
    const group = await api<{ id: string; sessions: { appointmentId: string; start: string }[] }>(
      'POST',
      '/api/groups',
      {
        name: groupName,
        appointmentTypeId: groupType,
        locationId: location.id,
        capacity: 8,
        facilitatorIds: [facilitator.id],
        schedule: {
          start,
          durationMinutes: 90,
          recurrence: `FREQ=WEEKLY;BYDAY=${weekdayCode(sessionDate)};COUNT=2`,
        },
      },
    );
    for (const m of members)
      await api('POST', `/api/groups/${group.id}/members`, { patientId: m.id, enrolledOn: sessionDate });
    sessionId = group.sessions.find((s) => s.start === start)!.appointmentId;
    // Attendance: all three were there.
    await api('PUT', `/api/appointments/${sessionId}/group-attendance`, {
      entries: members.map((m) => ({ patientId: m.id, status: 'completed' })),
    });

    await signIn(page, baseUrl, facilitator.email);
    api.forget();
  });

  test('the facilitator starts the group note from the session in the calendar', async () => {
    const drawer = await openInCalendar(page, sessionDate, groupName);
    await drawer.getByRole('link', { name: 'Group note' }).click();
    await page.getByRole('heading', { name: 'New group note', level: 1 }).waitFor();
    // The built-in group template is the one on offer.
    await expect.poll(() => page.getByTestId('group-note-template').inputValue()).toBe('Group therapy');
    await page.getByTestId('group-note-start').click();
    await page.waitForURL(/\/group-notes\/[0-9a-f-]{36}$/);
    groupNotePath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'Written once for the session' }).waitFor();
    expect(await page.getByText('3 members present').count()).toBe(1);
    expect(await page.getByRole('tab').allTextContents()).toEqual(
      expect.arrayContaining(members.map((m) => expect.stringContaining(m.name))),
    );
    await checkAccessible(page);
  });

  test('writes the shared sections once and each member’s own sections', async () => {
    await field(page, 'content.group_session.group_topic').fill(topic);
    await page.getByRole('radio', { name: 'Skills group' }).check();
    await pickIntervention(
      page,
      field(page, 'content.group_interventions.interventions'),
      'DBT skills: distress tolerance',
    );
    await field(page, 'content.group_process.group_process').fill(
      'The group practised 5-4-3-2-1 grounding in pairs and shared when they could use it.',
    );
    await waitSaved(page);

    for (const m of members) {
      await page.getByRole('tab', { name: new RegExp(`^${m.name}`) }).click();
      const panel = page.getByRole('tabpanel');
      await panel.getByRole('heading', { name: 'Member participation' }).waitFor();
      // Times and the member as participant come from the session.
      expect(await field(panel, 'encounter.startTime').inputValue()).not.toBe('');
      await pickDiagnosis(panel, page, 'nf-encounter-diagnoses', m.search, m.code);
      await panel.getByTestId('diagnosis-row').filter({ hasText: m.code }).waitFor();
      await panel.getByRole('radio', { name: 'Active, contributed throughout' }).check();
      await field(panel, 'content.member_participation.participation').fill(
        `${m.first} practised grounding with a partner and named a situation to use it in.`,
      );
      await field(panel, 'content.member_response.response').fill(
        `${m.first} reported lower distress (from 7 to 4 of 10) after the exercise.`,
      );
      await field(panel, 'content.member_goal_progress.goal_progress').click(); // "Add goal"
      await panel.getByRole('textbox', { name: 'Goal 1' }).fill(m.goal);
      await panel.getByRole('combobox', { name: 'Progress' }).click();
      await page.getByRole('option', { name: 'Some progress', exact: true }).click();
      await field(panel, 'content.member_plan.plan').fill(
        `${m.first}: continue weekly group; practise grounding daily.`,
      );
      await waitSaved(page);
      // Nothing left for this member.
      await expect
        .poll(() => panel.getByRole('region', { name: `Required to sign for ${m.name}` }).textContent(), {
          timeout: 15_000,
        })
        .toContain('Everything required for this member is filled in.');
    }
    await expect.poll(() => page.getByText('All filled in.').count()).toBe(1);
    await page.getByRole('tab', { name: new RegExp(`^${members[0]!.name}`) }).click();
    await checkAccessible(page);
    await screenshot(page, 'notes-group-note');
  });

  test('signs all: each member has a signed note in their chart', async () => {
    await page.getByTestId('group-sign-all').click();
    const dialog = page.getByRole('dialog', { name: 'Sign the group note' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('each of the 3 members');
    await dialog.getByTestId('group-sign-attest').check();
    await dialog.getByTestId('group-sign-confirm').click();
    await page.getByTestId('group-signed').waitFor({ timeout: 30_000 });
    const rows = page.getByTestId('group-member-note');
    expect(await rows.count()).toBe(3);
    for (const r of await rows.all()) expect(await r.textContent()).toContain('Signed');
    await checkAccessible(page);
    await screenshot(page, 'notes-group-signed');

    // In the chart: the Notes tab lists the member's signed group note, which opens read-only.
    const shown = members[1]!;
    await page.goto(`${baseUrl}/patients/${shown.id}?tab=notes`);
    const row = page.getByTestId('chart-note-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Group therapy');
    expect(await row.locator('[data-note-status]').getAttribute('data-note-status')).toBe('signed');
    await row.getByRole('link', { name: 'Group therapy', exact: true }).click();
    await page.getByTestId('note-signatures').waitFor();
    // The shared sections are part of each member's note (written once, copied into every note).
    expect.soft(await page.getByText(topic).count(), 'the group topic in the member’s note').toBe(1);
    expect(
      await page
        .getByText(`${shown.first} reported lower distress (from 7 to 4 of 10) after the exercise.`)
        .count(),
    ).toBe(1);

    const groupNoteId = groupNotePath.split('/').pop()!;
    for (const m of members) {
      const list = await api<{ items: { id: string; status: string; templateName: string }[] }>(
        'GET',
        `/api/patients/${m.id}/notes`,
      );
      expect(list.items.map((n) => [n.templateName, n.status])).toEqual([['Group therapy', 'signed']]);
      const note = await api<NoteJson>('GET', `/api/notes/${list.items[0]!.id}`);
      expect(note.groupNoteId).toBe(groupNoteId);
      // The shared section was written once and is in every member's note; the member's own part is theirs alone.
      expect
        .soft(note.content.group_session?.group_topic, 'the group topic in the member’s note')
        .toBe(topic);
      expect(note.content.member_response?.response).toContain(`${m.first} reported lower distress`);
      for (const other of members.filter((o) => o !== m))
        expect(JSON.stringify(note.content)).not.toContain(`${other.first} reported`);
      expect(note.signatures.map((s) => [s.kind, s.signerName])).toEqual([
        ['author', `${facilitator.firstName} ${facilitator.lastName}`],
      ]);
    }
  });
});
