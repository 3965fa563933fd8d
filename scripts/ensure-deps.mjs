// Install npm dependencies when they are missing or stale, so `npm start` / `npm test` work on a fresh
// clone and after a `git pull` that changed package-lock.json. Importable (ensureDeps) and runnable.
//
// Staleness test: npm writes node_modules/.package-lock.json (the "hidden lockfile") on every install,
// so if package-lock.json is newer than it, someone changed the lock since our last install.
import { spawn } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { ROOT, isMain, run, say } from './lib/proc.mjs';

const mtime = (p) => {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return null;
  }
};

/** Why an install is needed, or null when node_modules is up to date. */
export function depsStaleReason(root = ROOT) {
  const hidden = mtime(path.join(root, 'node_modules', '.package-lock.json'));
  if (mtime(path.join(root, 'node_modules')) === null) return 'node_modules is missing';
  if (hidden === null) return 'node_modules/.package-lock.json is missing';
  const lock = mtime(path.join(root, 'package-lock.json'));
  if (lock !== null && lock > hidden) return 'package-lock.json is newer than node_modules';
  return null;
}

/** `npm ci`, teeing stderr so we can tell a lock/package.json mismatch from other failures. */
function npmCi(root) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: root,
      stdio: ['inherit', 'inherit', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      process.stderr.write(d);
      err += d;
    });
    child.on('error', (e) => resolve({ code: 127, err: e.message }));
    child.on('exit', (code) => resolve({ code: code ?? 1, err }));
  });
}

/** Ensure node_modules matches package-lock.json. Returns 0 on success, else npm's exit code. */
export async function ensureDeps(root = ROOT) {
  const reason = depsStaleReason(root);
  if (!reason) return 0;
  say(`Installing dependencies (${reason}): npm ci --no-audit --no-fund`);
  let { code, err } = await npmCi(root);
  // npm ci refuses (EUSAGE) when package.json and package-lock.json disagree, e.g. a dependency was
  // added to package.json without re-locking. `npm install` repairs the lock in that case.
  if (code !== 0 && /EUSAGE|in sync|lock file/i.test(err)) {
    say(
      'package.json and package-lock.json are out of sync; falling back to: npm install --no-audit --no-fund',
    );
    code = await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: root });
  }
  if (code !== 0) {
    console.error(`Dependency installation failed (exit ${code}).`);
    return code;
  }
  // `npm install` may rewrite package-lock.json after the hidden lockfile; touch the hidden lockfile so
  // the next run does not reinstall for nothing.
  const now = new Date();
  try {
    utimesSync(path.join(root, 'node_modules', '.package-lock.json'), now, now);
  } catch {
    /* no hidden lockfile (no dependencies at all): nothing to mark */
  }
  return 0;
}

if (isMain(import.meta.url)) {
  const code = await ensureDeps();
  if (code === 0) console.log('Dependencies are up to date.');
  process.exit(code);
}
