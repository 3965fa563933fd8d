import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { issuesToErrors, pathExistsIn, splitApiError } from './form-errors';

type Issues = Parameters<typeof issuesToErrors>[0];

interface Schema<R> {
  safeParse: (req: R) => { success: true } | { success: false; error: { issues: Issues } };
}

interface Options<V, R> {
  /** Turns the form's values into the request body. */
  toRequest: (values: V) => R;
  /** Checked before sending; its issues become field errors. */
  schema?: Schema<R>;
  /** Sends the request and does whatever follows a success (refresh, close, notify). */
  save: (req: R, values: V) => Promise<void>;
}

/**
 * The submit handler shared by the admin forms: clear the general error, validate against the
 * contract, send, and on failure put the API's field errors on their inputs and the rest in `general`.
 */
export function useFormSubmit<V extends Record<string, unknown>, R>(
  form: UseFormReturnType<V>,
  { toRequest, schema, save }: Options<V, R>,
) {
  const [general, setGeneral] = useState<string | null>(null);
  const onSubmit = form.onSubmit(async (values) => {
    setGeneral(null);
    const req = toRequest(values);
    const parsed = schema?.safeParse(req);
    if (parsed && !parsed.success) {
      form.setErrors(issuesToErrors(parsed.error.issues));
      return;
    }
    try {
      await save(req, values);
    } catch (e) {
      const { fieldErrors, general: g } = splitApiError(e, pathExistsIn(values));
      form.setErrors(fieldErrors);
      setGeneral(g);
    }
  });
  return { onSubmit, general, setGeneral };
}
