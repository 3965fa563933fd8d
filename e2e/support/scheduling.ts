// Helpers for the scheduling journeys: the API as the signed-in page, and local wall-clock dates.
import type { Page } from 'playwright-core';

/**
 * Calls the API with the page's session cookie and CSRF token, for setting up a journey and for
 * checking what it saved. `forget()` drops the token after signing in as someone else.
 */
export function pageApi(getPage: () => Page, baseUrl: string) {
  let csrf = '';
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const page = getPage();
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
  return Object.assign(call, { forget: () => void (csrf = '') });
}

/** The local date and time of an instant in a zone, 'YYYY-MM-DDTHH:MM'. */
export function localOf(instant: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
/** The RRULE weekday code (MO, TU, ...) of a local date. */
export const weekdayCode = (date: string) => DAY_CODES[new Date(`${date}T00:00:00Z`).getUTCDay()]!;

/** 'HH:MM' plus some minutes, on the same day. */
export function plusMinutes(time: string, minutes: number): string {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
