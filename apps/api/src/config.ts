import { z } from 'zod';
import path from 'node:path';

// Every setting comes from the environment, parsed once at boot. A bad value stops the
// server with a list of every variable that is wrong, rather than failing later.
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  HEARTH_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: bool.optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  RATE_LIMIT_SIGNIN_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Hearth <no-reply@hearth.local>'),
  DEMO_MAILBOX: bool.optional(),
  DEMO_MAILBOX_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  SEED_DEMO: bool.optional(),
  DEMO_MFA: z.enum(['enforce', 'preenrolled']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOBS_POLL_MS: z.coerce.number().int().min(10).default(1000),
  RUN_JOBS: bool.default(true),
  WEB_DIST_DIR: z.string().optional(),
  // Appointment reminders: how often the dispatcher looks for due reminders, the key that signs
  // confirm/cancel links (default: generated once and kept in the database), and the SMS provider.
  REMINDERS_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  HEARTH_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMS_PROVIDER: z.enum(['sandbox', 'twilio']).default('sandbox'),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio Account SID (AC followed by 32 hex digits)').optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM: z.string().regex(/^(\+[1-9][0-9]{6,14}|MG[0-9a-fA-F]{32})$/, 'must be an E.164 number such as +15551234567 or a Messaging Service SID').optional(),
  TWILIO_BASE_URL: z.string().url().default('https://api.twilio.com'),
}).superRefine((c, ctx) => {
  if (c.SMS_PROVIDER !== 'twilio') return;
  for (const k of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const) {
    if (!c[k]) ctx.addIssue({ code: 'custom', path: [k], message: 'is required when SMS_PROVIDER=twilio' });
  }
});

export type Config = Omit<z.infer<typeof ZConfig>, 'DEMO_MFA' | 'SEED_DEMO'> & {
  /** Seed the fictional demo practice into an empty database (default: on, except in production). */
  SEED_DEMO: boolean;
  /** preenrolled: demo admin and prescribers get known TOTP secrets; enforce: they enrol at first sign-in. */
  DEMO_MFA: 'enforce' | 'preenrolled';
  dataDir: string;
  cookieSecure: boolean;
  demoMailbox: boolean;
  publicUrl: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicUrl = c.PUBLIC_URL ?? `http://localhost:${c.PORT}`;
  return {
    ...c,
    // In production nobody is pre-enrolled: the demo admin must set up two-step verification.
    SEED_DEMO: c.SEED_DEMO ?? c.NODE_ENV !== 'production',
    DEMO_MFA: c.DEMO_MFA ?? (c.NODE_ENV === 'production' ? 'enforce' : 'preenrolled'),
    dataDir: path.resolve(c.HEARTH_DATA_DIR),
    cookieSecure: c.COOKIE_SECURE ?? publicUrl.startsWith('https:'),
    // Without a real SMTP server, mail goes to a local mailbox in the data directory.
    demoMailbox: c.DEMO_MAILBOX ?? !c.SMTP_URL,
    publicUrl,
  };
}
