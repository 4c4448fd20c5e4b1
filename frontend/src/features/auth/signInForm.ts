// The sign-in form's rules without a schema library: the sign-in screen is the first load, and
// zod (schemas.ts, for the other forms) plus its resolver weighed ~30 KB compressed in the entry
// script. Same rules, messages and order as schemas.ts's emailField.
import type { FieldErrors, Resolver } from 'react-hook-form';
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

export const signInResolver: Resolver<SignInValues> = (values) => {
  const found = Object.entries(signInErrors(values));
  if (found.length === 0) return { values: { ...values, email: values.email.trim() }, errors: {} };
  const errors: FieldErrors<SignInValues> = {};
  for (const [name, message] of found) errors[name as keyof SignInValues] = { type: 'validate', message };
  return { values: {}, errors };
};
