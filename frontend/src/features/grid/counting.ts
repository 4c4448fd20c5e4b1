// Exact platform counting in the browser: the twin of relais_editorial.counting (server side).
// Both pass services/editorial/src/relais_editorial/counting/vectors.json (counting.test.ts);
// the rules, units and deviations are documented in the Python modules (rules.py, x.py, urls.py).
import { COUNTRY_TLDS, GENERIC_TLDS } from './counting.tlds';

export const LIMITS = {
  x: 280,
  mastodon: 500,
  bluesky: 300,
  linkedin: 3000,
  threads: 500,
  instagram: 2200,
  facebook: 63206,
} as const;

export type CountedPlatform = keyof typeof LIMITS;
export const PLATFORMS = Object.keys(LIMITS) as CountedPlatform[];
export interface TextLength {
  count: number;
  limit: number;
}
export interface CountOptions {
  /** The Mastodon instance's own limit, when known (else 500). */
  mastodonLimit?: number | null;
}

export class UnknownPlatformError extends Error {
  constructor(readonly platform: string) {
    super(`Unknown platform "${platform.slice(0, 40)}"; use one of: ${PLATFORMS.join(', ')}.`);
  }
}

export function isCountedPlatform(platform: string): platform is CountedPlatform {
  return Object.prototype.hasOwnProperty.call(LIMITS, platform);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Extended grapheme clusters (UAX #29), as the server's `regex` \X counts them. */
export function graphemes(text: string): number {
  let n = 0;
  for (const segment of segmenter.segment(text)) {
    void segment;
    n += 1;
  }
  return n;
}

// ------------------------------------------------------------------ URLs (twitter-text's extractUrl)
const SPACES = '\\t-\\r \\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const INVALID = '\\ufffe\\ufeff\\uffff';
const PUNCT = "!'#%&()*+,\\\\\\-./:;<=>?@\\[\\]\\^_{|}~$";
const DC = `[^${PUNCT}${SPACES}${INVALID}]`;
const LATIN =
  '\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f\\u0253\\u0254\\u0256\\u0257\\u0259' +
  '\\u025b\\u0263\\u0268\\u026f\\u0272\\u0289\\u028b\\u02bb\\u0300-\\u036f\\u1e00-\\u1eff';
const CYRILLIC = '\\u0400-\\u04ff';

const alternatives = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    .join('|');
const TLD_END = '(?=[^0-9a-z@+\\-]|$)';
const GTLD = `(?:(?:${alternatives(GENERIC_TLDS)})${TLD_END})`;
const CCTLD = `(?:(?:${alternatives(COUNTRY_TLDS)})${TLD_END})`;
const PUNY = '(?:xn--[\\-0-9a-z]+)';
// labels as the server writes them (urls.py): the same strings as twitter-text's pattern
const NAME = `(?:${DC}(?:-*${DC})*\\.)`;
const SUB = `(?:${DC}(?:[_\\-]*${DC})*\\.)`;
const DOMAIN = `(?:${SUB}*${NAME}(?:${GTLD}|${CCTLD}|${PUNY}))`;
const PRECEDING = `(?:[^A-Za-z0-9@\\uff20$#\\uff03${INVALID}]|^)`;

function path(general: string, ending: string): string {
  const parens = `\\((?:${general}+|(?:${general}*\\(${general}+\\)${general}*))\\)`;
  const end = `(?:${ending}|(?:${parens}))`;
  return `(?:(?:${general}*(?:${parens}${general}*)*${end})|(?:@${general}+\\/))`;
}

const X_PATH = path(
  `[a-z${CYRILLIC}0-9!*';:=+,.$\\/%#\\[\\]\\-\\u2013_~@|&${LATIN}]`,
  `[+\\-a-z${CYRILLIC}0-9=_#\\/${LATIN}]`,
);
const X_QUERY = "(?:\\?[a-z0-9!?*'@();:&=+$\\/%#\\[\\]\\-_.,~|]*[a-z0-9\\-_&=#\\/])";
const UCHARS =
  '\\u00a0-\\ud7ff\\uf900-\\ufdcf\\ufdf0-\\uffef\\u{10000}-\\u{1fffd}\\u{20000}-\\u{2fffd}' +
  '\\u{30000}-\\u{efffd}\\u{f0000}-\\u{ffffd}\\u{100000}-\\u{10fffd}';
const M_PATH = path(
  '[^\\p{White_Space}<>()?]',
  "[^\\p{White_Space}()?!*\"'\\u300c\\u300d<>;:=,.$%\\[\\]~&|@]",
);
const M_QUERY = `(?:\\?[a-z0-9!?*'();:&=+$\\/%#\\[\\]\\-_.,~|@\\^${UCHARS}]*[a-z0-9_&=#\\/\\-${UCHARS}])`;

const url = (protocol: string, urlPath: string, query: string): RegExp =>
  new RegExp(
    `(${PRECEDING})((${protocol})(${DOMAIN})(?::([0-9]+))?(\\/${urlPath}*)?(${query})?)`,
    'giu',
  );
const X_URL = url('(?:https?:\\/\\/)?', X_PATH, X_QUERY);
const MASTODON_URL = url('(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini):\\/\\/', M_PATH, M_QUERY);
const ASCII_DOMAIN = new RegExp(`(?:(?:[\\-a-z0-9${LATIN}]+)\\.)+(?:${GTLD}|${CCTLD}|${PUNY})`, 'giu');
const SHORT_DOMAIN = new RegExp(`^${NAME}${CCTLD}$`, 'iu');
const SPECIAL_SHORT = new RegExp(`^${NAME}(?:co|tv)(?=[^0-9a-zA-Z@]|$)$`, 'iu');
const MAX_URL_LENGTH = 4096;
const MAX_LABEL_LENGTH = 63;

/** RFC 3492 Punycode of one label (what Python's "punycode" codec gives). */
export function punycode(label: string): string {
  const input = Array.from(label, (ch) => ch.codePointAt(0) as number);
  const digit = (d: number) => String.fromCharCode(d + 22 + 75 * Number(d < 26));
  const adapt = (delta: number, points: number, first: boolean) => {
    let d = first ? Math.floor(delta / 700) : delta >> 1;
    d += Math.floor(d / points);
    let k = 0;
    for (; d > 455; k += 36) d = Math.floor(d / 35);
    return k + Math.floor((36 * d) / (d + 38));
  };
  let output = input.filter((c) => c < 0x80).map((c) => String.fromCharCode(c)).join('');
  const basic = output.length;
  let handled = basic;
  if (basic > 0) output += '-';
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  while (handled < input.length) {
    const m = Math.min(...input.filter((c) => c >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of input) {
      if (c < n) delta += 1;
      if (c !== n) continue;
      let q = delta;
      for (let k = 36; ; k += 36) {
        const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
        if (q < t) break;
        output += digit(t + ((q - t) % (36 - t)));
        q = Math.floor((q - t) / (36 - t));
      }
      output += digit(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled += 1;
    }
    delta += 1;
    n += 1;
  }
  return output;
}

// eslint-disable-next-line no-control-regex
const isAscii = (s: string) => /^[\u0000-\u007f]*$/.test(s);
const asciiLabel = (label: string) => (isAscii(label) ? label : `xn--${punycode(label)}`);
const codePoints = (s: string) => Array.from(s).length;

function validHost(urlText: string, protocol: string, domain: string): boolean {
  const labels = domain.split('.').map(asciiLabel);
  if (labels.some((l) => l.length === 0 || l.length > MAX_LABEL_LENGTH)) return false;
  const asciiLength = labels.reduce((sum, l) => sum + l.length, 0) + labels.length - 1;
  const length = codePoints(protocol || 'https://') + codePoints(urlText);
  return length + asciiLength - codePoints(domain) <= MAX_URL_LENGTH;
}

/** [start, end) UTF-16 offsets of each URL, in order, never overlapping. */
export function urlSpans(text: string, withoutProtocol = true): Array<[number, number]> {
  if (!text.includes(withoutProtocol ? '.' : ':')) return [];
  const pattern = new RegExp(withoutProtocol ? X_URL : MASTODON_URL);
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(pattern)) {
    const [, before, urlText, protocol, domain, , urlPath] = m;
    const start = (m.index ?? 0) + before.length;
    const end = start + urlText.length;
    if (!validHost(urlText, protocol ?? '', domain)) continue;
    if (protocol) {
      spans.push([start, end]);
      continue;
    }
    if (/[-_./]$/.test(before)) continue;
    const found = [...domain.matchAll(new RegExp(ASCII_DOMAIN))];
    found.forEach((d, i) => {
      const dStart = start + (d.index ?? 0);
      if (urlPath && i === found.length - 1) spans.push([dStart, end]);
      else if (urlPath || SPECIAL_SHORT.test(d[0]) || !SHORT_DOMAIN.test(d[0]))
        spans.push([dStart, dStart + d[0].length]);
    });
  }
  return spans;
}

// ------------------------------------------------------------------ X (twitter-text v3)
const SCALE = 100;
const DEFAULT_WEIGHT = 200;
const URL_WEIGHT = 23 * SCALE;
const LIGHT_RANGES: ReadonlyArray<[number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];
const EMOJI =
  /^(?:\p{Regional_Indicator}|[#*0-9]\u{fe0f}?\u{20e3}|\p{Emoji_Presentation}|\p{Extended_Pictographic}(?=[\s\S]*(?:\u{fe0f}|\u{200d}|\p{Emoji_Modifier})))/u;

function codePointWeight(cp: number): number {
  return LIGHT_RANGES.some(([low, high]) => low <= cp && cp <= high) ? SCALE : DEFAULT_WEIGHT;
}

function textWeight(text: string): number {
  if (isAscii(text)) return text.length * SCALE;
  let total = 0;
  for (const { segment } of segmenter.segment(text)) {
    const points = Array.from(segment, (ch) => ch.codePointAt(0) as number);
    if ((points.length > 1 || points[0] > 0x10ff) && EMOJI.test(segment)) {
      total += DEFAULT_WEIGHT;
      continue;
    }
    total += points.reduce((sum, cp) => sum + codePointWeight(cp), 0);
  }
  return total;
}

/** The weightedLength twitter-text v3 reports. */
export function weightedLength(raw: string): number {
  const text = raw.normalize('NFC');
  let total = 0;
  let position = 0;
  for (const [start, end] of urlSpans(text)) {
    total += textWeight(text.slice(position, start)) + URL_WEIGHT;
    position = end;
  }
  total += textWeight(text.slice(position));
  return Math.floor(total / SCALE);
}

// ------------------------------------------------------------------ Mastodon (StatusLengthValidator)
const WORD = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}';
const MENTION = new RegExp(
  `(?<![=/${WORD}])@([a-z0-9_]+(?:[.\\-]+[a-z0-9_]+)*)((?:@[${WORD}]+(?:[.\\-]+[${WORD}]+)*)?)`,
  'giu',
);
const MENTION_END = /^(?:[@\uff20\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f]|:\/\/)/u;

export function mastodonLength(text: string): number {
  const entities: Array<[number, number, string]> = urlSpans(text, false).map(([s, e]) => [
    s,
    e,
    'x'.repeat(23),
  ]);
  if (text.includes('@')) {
    for (const m of text.matchAll(new RegExp(MENTION))) {
      const end = (m.index ?? 0) + m[0].length;
      if (!MENTION_END.test(text.slice(end, end + 3))) entities.push([m.index ?? 0, end, `@${m[1]}`]);
    }
  }
  entities.sort((a, b) => a[0] - b[0]);
  let out = '';
  let position = 0;
  for (const [start, end, replacement] of entities) {
    if (start < position) continue; // overlapping: the earlier entity wins
    out += text.slice(position, start) + replacement;
    position = end;
  }
  return graphemes(out + text.slice(position));
}

const RULES: Record<CountedPlatform, (text: string) => number> = {
  x: weightedLength,
  mastodon: mastodonLength,
  bluesky: graphemes,
  threads: graphemes,
  linkedin: (t) => t.length,
  instagram: (t) => t.length,
  facebook: (t) => t.length,
};

/** Count `text` the way `platform` does; the same numbers as POST /api/editorial/text-length. */
export function countText(platform: string, text: string, options: CountOptions = {}): TextLength {
  if (!isCountedPlatform(platform)) throw new UnknownPlatformError(platform);
  let limit: number = LIMITS[platform];
  const own = options.mastodonLimit;
  if (platform === 'mastodon' && own && own > 0) limit = own;
  return { count: RULES[platform](text), limit };
}
