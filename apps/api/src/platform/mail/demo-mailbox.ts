import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newId } from '../ids.js';

/**
 * The demo's local mailbox: a real SMTP server on loopback that stores each message as an
 * .eml file in <data>/mailbox. Hearth sends to it over SMTP like any other server, so a new
 * user can read the password-reset e-mail without configuring mail.
 */
export async function startDemoMailbox(dir: string, port: number): Promise<{ port: number; close(): Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}_${newId()}.eml`;
        writeFileSync(path.join(dir, name), Buffer.concat(chunks));
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const addr = server.server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : port,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  date: string;
  text: string;
  html: string | null;
}

export async function readMailbox(dir: string): Promise<MailboxMessage[]> {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  files.sort().reverse();
  const out: MailboxMessage[] = [];
  for (const f of files.slice(0, 100)) {
    const m = await simpleParser(readFileSync(path.join(dir, f)));
    const to = Array.isArray(m.to) ? m.to.map((a) => a.text).join(', ') : (m.to?.text ?? '');
    out.push({
      id: f.replace(/\.eml$/, ''),
      to,
      subject: m.subject ?? '',
      date: (m.date ?? new Date()).toISOString(),
      text: m.text ?? '',
      html: typeof m.html === 'string' ? m.html : null,
    });
  }
  return out;
}
