// Bulk generation of a large practice (staff, patients, contacts, coverage, care teams) with
// set-based SQL (generate_series), so 100,000 patients load in seconds on PostgreSQL and PGlite.
// Ids are built from a row number so the load generator knows every patient id without a query.
import type { Db } from '../../apps/api/src/platform/db/db.js';
import { normaliseForSearch } from '../../apps/api/src/modules/patients/domain/patient-rules.js';

// Common US given names and surnames (plus some with accents, to exercise accent-stripping).
// Order matters: earlier names are picked more often (a skewed, roughly Zipf-like spread).
export const FIRST = [
  'James',
  'Mary',
  'Michael',
  'Patricia',
  'John',
  'Jennifer',
  'Robert',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Karen',
  'Christopher',
  'Sarah',
  'Charles',
  'Lisa',
  'Daniel',
  'Nancy',
  'Matthew',
  'Sandra',
  'Anthony',
  'Betty',
  'Mark',
  'Ashley',
  'Donald',
  'Emily',
  'Steven',
  'Kimberly',
  'Andrew',
  'Margaret',
  'Paul',
  'Donna',
  'Joshua',
  'Michelle',
  'Kenneth',
  'Carol',
  'Kevin',
  'Amanda',
  'Brian',
  'Melissa',
  'Timothy',
  'Deborah',
  'Ronald',
  'Stephanie',
  'George',
  'Rebecca',
  'Jason',
  'Sharon',
  'Edward',
  'Laura',
  'Jeffrey',
  'Cynthia',
  'Ryan',
  'Dorothy',
  'Jacob',
  'Amy',
  'Nicholas',
  'Kathleen',
  'Gary',
  'Angela',
  'Eric',
  'Shirley',
  'Jonathan',
  'Emma',
  'Stephen',
  'Brenda',
  'Larry',
  'Pamela',
  'Justin',
  'Nicole',
  'Scott',
  'Anna',
  'Brandon',
  'Samantha',
  'Benjamin',
  'Katherine',
  'Samuel',
  'Christine',
  'Gregory',
  'Debra',
  'Alexander',
  'Rachel',
  'Patrick',
  'Carolyn',
  'Frank',
  'Janet',
  'Raymond',
  'Maria',
  'Jack',
  'Olivia',
  'Dennis',
  'Heather',
  'Jerry',
  'Helen',
  'Tyler',
  'Catherine',
  'Aaron',
  'Diane',
  'José',
  'Julie',
  'Adam',
  'Victoria',
  'Nathan',
  'Joyce',
  'Henry',
  'Lauren',
  'Zachary',
  'Kelly',
  'Douglas',
  'Christina',
  'Peter',
  'Ruth',
  'Kyle',
  'Joan',
  'Noah',
  'Virginia',
  'Ethan',
  'Judith',
  'Jeremy',
  'Evelyn',
  'Christian',
  'Hannah',
  'Walter',
  'Andrea',
  'Keith',
  'Megan',
  'Austin',
  'Cheryl',
  'Roger',
  'Jacqueline',
  'Terry',
  'Madison',
  'Sean',
  'Teresa',
  'Gerald',
  'Abigail',
  'Carl',
  'Sophia',
  'Dylan',
  'Martha',
  'Harold',
  'Sara',
  'Jordan',
  'Gloria',
  'Jesse',
  'Janice',
  'Bryan',
  'Kathryn',
  'Lawrence',
  'Ann',
  'Arthur',
  'Isabella',
  'Gabriel',
  'Judy',
  'Bruce',
  'Charlotte',
  'Logan',
  'Julia',
  'Billy',
  'Grace',
  'Joe',
  'Amber',
  'Alan',
  'Alice',
  'Juan',
  'Jean',
  'Elijah',
  'Denise',
  'Willie',
  'Frances',
  'Albert',
  'Danielle',
  'Wayne',
  'Marilyn',
  'Randy',
  'Natalie',
  'Mason',
  'Beverly',
  'Vincent',
  'Diana',
  'Liam',
  'Brittany',
  'Roy',
  'Theresa',
  'Bobby',
  'Kayla',
  'Caleb',
  'Alexis',
  'Bradley',
  'Doris',
  'Russell',
  'Lori',
  'Lucas',
  'Tiffany',
  'Kwame',
  'Zoë',
  'Renée',
  'Sofía',
  'Chloé',
  'Hiroshi',
  'Fatima',
  'Ingrid',
  'Keiko',
  'Nikolai',
  'Oksana',
  'Yusuf',
  'Aaliyah',
  'Mateo',
  'Amir',
  'Leila',
  'Diego',
];
export const LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'García',
  'Miller',
  'Davis',
  'Rodríguez',
  'Martínez',
  'Hernández',
  'López',
  'González',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Pérez',
  'Thompson',
  'White',
  'Harris',
  'Sánchez',
  'Clark',
  'Ramírez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Gómez',
  'Phillips',
  'Evans',
  'Turner',
  'Díaz',
  'Parker',
  'Cruz',
  'Edwards',
  'Collins',
  'Reyes',
  'Stewart',
  'Morris',
  'Morales',
  'Murphy',
  'Cook',
  'Rogers',
  'Gutiérrez',
  'Ortiz',
  'Morgan',
  'Cooper',
  'Peterson',
  'Bailey',
  'Reed',
  'Kelly',
  'Howard',
  'Ramos',
  'Kim',
  'Cox',
  'Ward',
  'Richardson',
  'Watson',
  'Brooks',
  'Chávez',
  'Wood',
  'James',
  'Bennett',
  'Gray',
  'Mendoza',
  'Ruiz',
  'Hughes',
  'Price',
  'Alvarez',
  'Castillo',
  'Sanders',
  'Patel',
  'Myers',
  'Long',
  'Ross',
  'Foster',
  'Jiménez',
  'Powell',
  'Jenkins',
  'Perry',
  'Russell',
  'Sullivan',
  'Bell',
  'Coleman',
  'Butler',
  'Henderson',
  'Barnes',
  'Gonzales',
  'Fisher',
  'Vasquez',
  'Simmons',
  'Romero',
  'Jordan',
  'Patterson',
  'Alexander',
  'Hamilton',
  'Graham',
  'Reynolds',
  'Griffin',
  'Wallace',
  'Moreno',
  'West',
  'Cole',
  'Hayes',
  'Bryant',
  'Herrera',
  'Gibson',
  'Ellis',
  'Tran',
  'Medina',
  'Aguilar',
  'Stevens',
  'Murray',
  'Ford',
  'Castro',
  'Marshall',
  'Owens',
  'Harrison',
  'Fernández',
  'McDonald',
  'Woods',
  'Washington',
  'Kennedy',
  'Wells',
  'Vargas',
  'Henry',
  'Chen',
  'Freeman',
  'Webb',
  'Tucker',
  'Guzmán',
  'Burns',
  'Crawford',
  'Olson',
  'Simpson',
  'Porter',
  'Hunter',
  'Gordon',
  'Mendez',
  'Silva',
  'Shaw',
  'Snyder',
  'Mason',
  'Dixon',
  'Muñoz',
  'Hunt',
  'Hicks',
  'Holmes',
  'Palmer',
  'Wagner',
  'Black',
  'Robertson',
  'Boyd',
  'Rose',
  'Stone',
  'Salazar',
  'Fox',
  'Warren',
  'Mills',
  'Meyer',
  'Rice',
  'Schmidt',
  'García-Lopez',
  'Nuñez',
  'Müller',
  "O'Brien",
  'Adeyemi',
  'Kowalski',
  'Okafor',
  'Nakamura',
  'Haddad',
  'Novak',
  'Ivanova',
  'Lindqvist',
  'Mensah',
  'Park',
  'Singh',
  'Khan',
  'Ali',
  'Yamamoto',
  'Schneider',
  'Fischer',
  'Weber',
  'Becker',
  'Hoffmann',
  'Schulz',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Werner',
  'Krause',
  'Lehmann',
  'Köhler',
  'Maier',
  'Herrmann',
  'König',
  'Walter',
  'Mayer',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Lang',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Vogel',
  'Friedrich',
  'Keller',
  'Günther',
  'Frank',
  'Berger',
  'Winkler',
  'Roth',
];
const PREFERRED = [
  'Jo',
  'Bobby',
  'Alex',
  'Sam',
  'Kit',
  'Rae',
  'Mo',
  'Jules',
  'Liz',
  'Bill',
  'Kate',
  'Chris',
  'Pat',
  'Danny',
];

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const arr = (xs: string[]) => `ARRAY[${xs.map(lit).join(',')}]::text[]`;

/** Deterministic ids: a fixed prefix per kind and the row number (valid RFC 9562 layout, version 7). */
export const patientId = (i: number) => `b0000001-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
export const staffId = (i: number) => `b0000002-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
export const sqlId = (prefix: string, iExpr: string) =>
  `('${prefix}00007000' || '8000' || lpad(to_hex(${iExpr}), 12, '0'))::uuid`;
const sqlPatientId = (e: string) => sqlId('b0000001', e);
const sqlStaffId = (e: string) => sqlId('b0000002', e);

// Staff numbering: role by range, 200 in all.
const STAFF_ROLES: { upTo: number; role: string; credentials: string }[] = [
  { upTo: 8, role: 'admin', credentials: '' },
  { upTo: 20, role: 'prescriber', credentials: 'MD' },
  { upTo: 30, role: 'supervisor', credentials: 'LCSW' }, // also therapist
  { upTo: 130, role: 'therapist', credentials: 'LPC' },
  { upTo: 160, role: 'associate', credentials: 'LPC-A' },
  { upTo: 185, role: 'front_desk', credentials: '' },
  { upTo: 200, role: 'biller', credentials: 'CPC' },
];
const roleCase = (e: string) =>
  `CASE ${STAFF_ROLES.map((r) => `WHEN ${e} <= ${r.upTo} THEN '${r.role}'`).join(' ')} END`;
const credCase = (e: string) =>
  `CASE ${STAFF_ROLES.map((r) => `WHEN ${e} <= ${r.upTo} THEN ${r.credentials ? `'${r.credentials}'` : 'NULL'}`).join(' ')} END`;
// Clinicians who carry a caseload: supervisors, therapists, associates (staff 21..160).
const CASELOAD_FIRST = 21;
const CASELOAD_COUNT = 140;

export interface GenerateResult {
  staff: number;
  patients: number;
  seconds: number;
}

/**
 * Adds `patients` patients and `staff` staff to a migrated database that already holds the demo
 * practice (payers, roles). Everything runs in one transaction on one connection.
 */
export async function generatePractice(
  db: Db,
  opts: { patients: number; staff: number },
): Promise<GenerateResult> {
  const t0 = performance.now();
  const { patients: n, staff } = opts;
  const fn = arr(FIRST);
  const fnN = arr(FIRST.map(normaliseForSearch));
  const ln = arr(LAST);
  const lnN = arr(LAST.map(normaliseForSearch));
  const pref = arr(PREFERRED);
  const prefN = arr(PREFERRED.map(normaliseForSearch));
  await db.tx(async (q) => {
    await q.query('SELECT setseed(0.4242)');
    // Staff (no password: they exist to own caseloads and appear in care teams).
    await q.exec(`
      INSERT INTO users(id, kind, email, email_lower, first_name, last_name, credentials, active)
      SELECT ${sqlStaffId('i')}, 'staff', 'staff' || i || '@bench.riverbend.example', 'staff' || i || '@bench.riverbend.example',
             (${fn})[1 + (i * 7) % ${FIRST.length}], (${ln})[1 + (i * 13) % ${LAST.length}], ${credCase('i')}, true
        FROM generate_series(1, ${staff}) i;
      INSERT INTO user_roles(user_id, role_key) SELECT ${sqlStaffId('i')}, ${roleCase('i')} FROM generate_series(1, ${staff}) i;
      INSERT INTO user_roles(user_id, role_key) SELECT ${sqlStaffId('i')}, 'therapist' FROM generate_series(21, LEAST(30, ${staff})) i;
      UPDATE users u SET supervisor_id = s.sup
        FROM (SELECT ${sqlStaffId('i')} AS id, ${sqlStaffId('21 + i % 10')} AS sup FROM generate_series(131, LEAST(160, ${staff})) i) s
       WHERE u.id = s.id;
    `);
    // Patients: skewed name choice, a middle name for half, a preferred name for one in twenty.
    await q.exec(`
      INSERT INTO patients(id, mrn, legal_first_name, legal_middle_name, legal_last_name, preferred_name, pronouns, sex_at_birth,
                           date_of_birth, phone, phone_digits, email, address, contact_preferences, language, status, search_name,
                           created_at, updated_at)
      SELECT ${sqlPatientId('i')}, nextval('patient_mrn_seq')::text,
             (${fn})[fi], CASE WHEN mi > 0 THEN (${fn})[mi] END, (${ln})[li], CASE WHEN pi > 0 THEN (${pref})[pi] END,
             (ARRAY['she/her','he/him','they/them',NULL])[1 + i % 4],
             (ARRAY['female','male','female','male','intersex','unknown'])[1 + (i * 31) % 6],
             DATE '1938-01-01' + ((i * 7919) % 31000),
             '(555) ' || lpad(((i * 37) % 1000)::text, 3, '0') || '-' || lpad((i % 10000)::text, 4, '0'),
             '555' || lpad(((i * 37) % 1000)::text, 3, '0') || lpad((i % 10000)::text, 4, '0'),
             'patient' || i || '@example.com',
             jsonb_build_object('line1', (100 + i % 9000) || ' Maple Street', 'city', 'Riverbend', 'state', 'IL', 'postalCode', '62701'),
             jsonb_build_object('preferredChannel', (ARRAY['phone','sms','email'])[1 + i % 3], 'okToText', i % 5 <> 0),
             CASE WHEN i % 10 = 3 THEN 'es' ELSE 'en' END,
             CASE WHEN i % 15 = 7 THEN 'waitlist' WHEN i % 9 = 4 THEN 'discharged' ELSE 'active' END,
             (${fnN})[fi] || CASE WHEN mi > 0 THEN ' ' || (${fnN})[mi] ELSE '' END || ' ' || (${lnN})[li]
               || CASE WHEN pi > 0 THEN ' ' || (${prefN})[pi] ELSE '' END,
             now() - make_interval(days => i % 3000), now() - make_interval(days => i % 300)
        FROM (SELECT i,
                     1 + floor(power(random(), 1.3) * ${FIRST.length})::int AS fi,
                     CASE WHEN random() < 0.5 THEN 1 + floor(random() * ${FIRST.length})::int ELSE 0 END AS mi,
                     1 + floor(power(random(), 1.3) * ${LAST.length})::int AS li,
                     CASE WHEN random() < 0.05 THEN 1 + floor(random() * ${PREFERRED.length})::int ELSE 0 END AS pi
                FROM generate_series(1, ${n}) i) s;
    `);
    // One emergency contact each; a guardian for one in six. Every contact has a phone and an e-mail.
    await q.exec(`
      INSERT INTO patient_contacts(id, patient_id, kind, name, relationship, phone, email, position)
      SELECT ${sqlId('b0000003', 'i')}, ${sqlPatientId('i')}, 'emergency', (${fn})[1 + (i * 3) % ${FIRST.length}] || ' ' || (${ln})[1 + (i * 11) % ${LAST.length}],
             (ARRAY['Spouse','Sibling','Friend','Parent'])[1 + i % 4], '(555) 010-4000', 'contact' || i || '@example.com', 1
        FROM generate_series(1, ${n}) i;
      INSERT INTO patient_contacts(id, patient_id, kind, name, relationship, phone, email, position)
      SELECT ${sqlId('b0000004', 'i')}, ${sqlPatientId('i')}, 'guardian', 'Guardian ' || i, 'Mother', '(555) 010-3000', 'guardian' || i || '@example.com', 0
        FROM generate_series(1, ${n}) i WHERE i % 6 = 2;
    `);
    // Coverage for nine in ten, spread over the demo practice's payers.
    await q.exec(`
      INSERT INTO coverages(id, patient_id, payer_id, priority, member_id, group_number, relationship, start_date)
      SELECT ${sqlId('b0000005', 'i')}, ${sqlPatientId('i')}, (SELECT array_agg(id ORDER BY payer_code) FROM payers)[1 + i % 5], 1,
             'M' || lpad(i::text, 9, '0'), 'GRP' || (400 + i % 9), 'self', DATE '2025-01-01'
        FROM generate_series(1, ${n}) i WHERE i % 10 <> 0;
    `);
    // Care team: a primary clinician for everyone, a prescriber for one in three.
    await q.exec(`
      INSERT INTO care_team(patient_id, user_id, role, since)
      SELECT ${sqlPatientId('i')}, ${sqlStaffId(`${CASELOAD_FIRST} + (i * 7) % ${CASELOAD_COUNT}`)}, 'primary_therapist', DATE '2025-01-01'
        FROM generate_series(1, ${n}) i;
      INSERT INTO care_team(patient_id, user_id, role, since)
      SELECT ${sqlPatientId('i')}, ${sqlStaffId(`9 + i % 12`)}, 'prescriber', DATE '2025-01-01'
        FROM generate_series(1, ${n}) i WHERE i % 3 = 0;
    `);
  });
  // Fresh statistics and visibility map, as a long-running database would have.
  await db.exec('VACUUM ANALYZE');
  return { staff, patients: n, seconds: (performance.now() - t0) / 1000 };
}

/** Deterministic PRNG (so every run asks the same questions). */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * What front-desk staff type into the search box: full surnames, the first 3-5 letters of a surname,
 * first names, and "first last" pairs, weighted toward common names like the data.
 */
export function searchQueries(count: number, seed = 7): string[] {
  const r = rng(seed);
  const skewed = <T>(xs: T[]) => xs[Math.floor(Math.pow(r(), 1.3) * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = r();
    const last = skewed(LAST);
    const first = skewed(FIRST);
    if (k < 0.35) out.push(last);
    else if (k < 0.6) out.push(last.slice(0, 3 + Math.floor(r() * 3)).toLowerCase());
    else if (k < 0.8) out.push(first);
    else out.push(`${first} ${last}`);
  }
  return out;
}
