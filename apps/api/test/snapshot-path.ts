import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { BUILTIN_TEMPLATES_RELEASE, ICD10CM_RELEASE } from '@hearth/content';
import { readMigrations } from '../src/platform/db/migrate.js';

/** The snapshot is keyed by the migrations' checksums and the built-in content releases, so a change makes a new one. */
export function snapshotPath(): string {
  const h = createHash('sha256');
  for (const m of readMigrations()) h.update(m.checksum);
  h.update(`${BUILTIN_TEMPLATES_RELEASE}|${ICD10CM_RELEASE.name}`);
  return path.join(os.tmpdir(), `hearth-pglite-${h.digest('hex').slice(0, 16)}.tar.gz`);
}
