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

// ---- The demo schedule (apps/api/src/seed/seed-schedule.ts) ----

/** A clinician's working day: ISO weekday (1 = Monday), location (index into the demo locations), room, local hours. */
export interface DemoWorkday {
  weekday: number;
  location: 0 | 1;
  room: string;
  from: string;
  to: string;
}

const days = (weekdays: number[], location: 0 | 1, room: string, from = '09:00', to = '17:00'): DemoWorkday[] =>
  weekdays.map((weekday) => ({ weekday, location, room, from, to }));

// Every clinician has one room per working day and no two share a room on the same day, so keeping a
// clinician's own appointments apart also keeps rooms apart. Tuesday evenings run to 19:30 for the DBT
// group (Elena and Sam) and Thursdays to 17:30 at Eastside for the teen group (Aisha and James).
export const DEMO_WEEK: Record<string, DemoWorkday[]> = {
  vasquez: [...days([1, 3, 4], 0, 'Room 101'), ...days([2], 0, 'Room 101', '09:00', '19:30')],
  park: [...days([1, 2, 3], 0, 'Room 102'), ...days([4], 1, 'Suite 1', '09:00', '17:30'), ...days([5], 1, 'Suite 1')],
  bello: [...days([1, 2], 1, 'Family Room'), ...days([4], 1, 'Family Room', '09:00', '17:30'), ...days([3, 5], 0, 'Room 103')],
  rivera: [...days([1, 4], 0, 'Room 103'), ...days([2], 0, 'Room 103', '09:00', '19:30'), ...days([3, 5], 1, 'Suite 2')],
  osei: [...days([1, 2], 1, 'Suite 2'), ...days([4, 5], 0, 'Room 102')],
  raman: [...days([1, 2, 3], 1, 'Suite 1'), ...days([4], 1, 'Suite 2'), ...days([5], 0, 'Room 101')],
};

/** Session start times that recurring series use; 16:00 is left for intakes, evaluations and moved sessions. */
export const THERAPY_TIMES = ['09:00', '10:00', '11:00', '13:00', '14:00', '15:00'];
export const PRESCRIBER_TIMES = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30'];

export interface DemoGroup {
  name: string;
  description: string;
  /** Staff keys; the first leads the group and holds the appointments. */
  facilitators: string[];
  location: 0 | 1;
  room: string;
  weekday: number;
  time: string;
  capacity: number;
  weeksRunning: number;
  /** Demo patient numbers (0-59). */
  members: number[];
  /** A member who joined a few weeks ago. */
  joinedLate: { member: number; weeksAgo: number };
  /** A member who left the group. */
  discharged: { member: number; weeksAgo: number; reason: string };
}

export const DEMO_GROUPS: DemoGroup[] = [
  {
    name: 'DBT skills, Tuesdays 18:00',
    description: 'Dialectical behavior therapy skills training: mindfulness, distress tolerance, emotion regulation and interpersonal effectiveness.',
    facilitators: ['vasquez', 'rivera'],
    location: 0,
    room: 'Group Room A',
    weekday: 2,
    time: '18:00',
    capacity: 10,
    weeksRunning: 20,
    members: [1, 4, 9, 12, 21, 28, 33],
    joinedLate: { member: 33, weeksAgo: 7 },
    discharged: { member: 28, weeksAgo: 3, reason: 'Completed the skills module' },
  },
  {
    name: 'Teen coping skills, Thursdays 16:00',
    description: 'Coping and social skills for teenagers; parents join the last session of each month.',
    facilitators: ['bello', 'park'],
    location: 1,
    room: 'Family Room',
    weekday: 4,
    time: '16:00',
    capacity: 6,
    weeksRunning: 12,
    members: [2, 8, 14, 26, 38],
    joinedLate: { member: 38, weeksAgo: 4 },
    discharged: { member: 26, weeksAgo: 2, reason: 'Moved out of the area' },
  },
];

// Patients whose recent attendance makes them stand out on the engagement ("at risk") list.
export const AT_RISK = {
  /** The last three sessions were no-shows. */
  noShows: 5,
  /** Paused therapy five weeks ago; still active, nothing booked. */
  stopped: 10,
  /** Cancels more and more often: the gaps between attended sessions keep growing. */
  growingGaps: 19,
  /** Three late cancels in the last ten weeks, reminders never confirmed. */
  lateCancels: 24,
} as const;
/** Moved to another weekday six weeks ago ("this and following"): a series continued by another. */
export const CONTINUED_SERIES_PATIENT = 13;
/** New patients: an intake assessment booked in the coming days, nothing else yet. */
export const NEW_PATIENTS = [40, 46, 59];

export const PATIENT_CANCEL_REASONS = ['Feeling unwell', 'Work conflict', 'Transportation problem', 'Childcare fell through', 'Family event', 'Travelling'];
export const LATE_CANCEL_REASONS = ['Called this morning: unwell', 'Car trouble', 'Called last evening: work shift changed', 'Child home sick'];
