// `npm run dev`: the API in watch mode plus a Vite dev server per web app, all at once.
//   api        tsx watch apps/api/src/main.ts   (WEB_DEV=1: the API leaves web assets to Vite)
//   clinician  vite on http://localhost:5173    (its vite.config proxies /api to localhost:3000)
//   portal     vite on http://localhost:5174
// Output lines are prefixed with the process name. When any process exits, or on Ctrl-C, all stop.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { ensureDeps } from './ensure-deps.mjs';
import { ROOT, bin, signalCode } from './lib/proc.mjs';

const depsCode = await ensureDeps();
if (depsCode !== 0) process.exit(depsCode);

// Children write to pipes, not the terminal; keep their colours when we are on a terminal.
const env = { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };
const procs = [
  {
    name: 'api',
    color: 36,
    cmd: bin('tsx'),
    args: ['watch', 'apps/api/src/main.ts'],
    cwd: ROOT,
    env: { ...env, WEB_DEV: '1' },
  },
  {
    name: 'clinician',
    color: 35,
    cmd: bin('vite'),
    args: ['--port', '5173', '--strictPort'],
    cwd: path.join(ROOT, 'apps/clinician'),
    env,
  },
  {
    name: 'portal',
    color: 33,
    cmd: bin('vite'),
    args: ['--port', '5174', '--strictPort'],
    cwd: path.join(ROOT, 'apps/portal'),
    env,
  },
];
const width = Math.max(...procs.map((p) => p.name.length));

let stopping = false;
let exitCode = 0;
const children = procs.map((p) => {
  // detached: each child leads its own process group, so Ctrl-C reaches only us (we stop them in order)
  // and the 'exit' handler can sweep grandchildren (tsx watch runs the server in a grandchild process).
  const child = spawn(p.cmd, p.args, {
    cwd: p.cwd,
    env: p.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = `\x1b[${p.color}m${p.name.padEnd(width)} |\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    readline
      .createInterface({ input: stream })
      .on('line', (line) => process.stdout.write(prefix + line + '\n'));
  }
  child.on('error', (err) => {
    console.error(`${prefix}failed to start: ${err.message}`);
    stopAll(1);
  });
  child.on('exit', (code, signal) => {
    child.done = true;
    if (!stopping) console.log(`${prefix}exited (${signal ?? code}); stopping the others`);
    stopAll(code ?? signalCode(signal));
  });
  return child;
});

function stopAll(code) {
  if (!stopping) {
    exitCode = code;
    // Give everyone 5 s to shut down cleanly, then force it (the 'exit' handler sends SIGKILL).
    setTimeout(() => process.exit(exitCode), 5000).unref();
  }
  stopping = true;
  for (const c of children) {
    if (c.done || !c.pid) continue;
    try {
      // The leader only: tsx watch and vite stop their own children cleanly; the 'exit' handler below
      // sweeps each whole group afterwards in case anything lingers.
      process.kill(c.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  if (children.every((c) => c.done || !c.pid)) process.exit(exitCode);
}

// Ctrl-C reaches only us (children are in their own groups): stop everyone, exit 0.
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
// Last resort: SIGKILL whatever is left in each child's process group (a hung shutdown, or a grandchild
// that outlived its parent). Groups that are already empty just throw ESRCH.
process.on('exit', () => {
  for (const c of children) {
    try {
      if (c.pid) process.kill(-c.pid, 'SIGKILL');
    } catch {
      /* group already gone */
    }
  }
});
