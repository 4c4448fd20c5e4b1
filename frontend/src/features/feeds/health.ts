/** A feed's health in words, as its owner reads it (pure: tested without a screen). */
import type { FeedHealth } from './feedsApi';

export interface HealthLine {
  key: string;
  params: Record<string, string | number>;
  tone: 'ok' | 'info' | 'warn' | 'error';
}

const DAY = 86_400_000;

/** Whole days since a date, at least 0. */
export function daysSince(value: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(value).getTime()) / DAY));
}

export function healthLines(feed: FeedHealth, now: Date, date: (value: string) => string): HealthLine[] {
  const lines: HealthLine[] = [];
  if (feed.redirected_from) {
    lines.push({
      key: 'feeds.health.moved',
      params: { from: feed.redirected_from, to: feed.url, date: feed.redirected_at ? date(feed.redirected_at) : '—' },
      tone: 'info',
    });
  }
  if (feed.status === 'retired') {
    lines.push({ key: 'feeds.health.retired', params: { reason: feed.last_error ?? '—' }, tone: 'error' });
    return lines;
  }
  if (feed.status === 'failing') {
    const since = feed.last_success_at ?? null;
    const reason = feed.last_error ?? '—';
    const status = feed.http_status ?? '—';
    if (since && daysSince(since, now) >= 1) {
      lines.push({ key: 'feeds.health.failingDays', params: { count: daysSince(since, now), reason, status }, tone: 'error' });
    } else if (since) {
      lines.push({ key: 'feeds.health.failingSince', params: { date: date(since), reason, status }, tone: 'error' });
    } else {
      lines.push({ key: 'feeds.health.failingNever', params: { count: feed.failures, reason, status }, tone: 'error' });
    }
  } else if (feed.last_success_at) {
    lines.push({ key: 'feeds.health.ok', params: { date: date(feed.last_success_at), count: feed.items_count }, tone: 'ok' });
  } else {
    lines.push({ key: 'feeds.health.waiting', params: {}, tone: 'info' });
  }
  if (feed.next_attempt_at) lines.push({ key: 'feeds.health.next', params: { date: date(feed.next_attempt_at) }, tone: 'info' });
  return lines;
}

/** The filter's words as typed ("cloud, security") to a list, trimmed, without repeats. */
export function splitTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const term = part.trim();
    if (term && term.length <= 80) seen.add(term);
  }
  return [...seen];
}
