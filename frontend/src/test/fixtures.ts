import type { Charter, Me, Platform } from '../api/model';

export const platforms: Platform[] = [
  { id: 'mastodon', label: 'Mastodon', placeholder: '@user@instance.social', has_feed: true },
  { id: 'linkedin', label: 'LinkedIn', placeholder: 'https://www.linkedin.com/in/jane-doe', has_feed: false },
];

export const charter: Charter = {
  version: 2,
  title: 'Ambassador charter',
  body_markdown: '# Be kind',
  body_html: '<h1>Be kind</h1><p>Speak for yourself.</p>',
  published_at: '2026-11-01T10:00:00Z',
};

export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    id: 'a1',
    email: 'ada@example.com',
    roles: ['ambassador'],
    display_name: 'Ada Lovelace',
    job_title: '',
    department: null,
    location: '',
    languages: [],
    bio: '',
    themes: [],
    locale: 'en',
    status: 'pending',
    charter: { current_version: 2, accepted_version: null },
    listing: { public: false, moderation: 'none', reason: null, consented_at: null, listed: false },
    accounts: [],
    version: 1,
    created_at: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}
