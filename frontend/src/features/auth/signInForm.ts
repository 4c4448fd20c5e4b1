// The sign-in form without a schema library or a form library: the sign-in screen is the first load, and
// zod (schemas.ts, for the other forms) with its resolver, and react-hook-form, weighed ~40 KB
// compressed in the entry script. Same rules, messages and order as schemas.ts's emailField.
import { type ChangeEvent, type FormEvent, useCallback, useState } from 'react';
import type { UseFormSetError } from 'react-hook-form';
import i18n from '../../i18n';

export interface SignInValues {
  email: string;
  password: string;
}

/** zod's e-mail pattern (zod/v4/core/regexes.ts `email`), as schemas.ts's emailField checks it. */
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** The first problem with each field, in the language shown; the e-mail is sent trimmed. */
export function signInErrors(values: SignInValues): Partial<Record<keyof SignInValues, string>> {
  const email = values.email.trim();
  const errors: Partial<Record<keyof SignInValues, string>> = {};
  if (!email) errors.email = i18n.t('auth.required');
  else if (!EMAIL.test(email) || email.length > 254) errors.email = i18n.t('auth.emailInvalid');
  if (!values.password) errors.password = i18n.t('auth.required');
  return errors;
}

type Field = keyof SignInValues;
export type SignInFormErrors = Partial<Record<Field | 'root', string>>;

/** The sign-in form's state without react-hook-form (~10 KB compressed less on the first screen),
 * behaving as the other forms do: checked on submit, then again as the person types; server
 * problems set with setError (notifyError); the first invalid field gets the focus. */
export function useSignInForm(
  send: (values: SignInValues, setError: UseFormSetError<SignInValues>) => Promise<void>,
) {
  const [values, setValues] = useState<SignInValues>({ email: '', password: '' });
  const [errors, setErrors] = useState<SignInFormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);

  const setError = useCallback<UseFormSetError<SignInValues>>((name, error) => {
    setErrors((known) => ({ ...known, [name === 'root' ? 'root' : name]: error.message }));
  }, []);

  const field = (name: Field) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const next = { ...values, [name]: event.currentTarget.value };
      setValues(next);
      if (submitted) setErrors((known) => ({ root: known.root, ...signInErrors(next) }));
    },
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setSubmitted(true);
    const found = signInErrors(values);
    setErrors(found);
    const first = (['email', 'password'] as const).find((name) => found[name]);
    if (first) {
      (form.elements.namedItem(first) as HTMLInputElement | null)?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await send({ ...values, email: values.email.trim() }, setError);
    } finally {
      setSubmitting(false);
    }
  };

  return { field, errors, setError, onSubmit, isSubmitting };
}
