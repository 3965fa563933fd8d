import { writeSession } from '../lib/storage';

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
/** The sessionStorage key the patient list remembers its filters under. */
export const PATIENT_FILTERS_KEY = 'patientFilters';

export const savePatientFilters = (f: PatientFilters) => writeSession(PATIENT_FILTERS_KEY, f);
