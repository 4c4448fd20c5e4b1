// The journey of issue 8 (screens in English, the messages in French and English): the core team creates
// “Cloud security <stamp>” around two themes with a purpose and a chair; the chair invites ranked
// suggestions (reasons shown), accepts requests, names two committee members, records three
// externals with their owners and chooses the approval mode; the month is planned (launch,
// conference, two topics) as one editorial path; a committee member writes the launch's grid —
// LinkedIn, X, Mastodon, Bluesky × FR/EN × 2 — one variant per platform typed in the editor (the
// live counter equals POST /api/editorial/text-length with the disclosure), the rest by the API;
// an ambassador suggests her article, accepted with her credited; submit → changes requested with
// a comment → fixed → approved → published; the chair subscribes (.ics with VEVENTs) and a
// preview link opens without an account.
import assert from 'node:assert/strict';
import { newContext } from '../lib/browser.mjs';
import { api, checkpoint, describeResponse, signIn } from '../lib/app.mjs';
import { eventually } from '../lib/poll.mjs';
import { accessibilityVerdict, journey } from '../lib/steps.mjs';

const stamp = Date.now().toString(36);
const NETWORK = `Cloud security ${stamp}`;
const DEMO_PASSWORD = 'demo-password-2026';
const CHAIR = 'Hugo Moreau';
const REQUESTERS = ['Lucas Bernard', 'Lars Andersen', 'Julie Fontaine', 'Anna Müller', 'Omar Farouk'];
const PLATFORMS = ['linkedin', 'x', 'mastodon', 'bluesky'];
const LAUNCH_URL = `https://www.example.com/blog/cloud-shield-${stamp}`;

/** The demo company's address of a person (relais_ambassadors.demo.email_of). */
export const emailOf = (name) =>
  `${name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/\s+/).join('.')}@demo.relais.localhost`;

async function json(context, method, path, body, expected = [200, 201]) {
  const res = await api(context, method, path, body);
  assert.ok(expected.includes(res.status()), await describeResponse(res));
  return res.status() === 204 ? null : res.json();
}

/** Poll until `check` answers something truthy, saying which thing is not there yet. */
function until(check, options) {
  return eventually(async () => {
    const result = await check();
    assert.ok(result, `${options.what}: not yet`);
    return result;
  }, options);
}

function dayIn(month, day, hour = 9) {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), day, hour)).toISOString();
}

export function networksJourney(run) {
  const step = journey();
  const people = new Map(); // name -> { context, page }
  let slug;
  let admin;
  let invited = [];
  let requesters = [];
  let committee = []; // [author, reviewer-other-than-chair]
  let entries = {};
  let grid;
  let contributed;
  const nextMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1));

  async function as(name) {
    if (people.has(name)) return people.get(name);
    const context = await newContext(run.browser, run.stack.url);
    const login = await context.request.post('/api/auth/login', { data: { email: emailOf(name), password: DEMO_PASSWORD }, failOnStatusCode: false });
    assert.equal(login.status(), 200, await describeResponse(login));
    const person = { context, page: await context.newPage() };
    people.set(name, person);
    return person;
  }
  const base = () => `/api/editorial/networks/${slug}`;

  step('the core team creates the network around two themes, with its purpose and chair', async () => {
    const context = await newContext(run.browser, run.stack.url);
    admin = await context.newPage();
    await signIn(admin, run.stack.admin);
    await admin.waitForURL(/\/app\/(profile|onboarding|admin)/);
    await admin.goto('/app/networks');
    const form = admin.getByRole('region', { name: /^(Create a network|Créer un réseau)$/ }).or(admin.locator('section[aria-labelledby="create-network"]')).first();
    await form.getByLabel(/^(Name|Nom)/).fill(NETWORK);
    await form.getByLabel(/^(Purpose|Raison d’être)/).fill('Protect our customers’ workloads in the cloud, and say so with one voice.');
    const themes = form.getByLabel(/^(Themes|Thèmes)/);
    for (const theme of ['Cloud security', 'Open source']) {
      await themes.click();
      await themes.fill(theme.slice(0, 5));
      await admin.getByRole('option', { name: theme, exact: true }).click();
    }
    await admin.keyboard.press('Escape');
    const chair = form.getByLabel(/^(Chair|Président·e)/);
    await chair.fill('Hugo Mor');
    await admin.getByRole('option', { name: /^Hugo Moreau/ }).click();
    await checkpoint(admin, 'networks-create');
    await form.getByRole('button', { name: /^(Create the network|Créer le réseau)$/ }).click();
    await admin.waitForURL(/\/app\/networks\/[^/]+$/);
    slug = decodeURIComponent(new URL(admin.url()).pathname.split('/').pop());
    await admin.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    const read = await json(context, 'GET', `/api/ambassadors/networks/${slug}`);
    assert.deepEqual(read.themes.map((t) => t.name).sort(), ['Cloud security', 'Open source']);
  });

  step('Relais suggests fitting ambassadors, ranked, with reasons; the chair invites two', async () => {
    const { page, context } = await as(CHAIR);
    const ranked = await until(async () => {
      const s = await json(context, 'GET', `/api/ambassadors/networks/${slug}/suggestions`);
      return s.items.length >= 2 ? s.items : null;
    }, { what: 'suggestions for the new network' });
    assert.ok(ranked.every((s) => s.reasons.length > 0), 'every suggestion says why');
    await page.goto(`/app/networks/${slug}`);
    await page.getByRole('tab', { name: 'Suggestions' }).click();
    await page.getByText(ranked[0].reasons[0].detail).first().waitFor();
    await checkpoint(page, 'networks-suggestions');
    const candidates = ranked.filter((s) => !s.membership_status && !REQUESTERS.includes(s.ambassador.display_name)).slice(0, 2);
    assert.equal(candidates.length, 2, 'two suggestions to invite');
    for (const s of candidates) {
      await page.getByRole('button', { name: new RegExp(`^(Invite|Inviter) ${s.ambassador.display_name}$`) }).click();
      await page.getByRole('listitem').filter({ hasText: s.ambassador.display_name }).getByText(/^(Invited|Invité·e)$/).waitFor();
    }
    invited = candidates.map((s) => s.ambassador.display_name);
    for (const name of invited) {
      const { context: theirs } = await as(name);
      await json(theirs, 'POST', `/api/ambassadors/networks/${slug}/invitation/accept`);
    }
  });

  step('others ask to join and the chair accepts them', async () => {
    requesters = REQUESTERS.filter((n) => !invited.includes(n)).slice(0, 2);
    for (const name of requesters) {
      const { context } = await as(name);
      await json(context, 'POST', `/api/ambassadors/networks/${slug}/join`);
    }
    const { page } = await as(CHAIR);
    await page.goto(`/app/networks/${slug}`);
    for (const name of requesters) {
      await page.getByRole('button', { name: new RegExp(`^(Accept|Accepter) ${name}$`) }).click();
      await page.getByRole('rowheader', { name: new RegExp(name) }).waitFor();
    }
    await checkpoint(page, 'networks-members');
  });

  step('the chair names two committee members', async () => {
    committee = [invited[0], requesters[0]];
    const { page, context } = await as(CHAIR);
    for (const name of committee) {
      await page.getByRole('combobox', { name: new RegExp(`^(Role of|Rôle de) ${name}$`) }).selectOption('committee');
      await until(async () => {
        const m = await json(context, 'GET', `/api/ambassadors/networks/${slug}/members`);
        return m.items.find((x) => x.display_name === name)?.role === 'committee' || null;
      }, { what: `${name} in the committee` });
    }
    // editorial learns the roles from events (its own read model)
    for (const name of committee) {
      const { context: theirs } = await as(name);
      await until(async () => (await json(theirs, 'GET', `/api/editorial/networks/${slug}`)).my_role === 'committee' || null, {
        what: `editorial knows ${name} is in the committee`,
      });
    }
  });

  step('the chair records a client, a journalist and an analyst with the colleague who knows each', async () => {
    const { page, context } = await as(CHAIR);
    const members = (await json(context, 'GET', `/api/ambassadors/networks/${slug}/members`)).items;
    const ownerId = (name) => members.find((m) => m.display_name === name).ambassador_id;
    const externals = [
      { kind: 'client', name: `Banque Horizon ${stamp}`, organisation: 'Banque Horizon', owner_id: ownerId(committee[0]) },
      { kind: 'journalist', name: `Claire Journaliste ${stamp}`, organisation: 'Le Monde Informatique', owner_id: ownerId(requesters[0]) },
      { kind: 'analyst', name: `Ravi Analyst ${stamp}`, organisation: 'Gartner', owner_id: ownerId(requesters[1]) },
    ];
    for (const external of externals) await json(context, 'POST', `/api/ambassadors/networks/${slug}/externals`, { ...external, notes: 'Met at the Paris cloud summit.' });
    await page.goto(`/app/networks/${slug}`);
    await page.getByRole('tab', { name: /^(External actors|Acteurs externes)$/ }).click();
    for (const external of externals) await page.getByText(external.name).first().waitFor();
    await checkpoint(page, 'networks-externals');
  });

  step('the committee chooses its approval mode (required)', async () => {
    const { page, context } = await as(CHAIR);
    await until(async () => (await json(context, 'GET', `/api/editorial/networks/${slug}`)).my_role === 'chair' || null, { what: 'editorial knows the chair' });
    await page.goto(`/app/networks/${slug}`);
    await page.getByRole('tab', { name: /^(Calendar|Calendrier)$/ }).click();
    const settings = page.locator('section[aria-labelledby="approval-settings"]');
    await settings.getByLabel(/^(Approval mode|Mode de validation)/).click();
    await page.getByRole('option', { name: /^(Required|Obligatoire)$/ }).click();
    await settings.getByRole('button', { name: /^(Save|Enregistrer)$/ }).click();
    await until(async () => (await json(context, 'GET', `${base()}/settings`)).approval_mode === 'required' || null, { what: 'approval mode saved' });
  });

  step('the month is planned: a launch, a conference, two topics, as one editorial path', async () => {
    const { page, context } = await as(CHAIR);
    const plan = [
      ['launch', 'launch', 'Launch: Cloud Shield', 6, LAUNCH_URL],
      ['conference', 'event', 'Cloud Security Summit Paris', 13, null],
      ['topic1', 'topic', 'Topic: zero trust in practice', 20, null],
      ['topic2', 'topic', 'Topic: open source supply chain', 27, null],
    ];
    for (const [key, kind, title, day, url] of plan) {
      const created = await json(context, 'POST', `${base()}/entries`, {
        kind,
        title: `${title} ${stamp}`,
        starts_at: dayIn(nextMonth, day),
        ends_at: dayIn(nextMonth, day, 11),
        content_url: url,
      });
      entries[key] = created;
    }
    const path = await api(context, 'GET', `${base()}/path`);
    const etag = path.headers()['etag'];
    const res = await api(context, 'PUT', `${base()}/path`, { entry_ids: plan.map(([key]) => entries[key].id) });
    if (res.status() === 428 || res.status() === 412) {
      const retry = await context.request.fetch(`${base()}/path`, {
        method: 'PUT',
        headers: { 'x-csrf-token': (await context.cookies()).find((c) => c.name === 'relais_csrf')?.value ?? '', 'if-match': etag ?? '' },
        data: { entry_ids: plan.map(([key]) => entries[key].id) },
      });
      assert.equal(retry.status(), 200, await describeResponse(retry));
    } else assert.equal(res.status(), 200, await describeResponse(res));
    await page.goto(`/app/networks/${slug}`);
    await page.getByRole('tab', { name: /^(Calendar|Calendrier)$/ }).click();
    await page.getByRole('button', { name: /^(next|suivant)/i }).first().click();
    for (const [key] of plan) await page.getByRole('rowheader', { name: new RegExp(entries[key].title) }).first().waitFor();
    await checkpoint(page, 'networks-calendar');
  });

  step('a committee member writes the launch grid: one variant per platform typed, counters as the server counts', async () => {
    const author = committee[0];
    const { page, context } = await as(author);
    await page.goto(`/app/networks/${slug}/entries/${entries.launch.id}`);
    const create = page.locator('section[aria-labelledby="grid-new"]');
    await create.getByLabel(/^(Title|Titre)/).fill(`Cloud Shield launch ${stamp}`);
    assert.equal(await create.getByLabel(/^(Link to the content|Lien vers le contenu)/).inputValue(), LAUNCH_URL);
    await create.getByLabel(/^(Hashtags|Mots-dièse)/).fill('#CloudShield #cloudsecurity');
    await create.getByRole('button', { name: /^(Create a grid|Créer une grille)$/ }).click();
    grid = await until(async () => (await json(context, 'GET', `${base()}/entries/${entries.launch.id}/grids`)).items[0] ?? null, { what: 'the grid' });
    assert.ok(grid.disclosure, 'the network has a disclosure');
    const add = page.locator(`section[aria-labelledby="add-variant-${grid.id}"]`);
    await add.waitFor();
    const labels = { linkedin: 'LinkedIn', x: /^X/, mastodon: 'Mastodon', bluesky: 'Bluesky' };
    for (const platform of PLATFORMS) {
      const text = `Cloud Shield est là : vos charges cloud protégées de bout en bout. ${LAUNCH_URL} #CloudShield`;
      await add.getByLabel(/^(Platform|Plateforme)/).click();
      await page.getByRole('option', { name: labels[platform] }).first().click();
      await add.getByLabel(/^Message/).fill(text);
      const counter = add.locator(`[id="add-variant-${grid.id}-count"]`);
      const shown = Number(await counter.getAttribute('data-count'));
      const server = await json(context, 'POST', '/api/editorial/text-length', { platform, text: `${text}\n\n${grid.disclosure}` });
      assert.equal(shown, server.count, `${platform}: the editor shows ${shown}, the server counts ${server.count}`);
      await add.getByRole('button', { name: /^(Add a variant|Ajouter une variante)$/ }).click();
      await page.getByRole('article', { name: new RegExp(`FR #1$`) }).filter({ hasText: text.slice(0, 20) }).nth(PLATFORMS.indexOf(platform)).waitFor();
    }
    await checkpoint(page, 'networks-grid-editor');
    // the other twelve (FR #2, EN #1, EN #2 per platform) by the API, each with the grid's ETag
    for (const platform of PLATFORMS) {
      for (const [language, n] of [['fr', 2], ['en', 1], ['en', 2]]) {
        const text = language === 'fr' ? `Variante ${n} : Cloud Shield, la sécurité sans friction. ${LAUNCH_URL}` : `Variant ${n}: meet Cloud Shield, security without friction. ${LAUNCH_URL} #CloudShield`;
        const current = await api(context, 'GET', `${base()}/grids/${grid.id}`);
        const res = await context.request.fetch(`${base()}/grids/${grid.id}/variants`, {
          method: 'POST',
          headers: { 'x-csrf-token': (await context.cookies()).find((c) => c.name === 'relais_csrf')?.value ?? '', 'if-match': current.headers()['etag'] },
          data: { platform, language, text },
          failOnStatusCode: false,
        });
        assert.equal(res.status(), 201, await describeResponse(res));
      }
    }
    grid = await json(context, 'GET', `${base()}/grids/${grid.id}`);
    assert.equal(grid.variants.length, 16);
    for (const v of grid.variants) assert.ok(v.full_text.includes(grid.disclosure) && !v.over_limit, `${v.platform} ${v.language}`);
    await page.reload();
    await page.getByRole('article', { name: /EN #2$/ }).nth(3).waitFor();
    await checkpoint(page, 'networks-grid-sixteen');
  });

  step('an ambassador suggests her own article; the committee accepts it with her credited', async () => {
    const ambassador = requesters[1];
    const { context } = await as(ambassador);
    const suggested = await json(context, 'POST', `${base()}/contributions`, {
      kind: 'link',
      title: `How we audit our cloud keys ${stamp}`,
      url: `https://blog.example.com/cloud-keys-${stamp}`,
      note: 'My article from last week, it fits the launch.',
    });
    const { page, context: chair } = await as(committee[1]);
    await page.goto(`/app/networks/${slug}`);
    await page.getByRole('tab', { name: /^Contributions$/ }).click();
    await page.getByText(suggested.title).first().waitFor();
    await checkpoint(page, 'networks-contributions');
    const accepted = await json(chair, 'POST', `${base()}/contributions/${suggested.id}/accept`, {
      into: 'entry',
      entry: { kind: 'topic', starts_at: dayIn(nextMonth, 16), ends_at: dayIn(nextMonth, 16, 10) },
      note: 'Thank you!',
    });
    assert.equal(accepted.status, 'accepted');
    const entry = await json(chair, 'GET', `${base()}/entries/${accepted.entry_id}`);
    assert.equal(entry.content_url, suggested.url);
    contributed = { entry, author: ambassador }; // her credit is checked on the preview
  });

  step('the author submits; the chair sees it in the review queue and asks for a change with a comment', async () => {
    const { page } = await as(committee[0]);
    await page.goto(`/app/networks/${slug}/entries/${entries.launch.id}`);
    await page.getByRole('button', { name: /^(Submit for review|Soumettre à relecture)$/ }).click();
    await page.getByText(/^(In review|En relecture)$/).first().waitFor();
    const { page: chair } = await as(CHAIR);
    await chair.goto('/app/review');
    await chair.getByRole('link', { name: /^(Review|Relecture)\s*\d/ }).first().waitFor();
    await chair.getByRole('link', { name: grid.title }).waitFor();
    await checkpoint(chair, 'networks-review-queue');
    await chair.getByRole('link', { name: grid.title }).click();
    await chair.getByLabel(/^(Comment for the author|Commentaire pour l’auteur)/).fill('Le X FR n° 1 doit citer le sommet de Paris.');
    await chair.getByRole('button', { name: /^(Request changes|Demander des modifications)$/ }).click();
    await chair.getByText(/^(Changes requested|Modifications demandées)$/).first().waitFor();
    await chair.getByText('Le X FR n° 1 doit citer le sommet de Paris.').first().waitFor();
    await checkpoint(chair, 'networks-review-changes-requested');
  });

  step('the author fixes the variant and submits again; the chair approves and publishes', async () => {
    const { page } = await as(committee[0]);
    await page.goto(`/app/networks/${slug}/entries/${entries.launch.id}`);
    const variant = page.getByRole('article', { name: /^Message X .*FR #1$/ });
    const field = variant.getByRole('textbox');
    await field.fill(`Cloud Shield est là, à découvrir au Cloud Security Summit Paris. ${LAUNCH_URL}`);
    await variant.getByRole('button', { name: /^(Save|Enregistrer)$/ }).click();
    await variant.getByText(/^(Save|Enregistrer)$/).waitFor();
    await page.getByText(/(Variant saved|Variante enregistrée)/).first().waitFor();
    await page.getByRole('button', { name: /^(Submit for review|Soumettre à relecture)$/ }).click();
    await page.getByText(/^(In review|En relecture)$/).first().waitFor();
    const { page: chair, context } = await as(CHAIR);
    await chair.goto(`/app/networks/${slug}/entries/${entries.launch.id}`);
    await chair.getByRole('button', { name: /^(Approve|Approuver)$/ }).click();
    await chair.getByRole('button', { name: /^(Publish|Publier)$/ }).click();
    await chair.getByText(/^(Published|Publiée)$/).first().waitFor();
    const final = await json(context, 'GET', `${base()}/grids/${grid.id}`);
    assert.equal(final.status, 'published');
    const history = await json(context, 'GET', `${base()}/grids/${grid.id}/history`);
    assert.ok(history.items.some((r) => r.changes.some((c) => c.diff)), 'the history keeps the diff of the fix');
    await chair.getByRole('button', { name: /^(Show the history|Afficher l’historique)$/ }).click();
    await chair.locator('pre').first().waitFor();
    await checkpoint(chair, 'networks-grid-published');
  });

  step('the chair subscribes to the calendar: the .ics holds the entries', async () => {
    const { page } = await as(CHAIR);
    await page.goto(`/app/networks/${slug}`);
    await page.getByRole('tab', { name: /^(Calendar|Calendrier)$/ }).click();
    await page.getByLabel(/^(Label|Libellé)/).fill('Mon agenda');
    await page.getByRole('button', { name: /^(Create a subscription address|Créer une adresse d’abonnement)$/ }).click();
    const address = page.getByRole('textbox', { name: /\/ical\/.+\.ics$/ });
    await address.waitFor();
    const url = await address.inputValue();
    const ics = await page.context().request.get(new URL(url).pathname);
    assert.equal(ics.status(), 200, await describeResponse(ics));
    assert.match(ics.headers()['content-type'], /text\/calendar/);
    const body = await ics.text();
    assert.match(body, /^BEGIN:VCALENDAR/);
    const events = body.split('BEGIN:VEVENT').length - 1;
    assert.ok(events >= 5, `${events} VEVENTs`);
    assert.ok(body.includes(`Launch: Cloud Shield ${stamp}`.slice(0, 40)), 'the launch is in the feed');
  });

  step('a read-only preview link opens without an account and shows the entries', async () => {
    const { context } = await as(CHAIR);
    const preview = await json(context, 'POST', `${base()}/previews`, {
      label: 'Product manager',
      expires_at: new Date(Date.now() + 7 * 86400_000).toISOString(),
      from_date: dayIn(nextMonth, 1).slice(0, 10),
      to_date: dayIn(nextMonth, 28).slice(0, 10),
    });
    const stranger = await newContext(run.browser, run.stack.url);
    try {
      const page = await stranger.newPage();
      await page.goto(`/app/preview/${preview.token}`);
      await page.getByText(entries.launch.title).first().waitFor();
      await page.getByText(entries.conference.title).first().waitFor();
      const shown = await json(stranger, 'GET', `/api/editorial/previews/${preview.token}`);
      assert.equal(shown.entries.find((e) => e.title === contributed.entry.title)?.credited_name, contributed.author);
      await page.getByText(contributed.entry.title).first().waitFor();
      await page.getByText(new RegExp(contributed.author)).first().waitFor();
      await checkpoint(page, 'networks-preview');
      assert.equal((await api(stranger, 'GET', '/api/auth/session')).status(), 401);
    } finally {
      await stranger.close();
    }
  });

  step('closing the browsers', async () => {
    for (const { context } of people.values()) await context.close().catch(() => {});
    await admin?.context().close().catch(() => {});
  }, { independent: true });

  accessibilityVerdict('networks-');
}
