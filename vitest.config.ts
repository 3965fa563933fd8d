// Three test sizes, run separately by scripts/test.mjs (`vitest run --project <name>`):
//   unit  pure code beside the source, milliseconds each
//   int   use cases and routes on a fresh database per file (PGlite, then PostgreSQL via TEST_DATABASE_URL)
//   e2e   Playwright journeys in Debian Chromium against a real server
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Global setup files are written by the teams owning the harnesses; only reference them once they exist,
// otherwise vitest fails to start.
const ifExists = (rel: string): string[] => {
  const abs = fileURLToPath(new URL(rel, import.meta.url));
  return existsSync(abs) ? [abs] : [];
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.int.test.ts'],
          environment: 'node',
          // Distinct group orders: vitest refuses to mix projects with different worker limits in one
          // group when all projects run together (`npx vitest run`).
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'int',
          include: ['apps/*/src/**/*.int.test.ts', 'apps/*/test/**/*.int.test.ts'],
          environment: 'node',
          // A database starts per file (PGlite initdb takes seconds): generous timeouts.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Separate processes isolate PGlite's WASM memory; 2 workers match the 2-core machines.
          pool: 'forks',
          maxWorkers: 2,
          globalSetup: ifExists('apps/api/test/global-setup.ts'),
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One browser suite at a time: browsers and servers are heavy on 2 cores.
          fileParallelism: false,
          globalSetup: ifExists('e2e/global-setup.ts'),
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
