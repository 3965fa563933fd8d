// The documentation measurements over HTTP, against the notes from notes-data.ts, signed in as the
// clinician who wrote them (notes are clinical content: the front desk may not read them):
//   - opening a chart's notes: GET /api/patients/:id/notes (first page) for a patient with 500 signed notes
//   - reading the newest note:  GET /api/notes/:id (full note with signatures and addenda)
//   - full-text search:         POST /api/notes/search {"q": "<words>"} over the clinician's several thousand
//                               notes (the terms go in the body: they may hold PHI and never travel in a URL)
// Each is autocannon with 10 connections after a short warm-up.
import { rng } from './data.js';
import { measure, type Auth, type LoadResult, type Req } from './load.js';
import { SEARCH_WORDS, type NotesShape } from './notes-data.js';

export type NotesWorkload = 'list' | 'read' | 'search';

/**
 * What a clinician types into the note search box: one word (60 %), two words (30 %) or a word and a
 * prefix (10 %), weighted toward common clinical words like the generated text.
 */
export function noteSearchQueries(count: number, seed = 17): string[] {
  const r = rng(seed);
  const word = () => SEARCH_WORDS[Math.floor(Math.pow(r(), 1.4) * SEARCH_WORDS.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = r();
    if (k < 0.6) out.push(word());
    else if (k < 0.9) out.push(`${word()} ${word()}`);
    else out.push(`${word()} ${word().slice(0, 4)}`);
  }
  return out;
}

export function notesRequests(shape: NotesShape, seed = 31): Record<NotesWorkload, () => Req> {
  const r = rng(seed);
  const queries = noteSearchQueries(2000, seed);
  let qi = 0;
  const heavy = () => shape.heavy[Math.floor(r() * shape.heavy.length)]!;
  return {
    list: () => ({ method: 'GET', path: `/api/patients/${heavy().patientId}/notes` }),
    read: () => ({ method: 'GET', path: `/api/notes/${heavy().newestNoteId}` }),
    search: () => ({
      method: 'POST',
      path: '/api/notes/search',
      body: JSON.stringify({ q: queries[qi++ % queries.length]! }),
    }),
  };
}

async function call(url: string, auth: Auth, req: Req): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}${req.path}`, {
    method: req.method,
    body: req.body,
    headers: {
      cookie: auth.cookie,
      'x-csrf-token': auth.csrf,
      'content-type': 'application/json',
      accept: 'application/json',
    },
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* keep the text for the error message */
  }
  return { status: res.status, body };
}

type Page = { items?: { id: string; status?: string; serviceDate?: string }[]; total?: number };

/**
 * One request of each kind before measuring: the chart lists the patient's notes newest first and
 * counts all 500, the newest note opens with its signature, and search finds notes.
 */
export async function checkNotes(
  url: string,
  auth: Auth,
  shape: NotesShape,
): Promise<{ listed: number; total: number | null; searchTotal: number | null; searchHits: number }> {
  const h = shape.heavy[0]!;
  const list = await call(url, auth, { method: 'GET', path: `/api/patients/${h.patientId}/notes` });
  const page = list.body as Page;
  if (list.status !== 200 || !Array.isArray(page.items))
    throw new Error(`notes list check failed: ${list.status} ${JSON.stringify(list.body).slice(0, 500)}`);
  if (page.items[0]?.id !== h.newestNoteId)
    throw new Error(`the chart's first note is ${page.items[0]?.id}, expected the newest ${h.newestNoteId}`);
  if (typeof page.total === 'number' && page.total !== shape.notesPerHeavyPatient)
    throw new Error(`the chart counts ${page.total} notes, expected ${shape.notesPerHeavyPatient}`);
  const note = await call(url, auth, { method: 'GET', path: `/api/notes/${h.newestNoteId}` });
  const n = note.body as { status?: string; signatures?: unknown[]; content?: object };
  if (note.status !== 200 || n.status !== 'signed' || !n.signatures?.length || !n.content)
    throw new Error(`note read check failed: ${note.status} ${JSON.stringify(note.body).slice(0, 500)}`);
  const search = await call(url, auth, {
    method: 'POST',
    path: '/api/notes/search',
    body: JSON.stringify({ q: SEARCH_WORDS[0]! }),
  });
  const hits = search.body as Page;
  if (search.status !== 200 || !Array.isArray(hits.items) || hits.items.length === 0)
    throw new Error(
      `note search check failed: ${search.status} ${JSON.stringify(search.body).slice(0, 500)}`,
    );
  return {
    listed: page.items.length,
    total: page.total ?? null,
    searchTotal: hits.total ?? null,
    searchHits: hits.items.length,
  };
}

export async function measureNotes(
  url: string,
  auth: Auth,
  shape: NotesShape,
  which: NotesWorkload,
  seconds: number,
  warmSeconds: number,
): Promise<LoadResult> {
  const seed = { list: 41, read: 42, search: 43 }[which];
  await measure({
    url,
    auth,
    connections: 10,
    seconds: warmSeconds,
    next: notesRequests(shape, seed)[which],
  });
  return measure({ url, auth, connections: 10, seconds, next: notesRequests(shape, seed + 100)[which] });
}
