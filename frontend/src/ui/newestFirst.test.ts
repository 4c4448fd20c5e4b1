import { describe, expect, it } from 'vitest';
import { newestFirst } from './newestFirst';

describe('newestFirst', () => {
  it('sorts what the API gave oldest first, newest first, without touching the input', () => {
    const oldestFirst = [
      { id: 'a', created_at: '2026-11-20T10:00:00Z' },
      { id: 'b', created_at: '2026-11-21T10:00:00+01:00' },
      { id: 'c', created_at: '2026-11-23T08:00:00Z' },
    ];
    expect(newestFirst(oldestFirst).map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(oldestFirst[0].id).toBe('a');
  });
});
