import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures';
import { landingPath, safeRedirect } from './landing';

const done = { charter: { current_version: 2, accepted_version: 2 }, job_title: 'Engineer' };

describe('where a person lands after sign-in', () => {
  it('sends an ambassador with an unfinished onboarding to the wizard, even with a redirect', () => {
    expect(landingPath(makeMe(), '/app/directory')).toBe('/onboarding');
  });

  it('sends an admin with an unfinished onboarding to the admin area, or where they were heading', () => {
    const admin = makeMe({ roles: ['ambassador', 'admin'] });
    expect(landingPath(admin)).toBe('/admin/moderation');
    expect(landingPath(admin, '/app/admin/mailbox')).toBe('/admin/mailbox');
    expect(landingPath(admin, undefined, true)).toBe('/onboarding');
  });

  it('sends everyone else to the redirect, else to the profile', () => {
    expect(landingPath(makeMe(done))).toBe('/profile');
    expect(landingPath(makeMe({ ...done, roles: ['admin'] }))).toBe('/profile');
    expect(landingPath(makeMe(done), '/app/directory?q=ada')).toBe('/directory?q=ada');
    expect(landingPath(makeMe(done), '//evil.example/x')).toBe('/profile');
  });

  it('keeps only same-origin paths from ?redirect=', () => {
    expect(safeRedirect('https://evil.example/')).toBeNull();
    expect(safeRedirect('/app')).toBe('/');
    expect(safeRedirect('/profile')).toBe('/profile');
  });
});
