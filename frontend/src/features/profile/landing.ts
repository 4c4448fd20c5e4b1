import type { Me } from '../../api/model';
import { needsOnboarding } from './needsOnboarding';

/** A same-origin path inside the app from `?redirect=` (with or without the `/app` prefix), or null. */
export function safeRedirect(redirectTo?: string): string | null {
  if (!redirectTo || !redirectTo.startsWith('/') || redirectTo.startsWith('//')) return null;
  return redirectTo.replace(/^\/app(?=\/|$)/, '') || '/';
}

/**
 * Where a person lands after sign-in (or on `/`): an ambassador whose onboarding is unfinished
 * goes to the wizard; an admin goes where they were heading, else to the admin area while their
 * own onboarding is not done (the wizard stays in the menu), else everyone to their profile.
 */
export function landingPath(me: Me, redirectTo?: string, forceOnboarding = false): string {
  if (forceOnboarding) return '/onboarding';
  const isAdmin = me.roles.includes('admin');
  const unfinished = needsOnboarding(me);
  if (unfinished && !isAdmin) return '/onboarding';
  const target = safeRedirect(redirectTo);
  if (target && target !== '/') return target;
  return unfinished ? '/admin/moderation' : '/profile';
}
