/** Which profile fields a save changes, and which of them someone else changed meanwhile. */
import { PROFILE_FIELDS, type ProfileValues } from './profileSchema';

export type ProfileField = (typeof PROFILE_FIELDS)[number];

function same(a: ProfileValues[ProfileField], b: ProfileValues[ProfileField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    // themes are a set, languages an ordered list: compare themes sorted
    return a.length === b.length && a.every((value, i) => value === b[i]);
  }
  return (a ?? null) === (b ?? null);
}

function normalised(field: ProfileField, value: ProfileValues[ProfileField]): ProfileValues[ProfileField] {
  if (field === 'theme_ids' && Array.isArray(value)) return [...value].sort();
  if (typeof value === 'string' && field !== 'department_id') return value.trim();
  return value;
}

export function differs(field: ProfileField, a: ProfileValues, b: ProfileValues): boolean {
  return !same(normalised(field, a[field]), normalised(field, b[field]));
}

/** The fields the person changed since `base` (only these are sent). */
export function changedFields(base: ProfileValues, mine: ProfileValues): ProfileField[] {
  return PROFILE_FIELDS.filter((field) => differs(field, base, mine));
}

/** Fields both the person and someone else changed, to different values. */
export function conflictsBetween(base: ProfileValues, theirs: ProfileValues, mine: ProfileValues): ProfileField[] {
  return changedFields(base, mine).filter((field) => differs(field, base, theirs) && differs(field, theirs, mine));
}
