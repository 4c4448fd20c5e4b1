// The same vectors as the server (services/editorial/tests/counting/test_vectors.py).
import { describe, expect, it } from 'vitest';
import vectorsFile from '../../../../services/editorial/src/relais_editorial/counting/vectors.json';
import tldsFile from '../../../../services/editorial/src/relais_editorial/counting/tlds.json';
import { COUNTRY_TLDS, GENERIC_TLDS } from './counting.tlds';
import { LIMITS, PLATFORMS, UnknownPlatformError, countText, punycode } from './counting';

interface Vector {
  platform: string;
  text: string;
  count: number;
  note: string;
}
const vectors = vectorsFile.vectors as Vector[];

describe('countText over the shared vectors', () => {
  it.each(vectors.map((v, i) => [i, v.platform, v.note, v] as const))(
    '#%i %s: %s',
    (_i, platform, note, v) => {
      expect(countText(platform, v.text).count, note).toBe(v.count);
    },
  );

  it('has at least 80 vectors over every platform', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(80);
    expect(new Set(vectors.map((v) => v.platform))).toEqual(new Set(PLATFORMS));
  });
});

describe('countText', () => {
  it('answers the documented limits', () => {
    expect(vectorsFile.limits).toEqual(LIMITS);
    for (const p of PLATFORMS) expect(countText(p, 'a')).toEqual({ count: 1, limit: LIMITS[p] });
  });

  it("uses the Mastodon instance's own limit when known", () => {
    expect(countText('mastodon', 'hi', { mastodonLimit: 11000 })).toEqual({ count: 2, limit: 11000 });
    expect(countText('mastodon', 'hi', { mastodonLimit: null }).limit).toBe(500);
    expect(countText('x', 'hi', { mastodonLimit: 11000 }).limit).toBe(280);
  });

  it('refuses an unknown platform', () => {
    expect(() => countText('myspace', 'hi')).toThrow(UnknownPlatformError);
    expect(() => countText('toString', 'hi')).toThrow(UnknownPlatformError);
  });
});

describe('support', () => {
  it('keeps the TLD lists equal to the server copy', () => {
    expect(GENERIC_TLDS).toEqual(tldsFile.generic);
    expect(COUNTRY_TLDS).toEqual(tldsFile.country);
  });

  it('encodes Punycode as RFC 3492 says', () => {
    // the values Python's punycode codec (the server's encoder) gives
    expect(punycode('ü')).toBe('tda');
    expect(punycode('bücher')).toBe('bcher-kva');
    expect(punycode('例え')).toBe('r8jz45g');
    expect(punycode('☃')).toBe('n3h');
  });
});
