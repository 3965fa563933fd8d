import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface SinkMessage {
  /** Envelope recipients (RCPT TO), lower-cased. */
  rcptTo: string[];
  mailFrom: string;
  subject: string;
  text: string;
  raw: ParsedMail;
}

export interface SmtpSink {
  port: number;
  url: string;
  messages: SinkMessage[];
  /** Waits until a message matching `pred` arrives (or throws after timeoutMs). */
  waitFor(pred: (m: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
  /** Messages to one address. */
  to(address: string): SinkMessage[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback (random port) that keeps every message it receives, parsed.
 * Tests send through the production mailer (nodemailer over SMTP) and read what arrived here.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks))
          .then((m) => {
            messages.push({
              rcptTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: m.subject ?? '',
              text: m.text ?? '',
              raw: m,
            });
            cb();
          })
          .catch((e: Error) => cb(e));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => m.rcptTo.includes(address.toLowerCase())),
    async waitFor(pred, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const m = messages.find(pred);
        if (m) return m;
        if (Date.now() > until) throw new Error(`no matching e-mail within ${timeoutMs} ms (${messages.length} received)`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
