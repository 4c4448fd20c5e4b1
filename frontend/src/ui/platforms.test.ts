import { describe, expect, it } from 'vitest';
import { platformExample, platformLabel } from './platforms';

describe('platform names and examples', () => {
  it('never shows a raw platform id when a label is known', () => {
    expect(platformLabel('linkedin')).toBe('LinkedIn');
    expect(platformLabel('linkedin', [])).toBe('LinkedIn');
    expect(platformLabel('mastodon', [{ id: 'mastodon', label: 'Mastodon (fediverse)', placeholder: '', has_feed: true }])).toBe(
      'Mastodon (fediverse)',
    );
    expect(platformLabel('newthing')).toBe('Newthing');
  });

  it('replaces a bare pattern word by a real-looking example and keeps real placeholders', () => {
    expect(platformExample({ id: 'github', label: 'GitHub', placeholder: 'name', has_feed: true })).toBe('octocat');
    expect(platformExample({ id: 'x', label: 'X', placeholder: '@name', has_feed: false })).toBe('@jane_doe');
    expect(platformExample({ id: 'mastodon', label: 'Mastodon', placeholder: '@name@instance.social', has_feed: true })).toBe(
      '@jane@mastodon.social',
    );
    expect(platformExample({ id: 'mastodon', label: 'Mastodon', placeholder: '@user@instance.social', has_feed: true })).toBe(
      '@user@instance.social',
    );
    const linkedin = { id: 'linkedin', label: 'LinkedIn', placeholder: 'https://www.linkedin.com/in/your-name', has_feed: false };
    expect(platformExample(linkedin)).toBe('https://www.linkedin.com/in/your-name');
  });
});
