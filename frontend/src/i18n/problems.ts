/**
 * Server errors in the person's language: problem+json is translated by its `type` (and, for field
 * errors, by field and by the validation rule); the server's English `detail` is only the fallback.
 */
import i18n from 'i18next';
import type { FieldError, Problem } from '../api/errors';

/** The code of a problem `type` ("https://relais.dev/problems/conflict" → "conflict"). */
const TYPE_CODE = /\/problems\/([a-z0-9-]+)$/;
/** `about:blank` problems (and bodies that are not problem+json) are known by their status. */
const STATUS_CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'gone',
  412: 'precondition-failed',
  413: 'payload-too-large',
  422: 'invalid-input',
  428: 'precondition-required',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

/** Request validation messages (relais_common.errors) → a rule the SPA words itself. */
const RULES: [RegExp, string, (m: RegExpExecArray) => Record<string, string>][] = [
  [/^This field is required\.?$/, 'required', () => ({})],
  [/at most (\d+) (?:characters|items)/i, 'tooLong', (m) => ({ max: m[1] })],
  [/at least (\d+) (?:characters|items)/i, 'tooShort', (m) => ({ min: m[1] })],
  [/^This field is unknown or cannot be changed here/, 'unknown', () => ({})],
  [/valid email|e-mail address/i, 'email', () => ({})],
];

export function problemCode(problem: Pick<Problem, 'type' | 'status'>): string {
  const match = TYPE_CODE.exec(problem.type ?? '');
  if (match) return match[1];
  return STATUS_CODES[problem.status] ?? (problem.status >= 500 ? 'server-error' : 'error');
}

/** "body.profile.display_name" → "display_name"; list positions ("theme_ids.0") name their list. */
export function fieldName(field: string): string {
  const parts = field.split('.').filter((part) => part !== 'body' && !/^\d+$/.test(part));
  return parts[parts.length - 1] ?? field;
}

function translated(key: string, options: Record<string, string> = {}): string | undefined {
  return i18n.exists(key) ? i18n.t(key, options) : undefined;
}

/** One field's message: the validation rule, else what this field means for this problem, else the server's words. */
export function fieldErrorText(problem: Pick<Problem, 'type' | 'status'>, error: FieldError): string {
  for (const [pattern, rule, values] of RULES) {
    const match = pattern.exec(error.message);
    if (match) return translated(`problems.rules.${rule}`, values(match)) ?? error.message;
  }
  return translated(`problems.fields.${fieldName(error.field)}.${problemCode(problem)}`) ?? error.message;
}

/** The sentence for a whole problem (a notification, an alert). */
export function problemText(problem: Problem): string {
  const errors = problem.errors ?? [];
  if (errors.length === 1) {
    const text = fieldErrorText(problem, errors[0]);
    if (text !== errors[0].message) return text;
  }
  return (
    translated(`problems.types.${problemCode(problem)}`) ??
    problem.detail ??
    problem.title ??
    i18n.t('errors.generic')
  );
}
