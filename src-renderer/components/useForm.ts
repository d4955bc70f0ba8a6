import { useState } from 'react';
import type { AppError, Result } from '../../src-shared/rpc/errors';

/**
 * Form state plus the core's answer: field errors go next to their fields, the message
 * above the form. Nothing is validated only here — the core's schema is the authority.
 */
export function useForm<V extends Record<string, string>>(initial: V) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    values,
    error,
    busy,
    fieldError: (name: keyof V & string) => error?.fieldErrors?.[name],
    bind: (name: keyof V & string) => ({
      name,
      value: values[name],
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    }),
    async submit<T>(call: (v: V) => Promise<Result<T>>): Promise<T | null> {
      setBusy(true);
      setError(null);
      try {
        const r = await call(values);
        if (!r.ok) {
          setError(r.error);
          return null;
        }
        return r.value;
      } finally {
        setBusy(false);
      }
    },
  };
}
