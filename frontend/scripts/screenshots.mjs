// Throwaway visual check: serves nothing itself; run `npx vite preview --port 4173` first.
// Answers /api/** with sample data shaped like docs/CONTRACTS.md, then saves PNGs to /tmp/relais-shots.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
const AXE = process.env.AXE ? (await import(process.env.AXE)).default : null;

const BASE = process.env.BASE ?? 'http://127.0.0.1:4173';
const OUT = process.env.OUT ?? '/tmp/relais-shots';
mkdirSync(OUT, { recursive: true });

const dept = (id, name, n) => ({ id, name, slug: name.toLowerCase(), archived_at: null, member_count: n, version: 1 });
const theme = (id, name, n) => ({ id, slug: name.toLowerCase().replace(/ /g, '-'), name, description: '', archived_at: null, ambassador_count: n, version: 2 });
const departments = [dept('d1', 'Engineering', 12), dept('d2', 'Sales', 7), dept('d3', 'Marketing', 4)];
const themes = [theme('t1', 'Cloud security', 9), theme('t2', 'Recruiting', 5), theme('t3', 'Sustainability', 3)];
const platforms = [
  { id: 'linkedin', label: 'LinkedIn', placeholder: 'https://www.linkedin.com/in/jane-doe', has_feed: false },
  { id: 'mastodon', label: 'Mastodon', placeholder: '@user@instance.social', has_feed: true },
  { id: 'bluesky', label: 'Bluesky', placeholder: 'jane.bsky.social', has_feed: true },
  { id: 'github', label: 'GitHub', placeholder: 'https://github.com/jane', has_feed: true },
  { id: 'blog', label: 'Blog', placeholder: 'https://jane.example.com', has_feed: true },
];
const account = (id, platform, handle, url, pub = true) => ({
  id, platform, handle, profile_url: url, feed_url: null, public: pub, consented_at: pub ? '2026-11-20T09:00:00Z' : null, created_at: '2026-11-20T09:00:00Z',
});
const accounts = [
  account('a1', 'linkedin', 'ada-lovelace', 'https://www.linkedin.com/in/ada-lovelace'),
  account('a2', 'mastodon', '@ada@mastodon.social', 'https://mastodon.social/@ada', false),
];
const me = (extra = {}) => ({
  id: 'u1', email: 'ada.lovelace@example.com', roles: ['ambassador', 'admin'], display_name: 'Ada Lovelace',
  job_title: 'Principal engineer', department: departments[0], location: 'Lyon', languages: ['fr', 'en'],
  bio: 'I write about cloud security and mentoring.', themes: [themes[0]], locale: 'fr', status: 'active',
  charter: { current_version: 2, accepted_version: 2 },
  listing: { public: true, moderation: 'rejected', reason: 'Please add a job title in English too.', consented_at: '2026-11-21T10:00:00Z', listed: false },
  accounts, version: 3, created_at: '2026-11-20T08:00:00Z', ...extra,
});
const charter = {
  version: 2, title: 'Charte des ambassadeurs', body_markdown: '',
  body_html: '<h2>Notre engagement</h2><p>Vous parlez en votre nom, avec bienveillance et transparence.</p><ul><li>Participation volontaire et révocable.</li><li>Jamais de mot de passe ni de jeton demandé.</li><li>Vos données vous appartiennent : export et suppression à tout moment.</li></ul><h2>Bonnes pratiques</h2><p>Mentionnez votre lien avec l’entreprise quand vous en parlez.</p>',
  published_at: '2026-11-01T10:00:00Z',
};
const people = Array.from({ length: 6 }, (_, i) => ({
  id: `p${i}`, display_name: ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Margaret Hamilton', 'Katherine Johnson', 'Linus Torvalds'][i],
  job_title: ['Principal engineer', 'Sales lead', 'Data scientist', 'Head of QA', 'Analyst', 'Kernel dev'][i],
  department: departments[i % 3], location: ['Lyon', 'Paris', 'Nantes', 'Lille', 'Bordeaux', 'Remote'][i],
  languages: i % 2 ? ['en'] : ['fr', 'en'], themes: [themes[i % 3]], accounts: accounts.slice(0, (i % 2) + 1), public: i !== 4,
}));

function api(route, state) {
  const url = new URL(route.request().url());
  const path = url.pathname.replace(/^\/api/, '');
  const method = route.request().method();
  const json = (body, status = 200, headers = {}) =>
    route.fulfill({ status, contentType: status >= 400 ? 'application/problem+json' : 'application/json', headers, body: JSON.stringify(body) });
  if (path === '/auth/session') return state.signedIn ? json({ user_id: 'u1', roles: ['ambassador', 'admin'], csrf_token: 'x' }) : json({ status: 401, title: 'Unauthorized' }, 401);
  const p = path.replace(/^\/ambassadors/, '');
  if (p === '/me' && method === 'GET') return json(state.me, 200, { ETag: '"u1.3"' });
  if (p === '/me' && method === 'PATCH') return json(state.me, 200, { ETag: '"u1.4"' });
  if (p === '/platforms') return json(platforms);
  if (p === '/departments') return json(departments);
  if (p === '/themes') return json(themes);
  if (p === '/charters/current') return json(charter);
  if (p === '/charters') return json([charter, { ...charter, version: 1, title: 'Charte (première version)', published_at: '2026-06-01T10:00:00Z' }]);
  if (p === '/me/accounts') return json(state.me.accounts);
  if (p === '/accounts/preview') {
    const body = JSON.parse(route.request().postData() ?? '{}');
    if (body.platform === 'linkedin') return json({ platform: 'linkedin', handle: 'grace-hopper', profile_url: 'https://www.linkedin.com/in/grace-hopper/', feed_url: null });
    if (String(body.value).includes('@')) return json({ platform: body.platform, handle: '@grace@hachyderm.io', profile_url: 'https://hachyderm.io/@grace', feed_url: 'https://hachyderm.io/@grace.rss' });
    return json({ status: 422, detail: 'Check the value', errors: [{ field: 'value', message: 'Un identifiant Mastodon ressemble à @nom@instance.social.' }] }, 422);
  }
  if (p === '/me/consents') return json([
    { id: 'c3', scope: 'account', account_id: 'a2', platform: 'mastodon', handle: '@ada@mastodon.social', granted: false, charter_version: 2, actor: 'self', created_at: '2026-11-22T10:00:00Z' },
    { id: 'c2', scope: 'listing', account_id: null, platform: null, handle: null, granted: true, charter_version: 2, actor: 'self', created_at: '2026-11-21T10:00:00Z' },
    { id: 'c1', scope: 'account', account_id: 'a1', platform: 'linkedin', handle: 'ada-lovelace', granted: true, charter_version: 2, actor: 'self', created_at: '2026-11-20T09:00:00Z' },
  ]);
  if (p === '/directory') return json({ items: people, next_cursor: 'abc' });
  if (p.startsWith('/invitations/tok')) return json({ email: 'grace.hopper@example.com', display_name: 'Grace Hopper', department: departments[1], expires_at: '2026-12-07T10:00:00Z' });
  if (p === '/invitations') return json({ items: [
    { id: 'i1', email: 'grace.hopper@example.com', display_name: 'Grace Hopper', department: departments[1], status: 'pending', created_at: '2026-11-22T10:00:00Z', expires_at: '2026-12-06T10:00:00Z' },
    { id: 'i2', email: 'alan.turing@example.com', display_name: 'Alan Turing', department: null, status: 'accepted', created_at: '2026-11-10T10:00:00Z', expires_at: '2026-11-24T10:00:00Z' },
  ], next_cursor: null });
  if (p === '/admin/moderation') return json(people.slice(0, 2).map((x) => ({ ambassador_id: x.id, display_name: x.display_name, email: 'x@example.com', job_title: x.job_title, department: x.department, themes: x.themes, accounts: x.accounts, moderation: 'pending', reason: null, consented_at: '2026-11-22T10:00:00Z' })));
  if (p === '/admin/mailbox') return json({ items: [
    { id: 'm1', to: 'grace.hopper@example.com', subject: 'Invitation à rejoindre Relais', body_text: 'Bonjour Grace,\n\nVous êtes invitée à rejoindre Relais.\nhttp://localhost:8000/app/invitations/tok123\n\nÀ bientôt', created_at: '2026-11-22T10:00:00Z', status: 'sent' },
  ], next_cursor: null });
  if (p === '/admin/ambassadors') return json({ items: people.map((x, i) => ({ id: x.id, email: `${x.id}@example.com`, display_name: x.display_name, roles: i === 0 ? ['ambassador', 'admin'] : ['ambassador'], status: ['active', 'pending', 'suspended'][i % 3], department: x.department, listing: { public: true, moderation: 'approved', reason: null, consented_at: null, listed: i % 2 === 0 }, created_at: '2026-11-20T10:00:00Z' })), next_cursor: null });
  return json({ status: 404, title: 'Not Found', detail: `sample: ${p}` }, 404);
}

const shots = [
  { name: '01-sign-in-fr', path: '/app/sign-in', lang: 'fr', signedIn: false },
  { name: '02-sign-up-en', path: '/app/sign-up', lang: 'en', signedIn: false, fill: async (page) => { await page.getByLabel('Password').fill('correct horse 42'); } },
  { name: '03-invitation-fr', path: '/app/invitations/tok123', lang: 'fr', signedIn: false },
  { name: '04-onboarding-charter-fr', path: '/app/onboarding', lang: 'fr', me: me({ charter: { current_version: 2, accepted_version: null }, status: 'pending' }) },
  { name: '05-onboarding-accounts-en', path: '/app/onboarding', lang: 'en', fill: async (page) => {
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('textbox', { name: 'Job title' }).waitFor({ state: 'detached' }).catch(() => {});
    await page.getByRole('combobox', { name: 'Platform' }).click();
    await page.getByRole('option', { name: /Mastodon/ }).click();
    await page.getByRole('textbox', { name: 'Handle or URL' }).fill('@grace@hachyderm.io');
    await page.getByText('Recognised').waitFor();
  } },
  { name: '06-onboarding-visibility-fr', path: '/app/onboarding', lang: 'fr', fill: async (page) => {
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Ajouter ce compte' }).waitFor();
    await page.getByRole('button', { name: 'Suivant' }).last().click();
  } },
  { name: '07-profile-fr', path: '/app/profile', lang: 'fr', full: true },
  { name: '08-profile-en-mobile', path: '/app/profile', lang: 'en', mobile: true },
  { name: '09-directory-en', path: '/app/directory?theme=cloud-security', lang: 'en', full: true },
  { name: '10-admin-moderation-fr', path: '/app/admin/moderation', lang: 'fr' },
  { name: '11-admin-charter-en', path: '/app/admin/charter', lang: 'en', full: true },
  { name: '12-admin-departments-fr', path: '/app/admin/departments', lang: 'fr' },
  { name: '13-admin-invitations-en', path: '/app/admin/invitations', lang: 'en', full: true },
  { name: '14-admin-mailbox-fr', path: '/app/admin/mailbox', lang: 'fr', fill: async (page) => { await page.getByRole('button', { name: /Invitation à rejoindre/ }).click(); } },
  { name: '15-admin-ambassadors-en-dark', path: '/app/admin/ambassadors', lang: 'en', dark: true },
  { name: '16-directory-fr-dark', path: '/app/directory', lang: 'fr', dark: true },
  { name: '17-profile-paste-fr', path: '/app/profile', lang: 'fr', fill: async (page) => {
    const input = page.getByRole('textbox', { name: 'Identifiant ou URL' });
    await input.scrollIntoViewIfNeeded();
    const url = 'https://www.linkedin.com/in/grace-hopper';
    await input.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, url);
    await input.fill(url);
    await page.getByText('Plateforme reconnue').waitFor();
  } },
  { name: '18-sign-in-en', path: '/app/sign-in', lang: 'en', signedIn: false },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const only = process.argv[2];
for (const shot of shots) {
  if (only && !shot.name.includes(only)) continue;
  const context = await browser.newContext({
    viewport: shot.mobile ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    locale: shot.lang === 'en' ? 'en-GB' : 'fr-FR',
    colorScheme: shot.dark ? 'dark' : 'light',
  });
  await context.addInitScript(([lang, dark]) => {
    localStorage.setItem('relais.lang', lang);
    localStorage.setItem('relais.color-scheme', dark ? 'dark' : 'light');
  }, [shot.lang, Boolean(shot.dark)]);
  const state = { signedIn: shot.signedIn !== false, me: shot.me ?? me() };
  await context.route('**/api/**', (route) => api(route, state));
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[${shot.name}] pageerror`, err.message));
  await page.goto(`${BASE}${shot.path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(400);
  try {
    if (shot.fill) await shot.fill(page);
  } catch (err) {
    console.error(`[${shot.name}] fill failed`, err.message);
  }
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${OUT}/${shot.name}.png`, fullPage: Boolean(shot.full) });
  if (AXE) {
    const result = await new AXE({ page }).analyze();
    for (const v of result.violations.filter((x) => ['serious', 'critical'].includes(x.impact)))
      console.log(`[${shot.name}] axe ${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }
  console.log('saved', shot.name);
  await context.close();
}
await browser.close();
