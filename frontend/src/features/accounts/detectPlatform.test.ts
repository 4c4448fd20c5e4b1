import { describe, expect, it } from 'vitest';
import { detectPlatform } from './detectPlatform';

const ALL = ['linkedin', 'x', 'mastodon', 'bluesky', 'threads', 'instagram', 'facebook', 'youtube', 'tiktok', 'github', 'blog'].map(
  (id) => ({ id }),
);

describe('detectPlatform', () => {
  it.each([
    ['https://www.linkedin.com/in/x', 'linkedin'],
    ['fr.linkedin.com/in/jean-dupont', 'linkedin'],
    ['@alice@mastodon.social', 'mastodon'],
    ['alice@fosstodon.org', 'mastodon'],
    ['https://mastodon.social/@alice', 'mastodon'],
    ['https://hachyderm.io/users/alice', 'mastodon'],
    ['alice.bsky.social', 'bluesky'],
    ['@alice.bsky.social', 'bluesky'],
    ['https://bsky.app/profile/alice.example.com', 'bluesky'],
    ['did:plc:abcdefghijklmnopqrstuvwx', 'bluesky'],
    ['https://github.com/x', 'github'],
    ['github.com/octocat', 'github'],
    ['https://twitter.com/jack', 'x'],
    ['https://x.com/jack', 'x'],
    ['https://www.instagram.com/natgeo/', 'instagram'],
    ['https://www.threads.net/@zuck', 'threads'],
    ['https://m.facebook.com/profile.php?id=100012345678901', 'facebook'],
    ['https://www.youtube.com/@channel', 'youtube'],
    ['https://www.tiktok.com/@someone', 'tiktok'],
    ['https://jane.example.com/blog/', 'blog'],
    ['https://blog.example.org', 'blog'],
    ['jane.dev/posts', 'blog'],
    ['notlinkedin.com/in/x', 'blog'],
  ])('%s → %s', (value, platform) => {
    expect(detectPlatform(`  ${value} `, ALL)).toBe(platform);
  });

  it.each([['@alice'], ['alice'], [''], ['some words with spaces'], ['example.com'], ['javascript:alert(1)']])(
    'picks nothing for %j (several platforms, or none, could be meant)',
    (value) => {
      expect(detectPlatform(value, ALL)).toBeNull();
    },
  );

  it('never picks a platform the server does not offer', () => {
    expect(detectPlatform('https://github.com/x', [{ id: 'linkedin' }])).toBeNull();
  });
});
