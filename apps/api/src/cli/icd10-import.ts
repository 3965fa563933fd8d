import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openFromEnv } from './open-from-env.js';
import { DomainError } from '../platform/errors.js';
import { importIcd10Release } from '../modules/documentation/import-icd10.js';

// `npm run icd10:import -- <file> [--effective YYYY-MM-DD] [--release NAME]`: loads a CMS ICD-10-CM
// release file (icd10cm_order_YYYY.txt or icd10cm_codes_YYYY.txt) into the database the server uses.
// Without --effective, the fiscal year in the file name gives it: FY2027 takes effect 2026-10-01.
const usage = 'Usage: npm run icd10:import -- <icd10cm_order_YYYY.txt | icd10cm_codes_YYYY.txt> [--effective YYYY-MM-DD] [--release NAME]\n';

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { effective: { type: 'string' }, release: { type: 'string' } } });
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const given = args.positionals[0];
if (!given || args.positionals.length > 1) {
  process.stderr.write(usage);
  process.exit(2);
}
// npm runs scripts from the repository root; a relative path means the directory npm was started in.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
const year = /(20\d\d)/.exec(path.basename(file))?.[1];
const effectiveFrom = args.values.effective ?? (year ? `${Number(year) - 1}-10-01` : undefined);
if (!effectiveFrom) {
  process.stderr.write(`The file name carries no fiscal year: pass --effective YYYY-MM-DD.\n${usage}`);
  process.exit(2);
}
const release = args.values.release ?? (year ? `ICD-10-CM FY${year}` : path.basename(file));

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  process.stderr.write(`Cannot read ${given}: ${(e as NodeJS.ErrnoException).code ?? 'error'}\n`);
  process.exit(1);
}

const { db } = await openFromEnv();
try {
  const r = await importIcd10Release(db, text, { effectiveFrom, release });
  process.stdout.write(`Loaded ${release} (${r.format} file, effective ${effectiveFrom}): ${r.added} added, ${r.updated} updated, ${r.retired} retired.\n`);
} catch (e) {
  if (!(e instanceof DomainError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
