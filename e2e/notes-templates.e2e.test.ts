// Templates as data: the practice administrator duplicates the built-in BIRP progress note, adds a
// field in the editor, previews it and publishes the copy; then a therapist writes a note on the
// new template, sees the new field and answers it, and the note records the version it was written on.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser, screenshot } from './support/browser.js';
import { demoEmail, screenshotOnFailure, signIn } from './support/hearth.js';
import {
  checkAccessible,
  createPatient,
  editorReady,
  notesApi,
  runTag,
  startNoteWith,
  waitSaved,
} from './support/notes.js';

const baseUrl = inject('baseUrl');
const run = runTag();
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

const api = notesApi(() => page, baseUrl);

interface TemplateSummary {
  id: string;
  name: string;
  builtin: boolean;
  publishedVersion: number | null;
  draftVersion: number | null;
}

const copyName = `BIRP with sleep ${run}`;
const newField = 'Hours slept last night';
let copyId = '';

describe('a practice template made from a built-in one', () => {
  test('the admin duplicates the built-in BIRP template', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Note templates' })
      .click();
    await page.getByRole('heading', { name: 'Note templates', level: 1 }).waitFor();
    const row = page
      .getByTestId('template-row')
      .filter({ hasText: 'Progress note (BIRP)' })
      .filter({ hasText: 'Built-in' });
    await row.waitFor();
    await checkAccessible(page);
    await row.getByRole('button', { name: 'Duplicate Progress note (BIRP)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Duplicate template' });
    await dialog.getByTestId('duplicate-name').fill(copyName);
    await dialog.getByTestId('duplicate-submit').click();
    await page.waitForURL(/\/admin\/note-templates\/[0-9a-f-]{36}$/);
    copyId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: copyName, level: 1 }).waitFor();
    const copy = (await api<TemplateSummary[]>('GET', '/api/admin/note-templates')).find(
      (t) => t.id === copyId,
    )!;
    expect(copy).toMatchObject({ name: copyName, builtin: false, publishedVersion: null, draftVersion: 1 });
  });

  test('adds a field in the editor, previews it and publishes the template', async () => {
    const section = page.getByTestId('template-section').first();
    await section.getByTestId('section-title').waitFor();
    expect(await section.getByTestId('section-title').inputValue()).toBe('Behavior');
    await section.getByTestId('add-field').click();
    const added = section.getByRole('group', { name: /^Field: / }).last();
    await added.getByTestId('field-label').fill(newField);
    await added.getByTestId('field-type').click();
    await page.getByRole('option', { name: 'Number', exact: true }).click();
    await added
      .getByRole('textbox', { name: /^Help text/ })
      .fill('From the sleep diary, to the nearest half hour.');
    await added.getByRole('checkbox', { name: 'Required to sign' }).check();
    await added.getByRole('textbox', { name: /^Highest allowed/ }).fill('24');
    expect(await page.getByRole('group', { name: `Field: ${newField}` }).count()).toBe(1);
    await checkAccessible(page);
    await page.getByTestId('template-save').click();
    await expect.poll(() => page.getByTestId('template-save').textContent()).toBe('Draft saved');

    await page.getByTestId('template-preview-tab').click();
    const preview = page.getByTestId('template-preview');
    await preview.waitFor();
    const input = preview.getByRole('textbox', { name: new RegExp(`^${newField}`) });
    await input.waitFor();
    await input.fill('7.5');
    expect(await preview.getByText('From the sleep diary, to the nearest half hour.').count()).toBe(1);
    await input.scrollIntoViewIfNeeded();
    await checkAccessible(page);
    await screenshot(page, 'notes-template-preview', { fullPage: false });

    await page.getByTestId('template-publish').click();
    const publish = page.getByRole('dialog', { name: 'Publish version 1?' });
    await publish.getByTestId('publish-confirm').click();
    await publish.waitFor({ state: 'hidden' });
    await expect
      .poll(async () =>
        (await api<TemplateSummary[]>('GET', '/api/admin/note-templates')).find((t) => t.id === copyId),
      )
      .toMatchObject({ publishedVersion: 1, draftVersion: null });
  });
});

describe('a note on the new template', () => {
  beforeAll(async () => {
    await signIn(page, baseUrl, demoEmail('james'));
    api.forget();
  });

  test('the therapist writes a note on it and sees the new field', async () => {
    const patient = await createPatient(api, 'Ines', `Marchetti${run}`);
    await page.goto(`${baseUrl}/patients/${patient.id}?tab=notes`);
    await page.getByTestId('chart-new-note').click();
    const noteId = await startNoteWith(page, copyName);
    await editorReady(page);
    expect(await page.getByRole('heading', { name: copyName, level: 1 }).count()).toBe(1);
    const input = page.getByRole('textbox', { name: new RegExp(`^${newField}`) });
    await input.waitFor();
    // Required on the template, so listed before it is answered.
    await expect
      .poll(async () => (await page.getByTestId('required-checklist').textContent()) ?? '')
      .toContain(newField);
    await input.fill('6');
    await waitSaved(page);
    await expect
      .poll(async () => (await page.getByTestId('required-checklist').textContent()) ?? '')
      .not.toContain(newField);
    await checkAccessible(page);

    const note = await api<{
      templateId: string;
      templateVersion: number;
      templateName: string;
      content: Record<string, Record<string, unknown>>;
    }>('GET', `/api/notes/${noteId}`);
    expect(note).toMatchObject({ templateId: copyId, templateVersion: 1, templateName: copyName });
    expect(Object.values(note.content.behavior ?? {})).toContain(6);
  });
});
