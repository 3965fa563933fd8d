import { generate } from 'otplib';
import { DEMO_STAFF, staffEmail } from '../seed/demo-data.js';
import { demoTotpSecret } from '../seed/seed-demo.js';

// `npm run demo:code -- admin@riverbend.example`: prints the current two-step code of a demo
// account, standing in for an authenticator app. The demo's secrets are derived from the e-mail
// (see seed-demo.ts), so this needs no database access and works while the server runs.
// Only the fictional demo accounts have such secrets; real accounts enrol with their own.
const email = (process.argv[2] ?? '').toLowerCase();
if (!DEMO_STAFF.some((s) => staffEmail(s) === email)) {
  process.stderr.write('Usage: npm run demo:code -- <demo e-mail>, e.g. admin@riverbend.example\n');
  process.exit(2);
}
process.stdout.write(`${await generate({ secret: demoTotpSecret(email) })}\n`);
