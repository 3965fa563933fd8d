import { readSession, writeSession } from '../lib/storage';

/** The patient list's filters, remembered for the browser tab (sessionStorage, wiped on sign-out). */
export interface PatientFilters {
  q: string;
  dob: string;
  phone: string;
  mrn: string;
  status: string;
  page: number;
}

export const EMPTY_PATIENT_FILTERS: PatientFilters = {
  q: '',
  dob: '',
  phone: '',
  mrn: '',
  status: '',
  page: 1,
};
const KEY = 'patientFilters';

export const loadPatientFilters = () => readSession<PatientFilters>(KEY, EMPTY_PATIENT_FILTERS);
export const savePatientFilters = (f: PatientFilters) => writeSession(KEY, f);
