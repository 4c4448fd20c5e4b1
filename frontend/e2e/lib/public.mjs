// The public aggregator page, read the way a visitor without JavaScript reads it.
import assert from 'node:assert/strict';

/** What the server sends for `path` (no script ever runs). */
export async function fetchPublic(baseURL, path = '/', headers = {}) {
  const res = await fetch(new URL(path, baseURL), { headers: { 'cache-control': 'no-cache', ...headers } });
  const html = await res.text();
  return { status: res.status, headers: res.headers, html };
}

// Anything shaped like an e-mail address (the public page must never show one).
export const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Every string looking like an e-mail address, except Mastodon/Bluesky-style handles "@user@host". */
export function emailsIn(html) {
  const found = [];
  for (const match of html.matchAll(EMAIL_PATTERN)) {
    const before = html[match.index - 1];
    if (before === '@') continue; // "@nicolas@mastodon.example" is a fediverse handle, not an e-mail
    found.push(match[0]);
  }
  return found;
}

/** The card (list item) of one person inside a part of the page. */
export function personCard(scope, displayName) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.getByRole('listitem').filter({ has: page.getByRole('heading', { name: displayName, exact: true }) });
}

/** Reload the JS-less page and return it, failing on anything but 200. */
export async function reloadPublic(page, path = '/') {
  const response = await page.goto(path, { waitUntil: 'domcontentloaded' });
  assert.equal(response.status(), 200, `GET ${path} answered ${response.status()}`);
  return page;
}
