import { inflateSync } from 'node:zlib';
import { testApp, type TestApp } from './harness.js';

/** The real app on a fresh database (the queue, search, PDF and group-note tests). */
export const notesExtraApp = (opts: { now?: Date } = {}): Promise<TestApp> => testApp(opts);

// ---- Reading PDFs in tests: enough of the format to count pages and find the text drawn ----

/** The decoded content of every stream (FlateDecode inflated). */
function streams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const s = pdf.toString('latin1');
  const re = /<<([^]*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    if (end < 0) break;
    let data = pdf.subarray(start, end);
    // The stream data ends with an end-of-line before "endstream".
    if (data.at(-1) === 0x0a) data = data.subarray(0, -1);
    if (data.at(-1) === 0x0d) data = data.subarray(0, -1);
    out.push(/\/FlateDecode/.test(m[1]!) ? inflateSync(data) : data);
    re.lastIndex = end;
  }
  return out;
}

const CP1252: Record<number, string> = { 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x80: '€', 0x85: '…' };

/** Hex string of the standard fonts (WinAnsi) as text. */
const decodeHex = (hex: string) => [...Buffer.from(hex, 'hex')].map((b) => CP1252[b] ?? String.fromCharCode(b)).join('');

/** Each text-showing operation's string, in drawing order (kerning pieces of one TJ joined). */
export function pdfTextRuns(pdf: Buffer): string[] {
  const runs: string[] = [];
  for (const st of streams(pdf)) {
    const s = st.toString('latin1');
    for (const m of s.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (m[1] !== undefined) runs.push([...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => decodeHex(x[1]!)).join(''));
      else runs.push(decodeHex(m[2]!));
    }
  }
  return runs;
}

/** All the text drawn, runs joined by newlines (a wrapped paragraph is several runs). */
export const pdfText = (pdf: Buffer): string => pdfTextRuns(pdf).join('\n');

export const pdfPageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
