import { describe, expect, it } from 'vitest';
import type { FeedHealth } from './feedsApi';
import { healthLines, splitTerms } from './health';

const now = new Date('2026-12-01T12:00:00Z');
const base: FeedHealth = {
  id: 'f', person_id: 'p', platform: 'blog', handle: 'h', url: 'https://a/feed', original_url: 'https://a/feed', status: 'active', http_status: 200,
  last_success_at: '2026-12-01T11:00:00Z', last_error: null, last_error_at: null, next_attempt_at: '2026-12-01T13:00:00Z', failures: 0,
  redirected_from: null, redirected_at: null, interval_seconds: 3600, filters: { categories: [], keywords: [] }, items_count: 3, etag: '"f.1"',
};
const date = (value: string) => value.slice(0, 10);

describe('healthLines', () => {
  it('reads fine, then the next attempt', () => {
    expect(healthLines(base, now, date).map((l) => l.key)).toEqual(['feeds.health.ok', 'feeds.health.next']);
  });
  it('names the new address after a 301', () => {
    const [moved] = healthLines({ ...base, url: 'https://b/feed', redirected_from: 'https://a/feed', redirected_at: '2026-11-30T00:00:00Z' }, now, date);
    expect(moved).toMatchObject({ key: 'feeds.health.moved', params: { to: 'https://b/feed', from: 'https://a/feed' } });
  });
  it('counts the days of failure since the last success, with the reason', () => {
    const lines = healthLines({ ...base, status: 'failing', last_success_at: '2026-11-29T08:00:00Z', last_error: 'timed out', http_status: null }, now, date);
    expect(lines[0]).toMatchObject({ key: 'feeds.health.failingDays', params: { count: 2, reason: 'timed out', status: '—' }, tone: 'error' });
  });
  it('a retired feed has no next attempt', () => {
    expect(healthLines({ ...base, status: 'retired', last_error: 'Gone (410)', next_attempt_at: null }, now, date).map((l) => l.key)).toEqual(['feeds.health.retired']);
  });
});

describe('splitTerms', () => {
  it('trims, drops empties and repeats', () => expect(splitTerms(' cloud, ,cloud,security ')).toEqual(['cloud', 'security']));
});
