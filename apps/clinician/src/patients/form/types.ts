import type { UseFormReturnType } from '@mantine/form';
import type { PatientFormValues } from './patient-form-model';

export type PatientForm = UseFormReturnType<PatientFormValues>;
