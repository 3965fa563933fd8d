// Fictional people for the demo practice. Any resemblance to real persons is coincidental.
export const DEMO_PASSWORD = 'Riverbend-Demo-2026';

export interface DemoStaff {
  key: string;
  first: string;
  last: string;
  credentials: string;
  licenseType?: string;
  roles: string[];
  npi?: string;
  taxonomy?: string;
  supervisorKey?: string;
}

// NPIs below pass the Luhn check-digit rule but are made up.
export const DEMO_STAFF: DemoStaff[] = [
  { key: 'admin', first: 'Dana', last: 'Whitfield', credentials: 'MBA', roles: ['admin'] },
  { key: 'osei', first: 'Marcus', last: 'Osei', credentials: 'MD', licenseType: 'MD', roles: ['prescriber'], npi: '1245319599', taxonomy: '2084P0800X' },
  { key: 'raman', first: 'Priya', last: 'Raman', credentials: 'PMHNP-BC', licenseType: 'PMHNP', roles: ['prescriber'], npi: '1386719963', taxonomy: '363LP0808X' },
  { key: 'vasquez', first: 'Elena', last: 'Vasquez', credentials: 'LCSW', licenseType: 'LCSW', roles: ['therapist', 'supervisor'], npi: '1477618340', taxonomy: '1041C0700X' },
  { key: 'park', first: 'James', last: 'Park', credentials: 'LPC', licenseType: 'LPC', roles: ['therapist'], npi: '1568516725', taxonomy: '101YP2500X' },
  { key: 'bello', first: 'Aisha', last: 'Bello', credentials: 'LMFT', licenseType: 'LMFT', roles: ['therapist'], npi: '1659415102', taxonomy: '106H00000X' },
  { key: 'rivera', first: 'Sam', last: 'Rivera', credentials: 'LPC-A', licenseType: 'LPC-A', roles: ['associate'], supervisorKey: 'vasquez', taxonomy: '101YP2500X' },
  { key: 'nguyen', first: 'Tom', last: 'Nguyen', credentials: '', roles: ['front_desk'] },
  { key: 'kim', first: 'Grace', last: 'Kim', credentials: 'CPC', roles: ['biller'] },
];

export const staffEmail = (s: DemoStaff) => (s.key === 'admin' ? 'admin@riverbend.example' : `${s.first.toLowerCase()}@riverbend.example`);

export const DEMO_PAYERS = [
  { name: 'Medicare Part B', code: 'MCRB1', kind: 'medicare' },
  { name: 'Riverstate Medicaid', code: 'RSMCD', kind: 'medicaid' },
  { name: 'Aetna', code: '60054', kind: 'commercial' },
  { name: 'Blue Cross Blue Shield', code: 'BCBS1', kind: 'commercial' },
  { name: 'UnitedHealthcare', code: '87726', kind: 'commercial' },
] as const;

export const FIRST_NAMES = [
  'José', 'Zoë', 'Renée', 'Liam', 'Olivia', 'Noah', 'Emma', 'Mateo', 'Ava', 'Ethan', 'Sofía', 'Lucas', 'Mia', 'Amir', 'Chloé',
  'Daniel', 'Grace', 'Kwame', 'Hannah', 'Yusuf', 'Isabella', 'Owen', 'Leila', 'Caleb', 'Nora', 'Diego', 'Maya', 'Elijah', 'Aaliyah',
  'Hiroshi', 'Fatima', 'Gabriel', 'Ingrid', 'Jamal', 'Keiko', 'Luis', 'Margaret', 'Nikolai', 'Oksana', 'Pedro',
];
export const LAST_NAMES = [
  'García', 'Nuñez', 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Müller', 'Davis', 'Martínez', 'Wilson', 'Anderson',
  'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker',
  "O'Brien", 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Adeyemi', 'Kowalski', 'Okafor',
];
export const PREFERRED = ['Jo', 'Bobby', 'Alex', 'Sam', 'Kit', 'Rae', 'Mo', 'Jules'];
export const PRONOUNS = ['she/her', 'he/him', 'they/them', 'she/they', 'he/they'];
