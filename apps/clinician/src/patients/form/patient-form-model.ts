import {
  ZCreatePatientRequest,
  ZUpdatePatientRequest,
  type TCreatePatientRequest,
  type TPatient,
  type TUpdatePatientRequest,
} from '@hearth/contracts';
import { ageFrom } from '../../lib/format';
import { issuesToErrors } from '../../lib/form-errors';

// The patient form works on strings (what inputs hold); these functions convert to and from the API's
// request shape, whose zod schema (from @hearth/contracts) is the single source of validation rules.
// Form paths mirror request paths ("contacts.0.phone"), so server field errors land on the right input.

export interface ContactValues {
  key: string;
  kind: string;
  name: string;
  relationship: string;
  phone: string;
  email: string;
}

export interface CoverageValues {
  key: string;
  payerId: string;
  priority: string;
  memberId: string;
  groupNumber: string;
  planName: string;
  relationship: string;
  subscriber: { firstName: string; lastName: string; dateOfBirth: string; sex: string };
  startDate: string;
  endDate: string;
}

export interface CareTeamValues {
  key: string;
  userId: string;
  role: string;
}

export interface PatientFormValues {
  legalFirstName: string;
  legalMiddleName: string;
  legalLastName: string;
  preferredName: string;
  pronouns: string;
  sexAtBirth: string;
  genderIdentity: string;
  dateOfBirth: string;
  status: string;
  phone: string;
  email: string;
  address: { line1: string; line2: string; city: string; state: string; postalCode: string };
  contactPreferences: {
    preferredChannel: string;
    okToLeaveVoicemail: boolean;
    okToText: boolean;
    okToEmail: boolean;
    /** '' = practice default (both channels the rules use). */
    reminderChannel: string;
    notes: string;
  };
  language: string;
  interpreterNeeded: boolean;
  contacts: ContactValues[];
  coverages: CoverageValues[];
  careTeam: CareTeamValues[];
}

let seq = 0;
export const newKey = () => `k${Date.now().toString(36)}${(seq++).toString(36)}`;

export const newContact = (kind: string): ContactValues => ({
  key: newKey(),
  kind,
  name: '',
  relationship: '',
  phone: '',
  email: '',
});

export const newCoverage = (priority: number): CoverageValues => ({
  key: newKey(),
  payerId: '',
  priority: String(priority),
  memberId: '',
  groupNumber: '',
  planName: '',
  relationship: 'self',
  subscriber: { firstName: '', lastName: '', dateOfBirth: '', sex: '' },
  startDate: '',
  endDate: '',
});

export const newCareTeamMember = (role: string): CareTeamValues => ({ key: newKey(), userId: '', role });

export function emptyPatientValues(): PatientFormValues {
  return {
    legalFirstName: '',
    legalMiddleName: '',
    legalLastName: '',
    preferredName: '',
    pronouns: '',
    sexAtBirth: '',
    genderIdentity: '',
    dateOfBirth: '',
    status: 'active',
    phone: '',
    email: '',
    address: { line1: '', line2: '', city: '', state: '', postalCode: '' },
    contactPreferences: {
      preferredChannel: '',
      okToLeaveVoicemail: false,
      okToText: false,
      okToEmail: false,
      reminderChannel: '',
      notes: '',
    },
    language: 'en',
    interpreterNeeded: false,
    contacts: [],
    coverages: [],
    careTeam: [],
  };
}

const s = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const b = (v: unknown) => v === true;

export function patientToValues(p: TPatient): PatientFormValues {
  const a = p.address ?? {};
  const cp = p.contactPreferences ?? {};
  return {
    legalFirstName: p.legalFirstName,
    legalMiddleName: s(p.legalMiddleName),
    legalLastName: p.legalLastName,
    preferredName: s(p.preferredName),
    pronouns: s(p.pronouns),
    sexAtBirth: p.sexAtBirth,
    genderIdentity: s(p.genderIdentity),
    dateOfBirth: p.dateOfBirth.slice(0, 10),
    status: p.status,
    phone: s(p.phone),
    email: s(p.email),
    address: {
      line1: s(a.line1),
      line2: s(a.line2),
      city: s(a.city),
      state: s(a.state),
      postalCode: s(a.postalCode),
    },
    contactPreferences: {
      preferredChannel: s(cp.preferredChannel),
      okToLeaveVoicemail: b(cp.okToLeaveVoicemail),
      okToText: b(cp.okToText),
      okToEmail: b(cp.okToEmail),
      reminderChannel: s(cp.reminderChannel),
      notes: s(cp.notes),
    },
    language: s(p.language),
    interpreterNeeded: p.interpreterNeeded,
    contacts: p.contacts.map((c) => ({
      key: c.id,
      kind: c.kind,
      name: c.name,
      relationship: c.relationship,
      phone: s(c.phone),
      email: s(c.email),
    })),
    coverages: p.coverages.map((c) => {
      const sub = c.subscriber ?? {};
      return {
        key: c.id,
        payerId: c.payerId,
        priority: String(c.priority),
        memberId: c.memberId,
        groupNumber: s(c.groupNumber),
        planName: s(c.planName),
        relationship: c.relationship,
        subscriber: {
          firstName: s(sub.firstName),
          lastName: s(sub.lastName),
          dateOfBirth: s(sub.dateOfBirth).slice(0, 10),
          sex: s(sub.sex),
        },
        startDate: s(c.startDate).slice(0, 10),
        endDate: s(c.endDate).slice(0, 10),
      };
    }),
    careTeam: p.careTeam.map((m) => ({ key: `${m.userId}-${m.role}`, userId: m.userId, role: m.role })),
  };
}

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

/**
 * The request body. `clearable` (editing) sends '' for emptied free-text fields so they are cleared;
 * a new patient simply omits them.
 */
function toBody(v: PatientFormValues, clearable: boolean) {
  const text = (x: string) => (clearable ? x.trim() : opt(x));
  const a = v.address;
  const anyAddress = [a.line1, a.line2, a.city, a.state, a.postalCode].some((x) => x.trim());
  const cp = v.contactPreferences;
  return {
    legalFirstName: v.legalFirstName.trim(),
    legalMiddleName: text(v.legalMiddleName),
    legalLastName: v.legalLastName.trim(),
    preferredName: text(v.preferredName),
    pronouns: text(v.pronouns),
    sexAtBirth: v.sexAtBirth || undefined,
    genderIdentity: text(v.genderIdentity),
    dateOfBirth: v.dateOfBirth.trim(),
    status: v.status || undefined,
    phone: opt(v.phone),
    email: opt(v.email),
    address:
      anyAddress || clearable
        ? {
            line1: text(a.line1),
            line2: text(a.line2),
            city: text(a.city),
            state: clearable ? a.state.trim().toUpperCase() : opt(a.state.toUpperCase()),
            postalCode: text(a.postalCode),
          }
        : undefined,
    contactPreferences: {
      preferredChannel: cp.preferredChannel || undefined,
      okToLeaveVoicemail: cp.okToLeaveVoicemail,
      okToText: cp.okToText,
      okToEmail: cp.okToEmail,
      reminderChannel: cp.reminderChannel || undefined,
      notes: text(cp.notes),
    },
    language: opt(v.language),
    interpreterNeeded: v.interpreterNeeded,
    contacts: v.contacts.map((c) => ({
      kind: c.kind,
      name: c.name.trim(),
      relationship: c.relationship.trim(),
      phone: opt(c.phone),
      email: opt(c.email),
    })),
    coverages: v.coverages.map((c) => ({
      payerId: c.payerId,
      priority: Number(c.priority),
      memberId: c.memberId.trim(),
      groupNumber: opt(c.groupNumber),
      planName: opt(c.planName),
      relationship: c.relationship,
      subscriber:
        c.relationship !== 'self'
          ? {
              firstName: c.subscriber.firstName.trim(),
              lastName: c.subscriber.lastName.trim(),
              dateOfBirth: c.subscriber.dateOfBirth.trim(),
              sex: c.subscriber.sex || undefined,
            }
          : undefined,
      startDate: opt(c.startDate),
      endDate: opt(c.endDate),
    })),
    careTeam: v.careTeam.map((m) => ({ userId: m.userId, role: m.role })),
  };
}

export function toCreateRequest(v: PatientFormValues): TCreatePatientRequest {
  return toBody(v, false) as TCreatePatientRequest;
}

export function toUpdateRequest(v: PatientFormValues, version: number): TUpdatePatientRequest {
  return { ...toBody(v, true), version } as TUpdatePatientRequest;
}

/** Field errors keyed by form path, from the same zod schema the server uses. */
export function validatePatientValues(v: PatientFormValues, mode: 'create' | 'edit'): Record<string, string> {
  const result =
    mode === 'create'
      ? ZCreatePatientRequest.safeParse(toBody(v, false))
      : ZUpdatePatientRequest.safeParse({ ...toBody(v, true), version: 1 });
  const errors = result.success ? {} : issuesToErrors(result.error.issues);
  if (v.dateOfBirth && v.dateOfBirth > new Date().toISOString().slice(0, 10))
    errors.dateOfBirth ??= 'Must not be in the future';
  v.careTeam.forEach((m, i) => {
    if (v.careTeam.findIndex((o) => o.userId === m.userId && o.role === m.role) !== i)
      errors[`careTeam.${i}.userId`] ??= 'Already on the care team in this role';
  });
  // Same rule as the server: a minor needs a guardian or legal representative on file.
  if (isMinorDob(v.dateOfBirth) && !hasGuardian(v))
    errors.contacts ??=
      'A patient under 18 needs a parent, guardian or legal representative. Add one to save.';
  return errors;
}

export function isMinorDob(dob: string): boolean {
  const age = ageFrom(dob);
  return age !== null && age < 18;
}

export const hasGuardian = (v: PatientFormValues) =>
  v.contacts.some((c) => c.kind === 'guardian' || c.kind === 'legal_representative');
