// `npm start`: install dependencies if needed, build the web apps if stale, then run the API server.
// The server (apps/api/src/main.ts) migrates, seeds and prints its URL itself; we only launch it.
// PORT, HEARTH_DATA_DIR and DATABASE_URL pass through in the environment untouched.
import { spawn } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureWebBuilt } from './lib/web-build.mjs';
import { ROOT, say, signalCode } from './lib/proc.mjs';
import { NODE_FLAGS } from './lib/hearth-server.mjs';

let code = await ensureDeps();
if (code === 0) code = await ensureWebBuilt();
if (code !== 0) process.exit(code);
// Imported after the dependency check: esbuild comes from node_modules.
const { buildApi } = await import('./build-api.mjs');
await buildApi();

say('Starting Hearth: node apps/api/dist/main.mjs');
// A smaller young generation keeps an idle server near 120 MB instead of 135 MB (docs/performance.md).
const child = spawn(process.execPath, [...NODE_FLAGS, 'apps/api/dist/main.mjs'], {
  cwd: ROOT,
  env: process.env,
  stdio: 'inherit',
});

// Forward termination signals so the server can shut down gracefully (close the database, drain
// requests). A terminal Ctrl-C also reaches the child directly; a second SIGINT is harmless.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  });
}
child.on('error', (err) => {
  console.error(`could not start the API: ${err.message}`);
  process.exit(1);
});
child.on('exit', (c, signal) => process.exit(c ?? signalCode(signal)));
