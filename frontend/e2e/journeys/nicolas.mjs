// Français : Nicolas (LinkedIn, Mastodon, GitHub) s'inscrit, est approuvé, apparaît sur la page
// publique, retire ses consentements, télécharge ses données puis efface son compte.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { newContext } from '../lib/browser.mjs';
import { api, checkpoint, checkpointWithoutJs, describeResponse, openFromNavigation, signIn } from '../lib/app.mjs';
import { linkFromMail } from '../lib/mail.mjs';
import { eventually } from '../lib/poll.mjs';
import { emailsIn, personCard, reloadPublic } from '../lib/public.mjs';
import { accessibilityVerdict, journey } from '../lib/steps.mjs';
import * as me from './nicolas-screens.mjs';

const stamp = Date.now().toString(36);
export const NICOLAS = {
  email: `nicolas.ferrand.${stamp}@example.com`,
  password: 'Relais-e2e-Nicolas-2026!',
  displayName: `Nicolas Ferrand ${stamp.slice(-4).toUpperCase()}`,
  jobTitle: 'Ingénieur logiciel',
  location: 'Lyon',
  bio: 'J’écris sur la sécurité du cloud et l’observabilité, et je parle en meetup une fois par mois.',
  accounts: [
    { platform: 'LinkedIn', value: `https://www.linkedin.com/in/nicolas-ferrand-${stamp}`, public: true, link: /linkedin\.com\/in\/nicolas-ferrand-/ },
    { platform: 'Mastodon', value: `@nferrand${stamp}@mastodon.social`, public: true, link: /mastodon\.social\/@nferrand/ },
    { platform: 'GitHub', value: `nferrand-${stamp}`, public: false, link: /github\.com\/nferrand-/ },
  ],
};

export function nicolasJourney(run) {
  const step = journey();
  let browser; let context; let page; let adminContext; let adminPage; let publicContext; let publicPage;
  const chosen = { themes: [], department: null };
  let oldCookies = [];

  /** The public page, reloaded every 2 s for up to 60 s until `check` passes. */
  const publicEventually = (what, check, path = '/people/') => eventually(async () => {
    await reloadPublic(publicPage, path);
    await check();
    return true;
  }, { what, timeout: 60_000, interval: 2_000 });
  // The Planet's people index lists each person once; its theme filter (a plain GET form) gives
  // the people of one theme. The option's value is the theme's slug.
  const themeSlug = async (theme) => {
    await reloadPublic(publicPage, '/people/');
    return publicPage.locator('select[name="theme"] option', { hasText: theme }).first().getAttribute('value');
  };
  const cardUnder = async (theme) => {
    const slug = await themeSlug(theme);
    assert.ok(slug, `the theme “${theme}” is offered in the people filter`);
    await reloadPublic(publicPage, `/people/?theme=${encodeURIComponent(slug)}`);
    return personCard(publicPage, NICOLAS.displayName);
  };

  step('il ouvre /app/, passe l’interface en français et crée son compte', async () => {
    browser = run.browser;
    context = await newContext(browser, run.stack.url, { locale: 'en-GB' });
    page = await context.newPage();
    await page.goto('/app/');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Relais' }).waitFor();
    await me.switchToFrench(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr', '<html lang> follows the language switch');
    await checkpoint(page, 'nicolas-fr-connexion');
    await page.getByRole('link', { name: 'Créer un compte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Devenir ambassadeur' }).waitFor();
    await checkpoint(page, 'nicolas-fr-inscription');
    // First with his personal address: the domain may not sign up by itself, and the error
    // state (red text, invalid field) must be as readable as the rest (axe judges it).
    await me.signUp(page, { ...NICOLAS, email: 'nicolas.perso@gmail.com' });
    await page.getByText('Cette adresse ne peut pas s’inscrire seule', { exact: false }).waitFor();
    await checkpoint(page, 'nicolas-fr-inscription-domaine-refuse');
    await me.signUp(page, NICOLAS);
    await page.getByRole('heading', { level: 1, name: 'Consultez votre messagerie' }).waitFor();
    await checkpoint(page, 'nicolas-fr-messagerie');
  });

  step('il confirme son adresse avec le lien reçu par e-mail, puis se connecte', async () => {
    const link = await linkFromMail(run.stack, NICOLAS.email, 'verify-email');
    await page.goto(new URL(link).pathname);
    await page.getByText('Votre adresse e-mail est confirmée. Bienvenue sur Relais !').waitFor();
    await checkpoint(page, 'nicolas-fr-adresse-confirmee');
    await signIn(page, NICOLAS, '/app/');
    await page.getByRole('heading', { level: 1, name: 'Être référencé·e' }).waitFor();
  });

  step('il accepte la charte en vigueur', async () => {
    await page.getByRole('checkbox', { name: 'J’ai lu la charte et je l’accepte' }).waitFor();
    await checkpoint(page, 'nicolas-fr-charte');
    await me.acceptCharter(page);
    await page.getByLabel(/^Poste/).waitFor();
    const res = await api(context, 'GET', '/api/ambassadors/me');
    const body = await res.json();
    assert.equal(body.charter.accepted_version, body.charter.current_version, await describeResponse(res));
    assert.equal(body.status, 'active');
  });

  step('il remplit son profil (poste, service, lieu, langues, thèmes, bio)', async () => {
    Object.assign(chosen, await me.fillProfile(page, NICOLAS));
    assert.equal(chosen.themes.length, 2, 'Nicolas declares two themes');
    await checkpoint(page, 'nicolas-fr-profil');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('combobox', { name: /^Plateforme/ }).waitFor();
    const res = await api(context, 'GET', '/api/ambassadors/me');
    const body = await res.json();
    assert.equal(body.job_title, NICOLAS.jobTitle, await describeResponse(res));
    assert.equal(body.location, NICOLAS.location);
    assert.equal(body.bio, NICOLAS.bio);
    assert.equal(body.department?.name, chosen.department);
    assert.deepEqual([...body.languages].sort(), ['en', 'fr']);
    assert.deepEqual(body.themes.map((t) => t.name).sort(), [...chosen.themes].sort());
    assert.equal(body.locale, 'fr');
  });

  step('il déclare LinkedIn et Mastodon (publics) et GitHub (non public)', async () => {
    for (const account of NICOLAS.accounts) await me.addAccount(page, account);
    await checkpoint(page, 'nicolas-fr-comptes');
    const res = await api(context, 'GET', '/api/ambassadors/me/accounts');
    const accounts = await res.json();
    assert.equal(accounts.length, 3, await describeResponse(res));
    const byPlatform = Object.fromEntries(accounts.map((a) => [a.platform, a]));
    assert.equal(byPlatform.linkedin?.public, true);
    assert.equal(byPlatform.mastodon?.public, true);
    assert.equal(byPlatform.github?.public, false);
    await page.getByRole('button', { name: 'Suivant' }).click();
  });

  step('il consent à être présenté sur la page publique (en attente de modération)', async () => {
    const consent = page.getByRole('checkbox', { name: /^J’accepte d’apparaître sur la page publique/ });
    await consent.check();
    await checkpoint(page, 'nicolas-fr-visibilite');
    await page.getByRole('button', { name: 'Terminer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
    assert.equal(await me.listingSwitch(page).isChecked(), true);
    await page.getByText('En attente de validation').waitFor();
    await checkpoint(page, 'nicolas-fr-mon-profil');
  });

  step('l’administrateur le voit dans la file de modération et l’approuve', async () => {
    adminContext = await newContext(browser, run.stack.url, { locale: 'en-GB' });
    adminPage = await adminContext.newPage();
    await signIn(adminPage, run.stack.admin);
    await openFromNavigation(adminPage, 'Administration');
    await adminPage.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Moderation' }).click();
    const item = adminPage.getByRole('listitem').filter({ has: adminPage.getByRole('heading', { name: NICOLAS.displayName, exact: true }) });
    await item.waitFor();
    await checkpoint(adminPage, 'nicolas-en-admin-moderation');
    await item.getByRole('button', { name: `Approve ${NICOLAS.displayName}` }).click();
    await item.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByText('Référencé·e publiquement').waitFor();
  });

  step('en moins d’une minute il apparaît sur / sous chacun de ses thèmes, comptes publics en liens', async () => {
    publicContext = await newContext(browser, run.stack.url, { javaScriptEnabled: false, locale: 'fr-FR' });
    publicPage = await publicContext.newPage();
    await publicEventually('Nicolas listed on the Planet, under each of his themes', async () => {
      for (const theme of chosen.themes) {
        const card = await cardUnder(theme);
        assert.equal(await card.count(), 1, `card of ${NICOLAS.displayName} under “${theme}”`);
        const hrefs = await linksOf(card);
        for (const account of NICOLAS.accounts) {
          assert.equal(hrefs.some((h) => account.link.test(h)), account.public, `${account.platform} link under “${theme}”: ${hrefs.join(' ')}`);
        }
      }
    });
    for (const path of ['/people/', '/']) {
      await reloadPublic(publicPage, path);
      const html = await publicPage.content();
      assert.ok(!html.includes(NICOLAS.email), `his e-mail is not on ${path}`);
      assert.deepEqual(emailsIn(html), []);
      assert.ok(!NICOLAS.accounts[2].link.test(html), `the non-public GitHub account is nowhere on ${path}`);
    }
    await reloadPublic(publicPage, '/people/');
    await checkpointWithoutJs(publicPage, 'nicolas-fr-page-publique-nicolas', 'fr-FR');
  });

  step('il se trouve dans l’annuaire interne en cherchant son nom', async () => {
    await me.searchDirectory(page, NICOLAS.displayName);
    const result = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: NICOLAS.displayName, exact: true }) });
    await result.waitFor();
    await checkpoint(page, 'nicolas-fr-annuaire');
  });

  step('il retire son consentement pour LinkedIn : le compte disparaît de / en moins d’une minute', async () => {
    await me.openProfile(page);
    await me.setAccountPublic(page, 'LinkedIn', false);
    await publicEventually('LinkedIn gone from /, Mastodon still there', async () => {
      for (const theme of chosen.themes) {
        const hrefs = await linksOf(await cardUnder(theme));
        assert.equal(hrefs.some((h) => NICOLAS.accounts[0].link.test(h)), false, `LinkedIn still shown under “${theme}”: ${hrefs.join(' ')}`);
        assert.equal(hrefs.some((h) => NICOLAS.accounts[1].link.test(h)), true, `Mastodon missing under “${theme}”: ${hrefs.join(' ')}`);
      }
    });
  });

  step('il retire son consentement à la liste publique : il disparaît de / en moins d’une minute', async () => {
    await me.listingSwitch(page).click();
    await page.getByText('Votre consentement est retiré. Vous n’apparaissez plus publiquement.').waitFor();
    assert.equal(await me.listingSwitch(page).isChecked(), false);
    await publicEventually('Nicolas gone from the Planet', async () => {
      assert.equal(await publicPage.getByText(NICOLAS.displayName).count(), 0, 'his name is still on /people/');
    });
    await checkpoint(page, 'nicolas-fr-consentements-retires');
  });

  step('il télécharge toutes ses données (JSON : e-mail, profil, comptes, registre des consentements)', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger mes données' }).click(),
    ]);
    const data = JSON.parse(await readFile(await download.path(), 'utf8'));
    const text = JSON.stringify(data).replaceAll('\\/', '/');
    assert.ok(text.includes(NICOLAS.email), 'the export holds his e-mail');
    assert.equal(data.services?.editorial?.service, 'editorial', 'the export holds what the editorial service keeps too');
    for (const value of [NICOLAS.displayName, NICOLAS.jobTitle, NICOLAS.location, NICOLAS.bio, chosen.department, ...chosen.themes]) {
      assert.ok(text.includes(JSON.stringify(value).slice(1, -1)), `the export holds his profile: “${value}”`);
    }
    for (const account of NICOLAS.accounts) assert.ok(account.link.test(text), `the export holds his ${account.platform} account`);
    const ledger = findArray(data, (item) => item && typeof item === 'object' && 'granted' in item && 'scope' in item);
    assert.ok(ledger, 'the export holds the consent ledger');
    assert.ok(ledger.some((r) => r.scope === 'listing' && r.granted === true), 'ledger: listing granted');
    assert.ok(ledger.some((r) => r.scope === 'listing' && r.granted === false), 'ledger: listing withdrawn');
    assert.ok(ledger.some((r) => r.scope === 'account' && r.platform === 'linkedin' && r.granted === false), 'ledger: LinkedIn withdrawn');
  });

  step('il efface son compte (mot de passe retapé)', async () => {
    oldCookies = await context.cookies();
    assert.ok(oldCookies.some((c) => c.name === 'relais_session'), 'signed in with a session cookie');
    await me.deleteAccount(page, NICOLAS.password);
    await page.getByRole('status').filter({ hasText: 'Votre compte et vos données ont été supprimés.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Se connecter à Relais' }).waitFor();
    await checkpoint(page, 'nicolas-fr-compte-supprime');
  });

  step('ensuite : plus de connexion, ni annuaire, ni page publique, et l’ancienne session est refusée', async () => {
    await signIn(page, NICOLAS, '/app/sign-in');
    await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
    const login = await page.request.post('/api/auth/login', { data: { email: NICOLAS.email, password: NICOLAS.password }, failOnStatusCode: false });
    assert.equal(login.status(), 401, await describeResponse(login));

    await adminPage.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Directory' }).click();
    await adminPage.getByRole('searchbox', { name: 'Search' }).fill(NICOLAS.displayName);
    await adminPage.getByText('No ambassador matches these filters.').waitFor();
    const search = await api(adminContext, 'GET', `/api/ambassadors/directory?q=${encodeURIComponent(NICOLAS.displayName)}`);
    assert.equal(search.status(), 200, await describeResponse(search));
    assert.equal((await search.json()).items.length, 0, 'the directory API still finds him');

    await reloadPublic(publicPage, '/people/');
    assert.equal(await publicPage.getByText(NICOLAS.displayName).count(), 0);

    const cookieHeader = oldCookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const session = await fetch(new URL('/api/auth/session', run.stack.url), { headers: { cookie: cookieHeader } });
    assert.equal(session.status, 401, `GET /api/auth/session with his old session → ${session.status}: the gateway must not call him signed in`);
    for (const path of ['/api/ambassadors/me/export', '/api/ambassadors/me', '/api/ambassadors/me/accounts', '/api/ambassadors/directory']) {
      const res = await fetch(new URL(path, run.stack.url), { headers: { cookie: cookieHeader } });
      assert.ok([401, 403, 404, 410].includes(res.status), `GET ${path} with his old session → ${res.status} ${(await res.text()).slice(0, 300)}`);
    }
  });

  step('fermeture des navigateurs', async () => {
    await Promise.all([context?.close(), adminContext?.close(), publicContext?.close()]);
  }, { independent: true });

  accessibilityVerdict('nicolas-');
}

async function linksOf(locator) {
  return locator.getByRole('link').evaluateAll((links) => links.map((a) => a.href));
}

function findArray(value, predicate) {
  if (Array.isArray(value)) {
    if (value.length && value.every(predicate)) return value;
    for (const item of value) { const found = findArray(item, predicate); if (found) return found; }
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) { const found = findArray(item, predicate); if (found) return found; }
  }
  return null;
}
