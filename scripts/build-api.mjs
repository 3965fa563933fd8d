// Bundles the API server into apps/api/dist/main.mjs for `npm start`. Running plain JavaScript
// instead of TypeScript through a loader saves start-up time and about 35 MB of memory.
// Our own workspace packages (TypeScript sources) are bundled in; npm dependencies stay external.
import { build } from 'esbuild';
import path from 'node:path';
import { ROOT, say } from './lib/proc.mjs';

export async function buildApi(root = ROOT) {
  const started = Date.now();
  await build({
    entryPoints: [path.join(root, 'apps/api/src/main.ts')],
    outfile: path.join(root, 'apps/api/dist/main.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-npm-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@hearth/') ? undefined : { path: args.path, external: true }));
        },
      },
    ],
  });
  say(`API bundled in ${Date.now() - started} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildApi();
