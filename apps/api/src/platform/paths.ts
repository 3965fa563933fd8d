import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The API package's directory (apps/api), found by walking up from this module, so paths hold
 * both when running the TypeScript sources and the bundle in apps/api/dist.
 */
export function apiDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'migrations')) && existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('Cannot find the API package directory (apps/api with migrations/)');
}

/** The repository root (two levels above apps/api). */
export const repoRoot = () => path.resolve(apiDir(), '../..');
