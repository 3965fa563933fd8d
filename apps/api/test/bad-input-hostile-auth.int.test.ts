// Hostile strings (security-and-reliability Part B) in sign-in, MFA, password reset and password change,
// and in the query strings of the search routes: always a clean answer, never a 5xx or an echo.
import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS, expectProblem, hostileSuite, lightSnapshot, expectUnchanged, send } from './bad-input-payloads.js';

/** encodeURIComponent, except that lone surrogates become their (invalid) 3-byte UTF-8 form, as a raw client could send. */
const encodeQuery = (v: string) =>
  [...v]
    .map((ch) => {
      const cu = ch.charCodeAt(0);
      if (ch.length === 1 && cu >= 0xd800 && cu <= 0xdfff) return [0xe0 | (cu >> 12), 0x80 | ((cu >> 6) & 0x3f), 0x80 | (cu & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      return encodeURIComponent(ch);
    })
    .join('');

describe('hostile strings in sign-in, MFA and passwords, and in search query strings', () => {
  hostileSuite(
    [
      'POST /api/auth/sign-in', 'POST /api/auth/mfa/verify', 'POST /api/auth/mfa/enroll/confirm', 'POST /api/auth/password-reset/request',
      'POST /api/auth/password-reset/complete', 'POST /api/auth/change-password',
    ],
    (world) => {
      const SEARCHES: { route: string; params: string[]; who: 'frontDesk' | 'admin' }[] = [
        { route: '/api/patients', params: ['q', 'phone', 'mrn', 'dob', 'status'], who: 'frontDesk' },
        { route: '/api/staff', params: ['q', 'role', 'active'], who: 'admin' },
        { route: '/api/admin/audit', params: ['action', 'actorId', 'from', 'outcome'], who: 'admin' },
        { route: '/api/admin/audit/export.csv', params: ['action'], who: 'admin' },
      ];
      it.each(SEARCHES)('$route: hostile query parameters are data or a 400, never a 5xx', async ({ route, params, who }) => {
        const w = world();
        for (const param of params) {
          for (const p of HOSTILE_STRINGS) {
            const url = `${route}?${param}=${encodeQuery(p.value)}`;
            const before = await lightSnapshot(w);
            const res = await send(w, w[who], 'GET', url);
            if (res.statusCode === 200) {
              if (route.endsWith('.csv')) expect(String(res.headers['content-type'])).toMatch(/^text\/csv/);
              else expect(res.json().items, url).toBeInstanceOf(Array);
            } else {
              expectProblem(res, `${route} ${param}=${p.name}`, p.value);
              expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(400);
              expectUnchanged(before, await lightSnapshot(w), 'strict', url);
            }
          }
        }
      });
    },
  );
});
