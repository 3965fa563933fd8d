import path from 'node:path';
import { repoRoot } from './platform/paths.js';
import { loadConfig, ConfigError } from './config.js';
import { createLogger } from './platform/logger.js';
import { openDb } from './platform/db/open-db.js';
import { migrate, MigrationChecksumError } from './platform/db/migrate.js';
import { systemClock } from './platform/clock.js';
import { startWorker } from './platform/jobs/worker.js';
import { smtpMailer } from './platform/mail/mailer.js';
import type { startDemoMailbox } from './platform/mail/demo-mailbox.js';
import { jobHandlers } from './jobs.js';
import { startAuditSealer } from './platform/audit/seal.js';
import { startHorizonExtender } from './modules/scheduling/extend-horizons.js';
import { smsProviderFor, startReminderDispatcher } from './modules/reminders/index.js';
import { buildApp } from './app.js';
import { syncBuiltinContent } from './modules/documentation/sync-builtin-content.js';
import { collectWhenIdle } from './platform/idle-gc.js';
import { seedDemoIfEmpty, DEMO_SIGN_INS } from './seed/seed-demo.js';
import { DEMO_PASSWORD } from './seed/demo-data.js';

const root = repoRoot();

// Composition root: config -> database -> migrations -> seed -> app -> listen.
async function main() {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, poolSize: config.DATABASE_POOL_SIZE });
  const applied = await migrate(db);
  if (applied.length) log.info({ migrations: applied }, 'migrations applied');
  // Built-in note templates and ICD-10-CM codes, loaded once per content release.
  await syncBuiltinContent(db, log);
  const seeded = config.SEED_DEMO ? await seedDemoIfEmpty(db, systemClock, { demoMfa: config.DEMO_MFA }) : false;

  const mailboxDir = path.join(config.dataDir, 'mailbox');
  let mailbox: Awaited<ReturnType<typeof startDemoMailbox>> | null = null;
  let smtpUrl = config.SMTP_URL;
  if (config.demoMailbox) {
    // Loaded only for the demo: the SMTP server and mail parser are not needed in production.
    const { startDemoMailbox } = await import('./platform/mail/demo-mailbox.js');
    mailbox = await startDemoMailbox(mailboxDir, config.DEMO_MAILBOX_PORT);
    smtpUrl = `smtp://127.0.0.1:${mailbox.port}`;
  }
  const deps = { db, clock: systemClock, config, log };
  const mailer = smtpMailer(smtpUrl!, config.MAIL_FROM);
  const sms = smsProviderFor(config, db);
  const worker = config.RUN_JOBS ? startWorker(db, jobHandlers({ mailer, reminders: { db, clock: systemClock, config, sms } }), log, config.JOBS_POLL_MS) : null;
  // Due appointment reminders are queued every minute (safe in several processes: see dispatch-due.ts).
  const reminders = config.RUN_JOBS ? startReminderDispatcher(deps, config.REMINDERS_INTERVAL_MS) : null;
  const sealer = startAuditSealer(db, (e) => log.error({ err: { type: (e as Error).name } }, 'audit sealing failed'));
  // Open-ended series keep a rolling horizon of occurrences (checked now, then hourly).
  const stopHorizons = config.RUN_JOBS ? startHorizonExtender(deps) : null;
  const app = await buildApp(deps, {
    webDist: {
      clinician: config.WEB_DIST_DIR ? path.join(config.WEB_DIST_DIR, 'clinician') : path.join(root, 'apps/clinician/dist'),
      portal: config.WEB_DIST_DIR ? path.join(config.WEB_DIST_DIR, 'portal') : path.join(root, 'apps/portal/dist'),
    },
    mailboxDir: config.demoMailbox ? mailboxDir : undefined,
  });
  collectWhenIdle(app);
  await app.listen({ port: config.PORT, host: config.HOST });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
  const url = config.PUBLIC_URL ?? `http://localhost:${port}`;
  const lines = [
    '',
    `Hearth is running at ${url}`,
    `  database: ${db.kind === 'pglite' ? `embedded PostgreSQL in ${path.join(config.dataDir, 'pg')}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.demoMailbox) lines.push(`  mailbox:  ${url}/mailbox (demo e-mail, also saved in ${mailboxDir})`);
  if (config.SEED_DEMO) {
    lines.push(seeded ? '  demo practice "Riverbend Behavioral Health" created.' : '  demo practice already present (not reseeded).');
    lines.push(`  demo sign-ins, password ${DEMO_PASSWORD} (fictional demo data only):`);
    const mfaNote = (email: string) =>
      config.DEMO_MFA === 'preenrolled' ? `  (two-step code: npm run demo:code -- ${email})` : '  (sets up two-step verification at first sign-in)';
    for (const s of DEMO_SIGN_INS) lines.push(`    ${s.role.padEnd(22)} ${s.email}${s.mfa ? mfaNote(s.email) : ''}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.close();
    await reminders?.stop();
    await worker?.stop();
    stopHorizons?.();
    await sealer.stop();
    await mailbox?.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof MigrationChecksumError) {
    process.stderr.write(`${e.message}\n`);
  } else {
    process.stderr.write(`Hearth failed to start: ${e instanceof Error ? `${e.name}: ${e.message}` : 'unknown error'}\n`);
  }
  process.exit(1);
});
