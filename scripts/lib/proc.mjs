// Small process helpers shared by the root scripts.
// Plain Node built-ins only: these run on a fresh clone before `npm ci` has installed anything.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import os from 'node:os';

/** Absolute path of the repository root (scripts/lib/ -> ../..), so scripts work from any cwd. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Path of a locally installed CLI. We call node_modules/.bin directly rather than `npx` so a missing
 *  dependency fails loudly instead of npx quietly downloading some other version. */
export const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

/** Print a step header so long runs are easy to follow. */
export const say = (msg) => console.log(`\n\x1b[1m> ${msg}\x1b[0m`);

/**
 * Run a command with inherited stdio; resolves to its exit code (never rejects on non-zero exit).
 * A child killed by a signal resolves to 128 + signal number, like a shell.
 * `onSpawn` receives the ChildProcess so callers can kill it from a signal handler.
 */
export function run(cmd, args, { env = process.env, cwd = ROOT, onSpawn } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: 'inherit' });
    onSpawn?.(child);
    child.on('error', (err) => {
      console.error(`failed to start ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? signalCode(signal)));
  });
}

export function signalCode(signal) {
  if (!signal) return 1;
  return 128 + (os.constants.signals[signal] ?? 0);
}

/** True when this module is the script Node was started with (for "importable + runnable" files). */
export const isMain = (metaUrl) =>
  !!process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(metaUrl);
