import type { Platform } from '../api/model';

/** Labels of the platforms Relais knows, used while GET /platforms is loading or for an unknown list. */
const LABELS: Record<string, string> = {
  linkedin: 'LinkedIn',
  x: 'X (Twitter)',
  twitter: 'X (Twitter)',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  threads: 'Threads',
  instagram: 'Instagram',
  facebook: 'Facebook',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  github: 'GitHub',
  blog: 'Blog',
};

/**
 * Concrete examples for the platforms whose API placeholder is a pattern word (GitHub's “name”
 * read as “For example name”); URL placeholders from the API are clear as they are.
 */
const EXAMPLES: Record<string, string> = {
  github: 'octocat',
  x: '@jane_doe',
  threads: '@jane_doe',
  instagram: '@jane_doe',
  tiktok: '@jane_doe',
  mastodon: '@jane@mastodon.social',
  bluesky: 'jane.bsky.social',
};

/** The person-facing name of a platform id (“linkedin” → “LinkedIn”), never the raw id if avoidable. */
export function platformLabel(id: string, platforms?: Platform[] | null): string {
  const known = platforms?.find((p) => p.id === id)?.label;
  if (known) return known;
  return LABELS[id] ?? id.charAt(0).toUpperCase() + id.slice(1);
}

/**
 * What to show as the field's placeholder and after “For example”: the API placeholder, unless
 * it is a pattern with the word “name” in it and a real-looking value is known for the platform.
 */
export function platformExample(platform: Platform): string {
  const placeholder = platform.placeholder.trim();
  const known = EXAMPLES[platform.id];
  return known && (!placeholder || /\bname\b/i.test(placeholder)) ? known : placeholder;
}
