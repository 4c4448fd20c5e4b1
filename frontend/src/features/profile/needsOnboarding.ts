import type { Me } from '../../api/model';

/** A person who has not accepted the current charter, or never filled anything in, goes to the wizard. */
export function needsOnboarding(me: Me): boolean {
  const { current_version, accepted_version } = me.charter;
  if (current_version !== null && accepted_version !== current_version) return true;
  return me.listing.moderation === 'none' && !me.listing.public && me.accounts.length === 0 && !me.job_title;
}
