import { describe, expect, it } from 'vitest';
import { changedFields, conflictsBetween } from './conflicts';
import type { ProfileValues } from './profileSchema';

const base: ProfileValues = {
  display_name: 'Ada',
  job_title: '',
  department_id: null,
  location: '',
  languages: ['en'],
  theme_ids: ['t1', 't2'],
  bio: 'Old bio',
};

describe('profile conflicts', () => {
  it('sends only what the person changed (themes as a set, trimmed text)', () => {
    const mine = { ...base, theme_ids: ['t2', 't1'], bio: 'Old bio  ', location: 'Lyon' };
    expect(changedFields(base, mine)).toEqual(['location']);
  });

  it('reports a field only when both sides changed it differently', () => {
    const theirs = { ...base, bio: 'Their bio', job_title: 'CTO', location: 'Paris' };
    const mine = { ...base, bio: 'My bio', location: 'Paris', display_name: 'Ada L.' };
    expect(conflictsBetween(base, theirs, mine)).toEqual(['bio']);
  });
});
