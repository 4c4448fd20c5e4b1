/**
 * The platform of what a person pastes (a profile URL or a handle), by the hosts and handle shapes
 * the server's platform rules accept (relais_ambassadors.platforms). It only picks the select's
 * value: the server still checks the account. Null when the text could be several platforms
 * (a bare "@name" exists on X, Instagram, TikTok…).
 */
const HOSTS: Record<string, readonly string[]> = {
  linkedin: ['linkedin.com'],
  x: ['x.com', 'twitter.com'],
  instagram: ['instagram.com', 'instagr.am'],
  threads: ['threads.net', 'threads.com'],
  tiktok: ['tiktok.com'],
  github: ['github.com'],
  facebook: ['facebook.com', 'fb.com'],
  youtube: ['youtube.com', 'youtu.be'],
  bluesky: ['bsky.app'],
};
/** Subdomains that name the same site: www., m., country codes (fr.linkedin.com)… */
const SAME_SITE = /^(?:www|m|mobile|mbasic|web|touch|[a-z]{2})\./;
const URL_START = /^(?:https?:\/\/|[^\s/@]+\.[^\s/@]+\/)/i;
const MASTODON_HANDLE = /^@?[A-Za-z0-9_][A-Za-z0-9_.-]*@[^\s@/]+\.[A-Za-z][A-Za-z0-9-]*$/;
const MASTODON_PATH = /^\/(?:@[^/]+|users\/[^/]+|web\/@[^/]+)\/?$/;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*$/i;
/** Bluesky's own handles; a person's own domain could as well be a blog, so it picks nothing. */
const BLUESKY_HANDLE = /\.bsky\.social$/i;

function platformOfHost(host: string): string | null {
  const bare = host.replace(/\.$/, '').toLowerCase();
  for (const [platform, hosts] of Object.entries(HOSTS)) {
    if (hosts.some((h) => bare === h || (bare.endsWith(`.${h}`) && SAME_SITE.test(bare.slice(0, -h.length))))) {
      return platform;
    }
  }
  return null;
}

function detect(text: string): string | null {
  if (URL_START.test(text)) {
    let url: URL;
    try {
      url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
    } catch {
      return null;
    }
    return platformOfHost(url.hostname) ?? (MASTODON_PATH.test(url.pathname) ? 'mastodon' : 'blog');
  }
  if (/^did:plc:/i.test(text)) return 'bluesky';
  if (MASTODON_HANDLE.test(text)) return 'mastodon';
  const bare = text.replace(/^@/, '');
  if (DOMAIN.test(bare)) return BLUESKY_HANDLE.test(bare) ? 'bluesky' : platformOfHost(bare);
  return null;
}

/** The platform for `value` among `available` (the server's registry), or null. */
export function detectPlatform(value: string, available: readonly { id: string }[]): string | null {
  const text = value.trim();
  if (!text || text.length > 2048 || /\s/.test(text)) return null;
  const found = detect(text);
  return found && available.some((p) => p.id === found) ? found : null;
}
