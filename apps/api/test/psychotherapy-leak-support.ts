import { inflateSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { mintApiToken } from '../src/platform/auth/api-tokens.js';
import { newId } from '../src/platform/ids.js';
import type { TestApp } from './harness.js';

// Helpers of the psychotherapy-note tests: a token holding every permission, and the readable text
// of any response (PDF content streams decoded), to search it for a planted marker.

/**
 * A bearer token of a new service account, holding every permission in the database (more than an
 * admin may grant through the API, which is the point: even such a token must not reach the notes).
 */
export async function anAllPowerfulToken(t: TestApp, createdBy: string): Promise<string> {
  const userId = newId();
  await t.db.query(`INSERT INTO users(id, kind, first_name, last_name) VALUES ($1, 'service', 'Everything integration', 'service account')`, [userId]);
  const m = mintApiToken();
  await t.db.query(
    `INSERT INTO api_tokens(id, user_id, name, prefix, token_hash, scopes, expires_at, created_by)
     VALUES ($1, $2, 'every permission', $3, $4, (SELECT array_agg(key ORDER BY key) FROM permissions), $5, $6)`,
    [newId(), userId, m.prefix, m.hash, new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString(), createdBy],
  );
  return m.token;
}

/** The text of a PDF string operand: a literal "(...)" with its escapes, or hex "<...>". */
function pdfStrings(content: string): string {
  const out: string[] = [];
  const re = /\((?:\\.|[^\\)])*\)|<([0-9A-Fa-f\s]+)>/g;
  for (let m = re.exec(content); m; m = re.exec(content)) {
    if (m[1] !== undefined) {
      const hex = m[1].replace(/\s+/g, '');
      let s = '';
      for (let i = 0; i + 1 < hex.length; i += 2) s += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
      out.push(s);
    } else {
      out.push(
        m[0].slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_x, e: string) =>
          /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e,
        ),
      );
    }
  }
  // Concatenated without separators: a word split across text operators (kerning) reads whole.
  return out.join('');
}

/**
 * The text a PDF shows, for PDFs written with standard fonts (as pdfkit does): every stream inflated
 * where compressed, and the string operands of its text operators decoded and joined.
 */
export function pdfText(buf: Buffer): string {
  const raw = buf.toString('latin1');
  const parts: string[] = [pdfStrings(raw)];
  let at = 0;
  for (;;) {
    const s = raw.indexOf('stream', at);
    if (s < 0) break;
    const dataStart = raw[s + 6] === '\r' && raw[s + 7] === '\n' ? s + 8 : s + 7;
    const e = raw.indexOf('endstream', dataStart);
    if (e < 0) break;
    const data = buf.subarray(dataStart, e);
    let text: string;
    try {
      text = inflateSync(data).toString('latin1');
    } catch {
      text = data.toString('latin1');
    }
    parts.push(text, pdfStrings(text));
    at = e + 9;
  }
  return parts.join('\n');
}

/** Everything a response says, in text: the body as sent, plus the decoded text when it is a PDF. */
export function responseText(res: LightMyRequestResponse): string {
  const buf = res.rawPayload;
  const type = String(res.headers['content-type'] ?? '');
  const head = `${JSON.stringify(res.headers)}\n`;
  if (type.includes('pdf') || buf.subarray(0, 5).toString('latin1') === '%PDF-') return head + buf.toString('latin1') + pdfText(buf);
  return head + buf.toString('utf8');
}
