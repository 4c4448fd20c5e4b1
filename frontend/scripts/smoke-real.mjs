// Throwaway journey against a running stack (no mocks): BASE=http://127.0.0.1:8765 ADMIN_PASSWORD=... node scripts/smoke-real.mjs
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BASE = process.env.BASE ?? 'http://127.0.0.1:8000';
const OUT = process.env.OUT ?? '/tmp/relais-real';
mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
await context.addInitScript(() => localStorage.setItem('relais.lang', 'en'));
const page = await context.newPage();
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
page.on('response', (r) => { if (r.url().includes('/api/') && r.status() >= 400) console.log('HTTP', r.status(), r.request().method(), r.url()); });
const shot = (name) => page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
const step = async (name, fn) => { try { await fn(); console.log('ok', name); } catch (e) { console.log('FAIL', name, e.message.split('\n')[0]); await shot(`fail-${name}`); } };

const email = `smoke.${Date.now()}@example.com`;
await step('sign-up', async () => {
  await page.goto(`${BASE}/app/sign-up`);
  await page.getByRole('textbox', { name: 'Display name' }).fill('Smoke Tester');
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(email);
  await page.getByLabel('Password').fill('a long passphrase 42');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.waitForURL('**/app/onboarding');
});
await step('charter', async () => {
  await page.getByRole('checkbox', { name: 'I have read the charter and accept it' }).click({ timeout: 5000 }).catch(() => console.log('  (no charter checkbox)'));
  await shot('01-charter');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('textbox', { name: 'Job title' }).waitFor();
});
await step('profile', async () => {
  await page.getByRole('textbox', { name: 'Job title' }).fill('QA engineer');
  await page.getByRole('textbox', { name: 'Location' }).fill('Lyon');
  await page.getByRole('combobox', { name: 'Department' }).click();
  await page.getByRole('option').first().click();
  await page.getByRole('textbox', { name: 'Short bio' }).fill('I test things.');
  await shot('02-profile');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Add this account' }).waitFor();
});
await step('accounts', async () => {
  await page.getByRole('combobox', { name: 'Platform' }).click();
  await page.getByRole('option', { name: /Mastodon/ }).click();
  await page.getByRole('textbox', { name: 'Handle or URL' }).fill('nonsense');
  await page.waitForTimeout(1500);
  await shot('03-account-invalid');
  await page.getByRole('textbox', { name: 'Handle or URL' }).fill('@smoke@mastodon.social');
  await page.getByText(/Recognised/).waitFor();
  await page.getByRole('button', { name: 'Add this account' }).click();
  await page.getByRole('switch', { name: /Show Mastodon .* publicly/ }).waitFor();
  await shot('04-accounts');
  await page.getByRole('button', { name: 'Next' }).last().click();
});
await step('visibility', async () => {
  await page.getByRole('checkbox', { name: /agree to be listed/ }).click();
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.waitForURL('**/app/profile');
  await page.getByRole('heading', { name: 'Consent history' }).waitFor();
  await page.waitForTimeout(800);
  await shot('05-profile');
});
await step('sign-out', async () => {
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL('**/app/sign-in');
});
await step('admin sign-in', async () => {
  await page.getByRole('textbox', { name: 'E-mail address' }).fill('admin@relais.localhost');
  await page.getByLabel('Password').fill(process.env.ADMIN_PASSWORD ?? '');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/app\/(profile|onboarding)/);
});
await step('moderation', async () => {
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.waitForURL('**/admin/moderation');
  await page.waitForTimeout(800);
  await shot('06-moderation');
  await page.getByRole('button', { name: 'Approve Smoke Tester' }).click();
  await page.getByText('Listing approved.').waitFor();
});
for (const s of ['charter', 'departments', 'themes', 'invitations', 'mailbox', 'ambassadors']) {
  await step(`admin-${s}`, async () => {
    await page.goto(`${BASE}/app/admin/${s}`);
    await page.waitForTimeout(1200);
    await shot(`07-admin-${s}`);
  });
}
await step('rename-theme', async () => {
  await page.goto(`${BASE}/app/admin/themes`);
  await page.getByRole('button', { name: 'Rename Recruiting', exact: true }).click();
  await page.getByRole('textbox', { name: 'New name' }).fill(`Recruiting ${Date.now()}`);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Renamed.').waitFor();
  await page.getByRole('textbox', { name: 'New theme' }).fill(`Smoke theme ${Date.now()}`);
  await page.getByRole('button', { name: 'Add' }).click();
  await page.getByText('Created.').waitFor();
});
await step('invite', async () => {
  await page.goto(`${BASE}/app/admin/invitations`);
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(`invitee.${Date.now()}@example.com`);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await page.getByText('Invitation sent.').waitFor();
});
await step('directory', async () => {
  await page.goto(`${BASE}/app/directory`);
  await page.waitForTimeout(1500);
  await shot('08-directory');
  await page.getByRole('searchbox', { name: 'Search' }).fill('Smoke');
  await page.waitForTimeout(1500);
  await shot('09-directory-search');
});
let inviteUrl = '';
await step('mailbox-link', async () => {
  await page.goto(`${BASE}/app/admin/mailbox`);
  await page.getByRole('button', { name: /invit/i }).first().click();
  const text = await page.locator('pre').first().innerText();
  inviteUrl = (text.match(/https?:\/\/\S+\/app\/invitations\/\S+/) ?? [''])[0];
  if (!inviteUrl) throw new Error(`no link in: ${text.slice(0, 200)}`);
  console.log('  invitation link', inviteUrl);
});
await step('accept-invitation-fr', async () => {
  const ctx = await browser.newContext({ locale: 'fr-FR' });
  const p2 = await ctx.newPage();
  p2.on('response', (r) => { if (r.url().includes('/api/') && r.status() >= 400) console.log('HTTP', r.status(), r.request().method(), r.url()); });
  await p2.goto(inviteUrl.replace(/^https?:\/\/[^/]+/, BASE));
  await p2.getByRole('textbox', { name: 'Nom affiché' }).fill('Invitée Test');
  await p2.getByLabel('Mot de passe').fill('une phrase de passe 42');
  await p2.screenshot({ path: `${OUT}/10-invitation.png` });
  await p2.getByRole('button', { name: 'Activer mon compte' }).click();
  await p2.waitForURL('**/app/onboarding');
  await p2.goto(`${BASE}/app/profile`);
  await p2.getByRole('button', { name: 'Supprimer mon compte' }).click();
  await p2.getByRole('dialog').getByLabel('Mot de passe').fill('une phrase de passe 42');
  await p2.getByRole('button', { name: 'Supprimer définitivement' }).click();
  await p2.waitForURL('**/app/sign-in?deleted=true');
  await p2.getByText('Votre compte et vos données ont été supprimés').waitFor();
  await p2.screenshot({ path: `${OUT}/11-deleted.png` });
  await ctx.close();
});
await browser.close();
