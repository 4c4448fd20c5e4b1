// English: the public Planet. Three ambassadors publish blogs on a local feed server; a visitor
// reads the river, the people index, a person page and the "Cloud security" theme, subscribes to
// its Atom / JSON Feed, imports its OPML and Mastodon follow list; the "Recruiting" widget renders
// on a host page with a strict CSP; Ada keeps only her posts tagged cloud and hides one (gone from
// /); Bea sees that Relais follows her feed's 301; Carl sees his feed failing, and why.
import assert from 'node:assert/strict';
import { newContext } from '../lib/browser.mjs';
import { checkpoint, checkpointWithoutJs, describeResponse } from '../lib/app.mjs';
import { linkFromMail } from '../lib/mail.mjs';
import { eventually } from '../lib/poll.mjs';
import { fetchPublic } from '../lib/public.mjs';
import { accessibilityVerdict, journey } from '../lib/steps.mjs';
import { POSTS } from './planet-feeds.mjs';

const stamp = Date.now().toString(36);
const person = (name, theme, blog) => ({
  name: `${name} Planet ${stamp.slice(-4).toUpperCase()}`,
  email: `${name.toLowerCase()}.planet.${stamp}@example.com`,
  password: `Relais-e2e-${name}-2026!`,
  theme,
  blog,
});
const ADA = person('Ada', 'Cloud security', 'ada');
const BEA = person('Bea', 'Recruiting', 'bea');
const CARL = person('Carl', 'Cloud security', 'carl');

/** A JSON call with the context's session (cookies + CSRF), optional extra headers. */
async function call(context, method, path, body, headers = {}) {
  const cookies = await context.cookies();
  const csrf = cookies.find((c) => c.name === 'relais_csrf')?.value;
  const res = await context.request.fetch(path, { method, headers: { ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers }, data: body, failOnStatusCode: false });
  if (res.status() >= 400) throw new Error(await describeResponse(res));
  return res;
}

/** Sign up, confirm the address, accept the charter, pick the theme, declare the blog (public), ask to be listed. */
async function becomeAmbassador(run, who, feeds) {
  const context = await newContext(run.browser, run.stack.url, { locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/app/');
  await call(context, 'POST', '/api/ambassadors/signup', { display_name: who.name, email: who.email, password: who.password, locale: 'en' });
  await page.goto(new URL(await linkFromMail(run.stack, who.email, 'verify-email')).pathname);
  await page.waitForLoadState('networkidle');
  await call(context, 'POST', '/api/auth/login', { email: who.email, password: who.password });
  const charter = await (await call(context, 'GET', '/api/ambassadors/charters/current')).json();
  await call(context, 'POST', '/api/ambassadors/me/charter-acceptance', { version: charter.version });
  const themes = await (await call(context, 'GET', '/api/ambassadors/themes')).json();
  const theme = (themes.items ?? themes).find((t) => t.name === who.theme);
  assert.ok(theme, `demo theme “${who.theme}”`);
  const meRes = await call(context, 'GET', '/api/ambassadors/me');
  await call(context, 'PATCH', '/api/ambassadors/me', { theme_ids: [theme.id], job_title: 'Engineer', bio: `${who.name} writes a blog.` }, { 'if-match': meRes.headers().etag });
  const account = await (await call(context, 'POST', '/api/ambassadors/me/accounts', { platform: 'blog', value: `${feeds.origin}/${who.blog}/`, public: true })).json();
  assert.equal(account.feed_url?.startsWith(feeds.origin), true, `the blog's feed was discovered: ${JSON.stringify(account)}`);
  await call(context, 'PUT', '/api/ambassadors/me/listing', { public: true });
  const me = await (await call(context, 'GET', '/api/ambassadors/me')).json();
  return { context, page, id: me.id, account };
}

const text = (html) => html.replace(/<[^>]+>/g, ' ');

export function planetJourney(run) {
  const step = journey();
  const people = {};
  let visitor;
  let slugAda = null;

  step('three ambassadors publish a blog (local feed server) and the admin approves them', async () => {
    const feeds = run.feeds;
    for (const who of [ADA, BEA, CARL]) people[who.blog] = await becomeAmbassador(run, who, feeds);
    const admin = await newContext(run.browser, run.stack.url, { locale: 'en-GB' });
    const adminPage = await admin.newPage();
    await adminPage.goto('/app/');
    await call(admin, 'POST', '/api/auth/login', run.stack.admin);
    for (const who of Object.values(people)) await call(admin, 'POST', `/api/ambassadors/admin/moderation/${who.id}/approve`);
    await admin.close();
  });

  step('Ada turns on “Show my posts on the company page” on her profile; Bea and Carl too', async () => {
    const { page } = people.ada;
    await page.goto('/app/profile');
    const toggle = page.getByRole('switch', { name: /^Show my posts from .* on the company page$/ });
    await toggle.waitFor();
    assert.equal(await toggle.isChecked(), false, 'the posts consent starts off, apart from listing the account');
    await toggle.click();
    await page.getByText('Your posts from this account will show on the company page.').waitFor();
    for (const who of ['bea', 'carl']) await call(people[who].context, 'PUT', `/api/ambassadors/me/accounts/${people[who].account.id}/posts`, { public: true });
    await eventually(async () => {
      const feeds = await (await call(people.ada.context, 'GET', '/api/aggregator/me/feeds')).json();
      assert.ok(feeds.items[0]?.last_success_at, `Ada's feed read: ${JSON.stringify(feeds.items[0] ?? null)}`);
      return true;
    }, { what: 'Ada’s feed read', timeout: 90_000 });
    await page.reload();
    await page.getByRole('button', { name: `Hide “${POSTS.ada[0].title}” from the company page` }).waitFor();
    await checkpoint(page, 'planet-ada-profile-feed');
  });

  step('a visitor opens / without JavaScript: name, themes, the river newest first', async () => {
    visitor = await newContext(run.browser, run.stack.url, { javaScriptEnabled: false, locale: 'en-GB' });
    const page = await visitor.newPage();
    await eventually(async () => {
      await page.goto('/');
      const html = await page.content();
      for (const post of POSTS.ada) assert.ok(html.includes(post.title), `“${post.title}” in the river`);
      return true;
    }, { what: 'Ada’s posts on /', timeout: 90_000 });
    const html = await page.content();
    assert.match(text(html), /Relais demo company/, 'the company’s name');
    assert.equal(await page.locator('a.brand img').count() >= 1, true, 'the company’s logo');
    for (const theme of ['Cloud security', 'Recruiting']) assert.ok(html.includes(theme), `theme ${theme} on /`);
    const order = POSTS.ada.map((p) => html.indexOf(p.title));
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'newest first');
    assert.equal(html.includes('window.pwned'), false, 'the feed’s script is not on the page');
    await checkpointWithoutJs(page, 'planet-home');
    // 24 posts: the river is paginated, the oldest note on page 2
    assert.equal(html.includes('Recruiting note 20'), false, 'the oldest post is not on page 1');
    const next = page.locator('a[href*="page=2"]').first();
    await next.waitFor();
    await next.click();
    await page.waitForURL(/page=2/);
    assert.ok((await page.content()).includes('Recruiting note 20'), 'the oldest post on page 2');
    await checkpointWithoutJs(page, 'planet-home-page-2');
  });

  step('the people index filters by theme, each person once; Ada’s page lists her account and posts', async () => {
    const page = await visitor.newPage();
    await page.goto('/people/?theme=cloud-security');
    const html = await page.content();
    for (const who of [ADA, CARL]) assert.equal(html.split(who.name).length - 1 >= 1, true, `${who.name} in the Cloud security index`);
    assert.equal(html.includes(BEA.name), false, 'Bea (Recruiting) is not in the Cloud security index');
    await checkpointWithoutJs(page, 'planet-people-cloud');
    const link = page.getByRole('link', { name: ADA.name }).first();
    slugAda = await link.getAttribute('href');
    assert.equal(await page.getByRole('link', { name: ADA.name }).count(), 1, 'Ada once');
    await page.goto(slugAda);
    const personHtml = await page.content();
    assert.ok(personHtml.includes(POSTS.ada[0].title), 'her latest posts');
    assert.ok(personHtml.includes(`/${ADA.blog}`), 'her blog account');
    await checkpointWithoutJs(page, 'planet-person-ada');
  });

  step('the “Cloud security” theme: page, Atom, JSON Feed, OPML and Mastodon follow list', async () => {
    const page = await visitor.newPage();
    await page.goto('/themes/cloud-security');
    assert.ok((await page.content()).includes(POSTS.ada[0].title));
    await checkpointWithoutJs(page, 'planet-theme-cloud');
    const atom = await fetchPublic(run.stack.url, '/feeds/themes/cloud-security.atom');
    assert.match(atom.headers.get('content-type') ?? '', /atom\+xml|xml/);
    const atomText = atom.html;
    assert.match(atomText, /<feed[^>]*xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    assert.ok(atomText.includes(POSTS.ada[0].title), 'Atom has Ada’s post');
    const json = JSON.parse((await fetchPublic(run.stack.url, '/feeds/themes/cloud-security.json')).html);
    assert.match(json.version, /jsonfeed\.org\/version\/1/);
    assert.ok(json.items.some((i) => i.title === POSTS.ada[0].title), 'JSON Feed has Ada’s post');
    const opml = (await fetchPublic(run.stack.url, '/opml/themes/cloud-security.opml')).html;
    assert.match(opml, /<opml/);
    assert.ok(opml.includes(`${run.feeds.origin}/ada/feed.xml`), 'OPML lists Ada’s feed');
    const csv = await fetchPublic(run.stack.url, '/opml/themes/cloud-security.csv');
    assert.equal(csv.status, 200, 'the Mastodon follow list downloads');
    assert.match(csv.html.split('\n')[0], /Account address/i, 'Mastodon’s import header');
  });

  step('the “Recruiting” widget renders on a host page with a strict CSP', async () => {
    const origins = new Set([new URL(run.stack.url).origin, run.feeds.origin]);
    const host = await run.browser.newContext({ locale: 'en-GB' });
    await host.route((url) => !origins.has(url.origin), (route) => route.abort('blockedbyclient'));
    const page = await host.newPage();
    const violations = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto(`${run.feeds.origin}/host/`);
    const frame = page.frameLocator('iframe').first();
    await frame.getByText(POSTS.bea[0].title).waitFor({ timeout: 30_000 });
    assert.deepEqual(violations, [], 'no CSP violation on the host page');
    await page.screenshot({ path: new URL('../screenshots/planet-widget-host.png', import.meta.url).pathname, fullPage: true });
    await host.close();
  });

  step('Ada keeps only her posts tagged cloud and hides one: gone from /', async () => {
    const { page } = people.ada;
    await page.getByLabel(/^Only posts tagged/).fill('cloud');
    await page.getByRole('button', { name: 'Save the filters' }).click();
    await page.getByText('Filters saved.').waitFor();
    await page.getByRole('button', { name: `Hide “${POSTS.ada[2].title}” from the company page` }).click();
    await page.getByText('Post hidden: it is gone from the company page.').waitFor();
    await checkpoint(page, 'planet-ada-filtered-hidden');
    const home = await visitor.newPage();
    await eventually(async () => {
      await home.goto('/');
      const html = await home.content();
      assert.ok(html.includes(POSTS.ada[0].title), 'the cloud post stays');
      assert.equal(html.includes(POSTS.ada[1].title), false, 'the Kubernetes post (not tagged cloud) is gone');
      assert.equal(html.includes(POSTS.ada[2].title), false, 'the hidden post is gone');
      return true;
    }, { what: 'filtered and hidden posts gone from /', timeout: 60_000 });
  });

  step('Bea sees that her old feed answered 301 and that Relais follows the new address', async () => {
    const { page } = people.bea;
    await page.goto('/app/profile');
    await page.getByText(new RegExp(`Relais now follows the new address ${run.feeds.origin.replace(/[.:/]/g, '\\$&')}/bea/new\\.atom`)).waitFor({ timeout: 60_000 });
    await checkpoint(page, 'planet-bea-301');
  });

  step('Carl sees that his feed fails, and why', async () => {
    const { page } = people.carl;
    await page.goto('/app/profile');
    const alert = page.getByRole('alert').filter({ hasText: /Failing|Not read yet/ });
    await alert.waitFor({ timeout: 60_000 });
    assert.match(await alert.innerText(), /500/, 'the HTTP status and the reason in words');
    await checkpoint(page, 'planet-carl-failing');
  });

  step('the admin sees every feed’s health and pins Ada’s post: it leads the river', async () => {
    const admin = await newContext(run.browser, run.stack.url, { locale: 'en-GB' });
    const page = await admin.newPage();
    await page.goto('/app/');
    await call(admin, 'POST', '/api/auth/login', run.stack.admin);
    await page.goto('/app/admin/planet');
    const feeds = page.getByRole('table', { name: /Every feed Relais reads/ });
    await feeds.getByRole('row').filter({ hasText: `${run.feeds.origin.replace('http://', '')}/carl` }).filter({ hasText: 'Failing' }).waitFor();
    await feeds.getByText(/Moved \(301\) from .*\/bea\/old\.xml/).waitFor();
    const pin = page.getByRole('switch', { name: `Pin “${POSTS.ada[0].title}” at the top of the river` });
    await pin.click();
    await page.getByText('Saved: every output follows at once.').waitFor();
    await checkpoint(page, 'planet-admin');
    const home = await visitor.newPage();
    await eventually(async () => {
      await home.goto('/');
      const first = home.locator('article').first();
      assert.match(await first.innerText(), /Pinned/, 'the pinned post leads the river');
      assert.match(await first.innerText(), new RegExp(POSTS.ada[0].title));
      return true;
    }, { what: 'the pinned post first on /', timeout: 60_000 });
    await admin.close();
  });

  step('closing the browsers', async () => {
    for (const who of Object.values(people)) await who.context.close().catch(() => {});
    await visitor?.close().catch(() => {});
  }, { independent: true });

  accessibilityVerdict('planet-');
}
