import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, launchHearth } from '../../scripts/lib/hearth-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the real server as `npm start` does (bundled API, embedded database, demo practice). */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-'));
  const server = await launchHearth({
    port,
    env: {
      NODE_ENV: 'development',
      HEARTH_DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      DEMO_MFA: 'preenrolled',
      JOBS_POLL_MS: '200',
      // Links in e-mails (password reset, invitation) point at this server.
      PUBLIC_URL: url,
      ...env,
    },
    timeoutMs: 90_000,
  });
  return {
    url,
    dataDir,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
