import { Select, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { US_STATES } from '../lib/format';

/** A postal address as a form holds it: every part a string, '' when empty. */
export interface AddressValues {
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
}

type AddressPath = `address.${keyof AddressValues}`;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Form values from a stored address (unknown parts become ''). */
export function addressToValues(a: Record<string, unknown> | null | undefined): AddressValues {
  return {
    line1: str(a?.line1),
    line2: str(a?.line2),
    city: str(a?.city),
    state: str(a?.state),
    postalCode: str(a?.postalCode),
  };
}

/** The request body's address: free text trimmed, the state as chosen. */
export function addressToRequest(a: AddressValues): AddressValues {
  return {
    line1: a.line1.trim(),
    line2: a.line2.trim(),
    city: a.city.trim(),
    state: a.state,
    postalCode: a.postalCode.trim(),
  };
}

/** The five address inputs bound to a form's `address` object; place them inside a grid. */
export function AddressFields({
  form,
}: {
  form: { getInputProps: (path: AddressPath) => GetInputPropsReturnType };
}) {
  return (
    <>
      <TextInput label="Address line 1" {...form.getInputProps('address.line1')} />
      <TextInput label="Address line 2" {...form.getInputProps('address.line2')} />
      <TextInput label="City" {...form.getInputProps('address.city')} />
      <Select label="State" data={US_STATES} searchable clearable {...form.getInputProps('address.state')} />
      <TextInput label="ZIP code" {...form.getInputProps('address.postalCode')} />
    </>
  );
}
