// Build the two web apps (clinician, portal) only when their output is missing or older than their
// inputs: `npm start` stays fast on the second run, yet never serves a stale bundle after a pull.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, run, say } from './proc.mjs';

export const WEB_APPS = [
  { dir: 'apps/clinician', workspace: '@hearth/clinician' },
  { dir: 'apps/portal', workspace: '@hearth/portal' },
];

// What a web app's bundle is built from: its own files plus the shared packages it imports.
const inputsOf = (dir) => [
  path.join(dir, 'src'),
  path.join(dir, 'public'),
  path.join(dir, 'index.html'),
  path.join(dir, 'vite.config.ts'),
  path.join(dir, 'package.json'),
  'packages/ui/src',
  'packages/contracts/src',
  'packages/content/src',
  'package-lock.json',
];

/** Newest mtime of a file or of any file under a directory (0 if it does not exist). */
function newest(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(p)) {
    if (e === 'node_modules' || e === 'dist') continue;
    max = Math.max(max, newest(path.join(p, e)));
  }
  return max;
}

/** Why `dir` needs a build, or null. dist/index.html is the marker: vite writes it on every build. */
export function webBuildReason(dir, root = ROOT) {
  const out = newest(path.join(root, dir, 'dist', 'index.html'));
  if (!out) return `${dir}/dist is missing`;
  const src = Math.max(...inputsOf(dir).map((p) => newest(path.join(root, p))));
  return src > out ? `${dir} sources changed since the last build` : null;
}

/** Build both apps if either is stale (one npm command; vite builds take ~2 s each). Returns exit code. */
export async function ensureWebBuilt(root = ROOT) {
  const reasons = WEB_APPS.map((a) => webBuildReason(a.dir, root)).filter(Boolean);
  if (reasons.length === 0) return 0;
  const args = ['run', 'build', ...WEB_APPS.flatMap((a) => ['-w', a.workspace])];
  say(`Building web apps (${reasons.join('; ')}): npm ${args.join(' ')}`);
  return run('npm', args, { cwd: root });
}
