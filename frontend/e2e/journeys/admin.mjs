// English, short path: the core team signs in; every admin screen loads and is accessible;
// a CSV of three invitations is imported and the invitation e-mail lands in the mailbox; the
// public page shows no e-mail address; the API documentation loads.
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newContext, screenshot } from '../lib/browser.mjs';
import { checkpoint, checkpointWithoutJs, revealInList, signIn } from '../lib/app.mjs';
import { emailsIn, fetchPublic } from '../lib/public.mjs';
import { accessibilityVerdict, journey } from '../lib/steps.mjs';

const stamp = Date.now().toString(36);
const INVITEES = [
  { name: 'Amélie Poulain', email: `amelie.poulain.${stamp}@example.com`, department: '', location: 'Paris' },
  { name: 'Bruno Keller', email: `bruno.keller.${stamp}@example.com`, department: '', location: 'Lyon' },
  { name: 'Chloé Martin', email: `chloe.martin.${stamp}@example.com`, department: '', location: 'Nantes' },
];

const csvField = (value) => (/[",;\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function adminJourney(run) {
  const step = journey();
  let context;
  let page;
  const adminSection = async (name) => {
    await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name, exact: true }).click();
    await page.waitForURL(new RegExp(`/app/admin/${name.toLowerCase()}$`));
  };

  step('the admin signs in at /app/ (English)', async () => {
    context = await newContext(run.browser, run.stack.url, { locale: 'en-GB' });
    page = await context.newPage();
    await page.goto('/app/');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Relais' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await checkpoint(page, 'admin-en-sign-in');
    await signIn(page, run.stack.admin);
    // the admin's own ambassador onboarding is not done: the admin area, not the wizard
    await page.waitForURL(/\/app\/admin\/moderation$/);
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Administration' }).waitFor();
    await checkpoint(page, 'admin-en-after-sign-in');
    // the wizard is still one click away: My profile → “read the charter”
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    await page.getByRole('heading', { name: 'Public accounts' }).waitFor();
    await page.getByRole('status', { name: 'Loading' }).first().waitFor({ state: 'detached' });
    await checkpoint(page, 'admin-en-own-profile');
  });

  step('moderation queue loads', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Administration' }).click();
    await page.waitForURL(/\/app\/admin\/moderation$/);
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('region', { name: 'Moderation' }).waitFor();
    await page.getByRole('region', { name: 'Moderation' }).getByRole('listitem').or(page.getByText('No listing waits for approval.')).first().waitFor();
    await checkpoint(page, 'admin-en-moderation');
  });

  step('charter screen shows the current charter and its history', async () => {
    await adminSection('Charter');
    await page.getByRole('heading', { name: 'Current version' }).waitFor();
    await page.getByText(/^Version \d+, published on /).waitFor();
    await page.getByRole('heading', { name: 'Publish a new version' }).waitFor();
    await checkpoint(page, 'admin-en-charter');
  });

  step('a new charter version starts from the current one and is previewed before publishing', async () => {
    const currentTitle = await page.locator('.charter-body').first().locator('h1, h2').first().innerText();
    await page.getByRole('button', { name: 'Start from the current version' }).click();
    assert.notEqual(await page.getByLabel(/^Title/).inputValue(), '');
    const text = page.getByLabel(/^Text \(Markdown\)/);
    await text.fill(`${await text.inputValue()}\n\n## A new rule\n\nNo <script>alert(1)</script> **ever**.`);
    await page.getByRole('tab', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview of the new version' });
    await preview.getByRole('heading', { name: 'A new rule' }).waitFor();
    await preview.getByRole('heading', { name: currentTitle }).waitFor();
    assert.equal(await preview.locator('script').count(), 0);
    await checkpoint(page, 'admin-en-charter-preview');
    await page.getByRole('tab', { name: 'Write' }).click();
    await text.waitFor();
  });

  step('departments screen lists the demo departments', async () => {
    await adminSection('Departments');
    const rows = page.getByRole('table', { name: 'Departments' }).getByRole('row');
    await rows.nth(1).waitFor();
    assert.ok((await rows.count()) > 2, 'the departments table lists the demo departments');
    INVITEES[0].department = (await rows.nth(1).getByRole('cell').first().innerText()).trim();
    await checkpoint(page, 'admin-en-departments');
  });

  step('themes screen lists the demo themes', async () => {
    await adminSection('Themes');
    const rows = page.getByRole('table', { name: 'Themes' }).getByRole('row');
    await rows.nth(1).waitFor();
    assert.ok((await rows.count()) > 2, 'the themes table lists the demo themes');
    await checkpoint(page, 'admin-en-themes');
  });

  step('invitations: a CSV file of 3 people is imported', async () => {
    await adminSection('Invitations');
    await page.getByRole('heading', { name: 'Import a CSV file' }).waitFor();
    await checkpoint(page, 'admin-en-invitations');
    const dir = mkdtempSync(join(tmpdir(), 'relais-csv-'));
    const file = join(dir, 'invitations.csv');
    const lines = ['name,email,department,location', ...INVITEES.map((i) => [i.name, i.email, i.department, i.location].map(csvField).join(','))];
    writeFileSync(file, `${lines.join('\n')}\n`);
    try {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel(/^CSV file/).click()]);
      await chooser.setFiles(file);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText('3 invitation(s) created.').waitFor();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const table = page.getByRole('table', { name: 'Invitations' });
    for (const invitee of INVITEES) await revealInList(page, table.getByRole('cell', { name: invitee.email, exact: true }));
    const first = table.getByRole('row').filter({ has: page.getByRole('cell', { name: INVITEES[0].email, exact: true }) });
    await first.getByRole('cell', { name: INVITEES[0].department, exact: true }).waitFor();
    await first.getByRole('cell', { name: INVITEES[0].name, exact: true }).waitFor();
    await checkpoint(page, 'admin-en-invitations-imported');
  });

  step('invitations: one is withdrawn (a typo), another gets a new link', async () => {
    const table = page.getByRole('table', { name: 'Invitations' });
    const rowOf = (invitee) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: invitee.email, exact: true }) });
    const [, bruno, chloe] = INVITEES;
    await page.getByRole('button', { name: `Withdraw the invitation of ${chloe.email}` }).click();
    await rowOf(chloe).getByText('Withdrawn', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: `Withdraw the invitation of ${chloe.email}` }).count(), 0);
    await page.getByRole('button', { name: `Send a new invitation link to ${bruno.email}` }).click();
    await page.getByText(`A new link is on its way to ${bruno.email}.`).waitFor();
    await rowOf(bruno).getByText('Pending', { exact: true }).waitFor();
    await checkpoint(page, 'admin-en-invitations-actions');
  });

  step('mailbox shows the invitation e-mails', async () => {
    await adminSection('Mailbox');
    for (const invitee of INVITEES) await revealInList(page, page.getByText(new RegExp(`^To ${invitee.email.replace(/[.+]/g, '\\$&')} ·`)));
    // Bruno's new link is a second e-mail, and the newest one comes first
    const bruno = new RegExp(`^To ${INVITEES[1].email.replace(/[.+]/g, '\\$&')} ·`);
    assert.equal(await page.getByText(bruno).count(), 2);
    assert.match(await page.getByText(/^To .* ·/).first().innerText(), bruno);
    await checkpoint(page, 'admin-en-mailbox');
  });

  step('the public page shows no e-mail address anywhere', async () => {
    for (const path of ['/', '/?lang=fr', '/?lang=en']) {
      const { status, html } = await fetchPublic(run.stack.url, path);
      assert.equal(status, 200, `GET ${path}`);
      assert.deepEqual(emailsIn(html), [], `e-mail addresses on ${path}`);
    }
    const publicContext = await newContext(run.browser, run.stack.url, { javaScriptEnabled: false });
    try {
      const publicPage = await publicContext.newPage();
      await publicPage.goto('/');
      await checkpointWithoutJs(publicPage, 'admin-en-public-page');
      const themePaths = await publicPage.getByRole('link').evaluateAll((links) =>
        [...new Set(links.map((a) => a.getAttribute('href')).filter((href) => href?.startsWith('/themes/')).map((href) => href.split('?')[0]))],
      );
      assert.ok(themePaths.length > 0, 'the public page links to its theme pages');
      for (const path of themePaths) {
        const { status, html } = await fetchPublic(run.stack.url, path);
        assert.equal(status, 200, `GET ${path}`);
        assert.deepEqual(emailsIn(html), [], `e-mail addresses on ${path}`);
      }
      await publicPage.goto(themePaths[0]);
      await checkpointWithoutJs(publicPage, 'admin-en-public-theme-page');
    } finally {
      await publicContext.close();
    }
  }, { independent: true });

  step('/api/docs loads and works', async () => {
    const response = await page.goto('/api/docs');
    assert.equal(response.status(), 200);
    await page.getByText(/\/api\/ambassadors\/signup/).first().waitFor();
    await page.getByRole('button', { name: /^Authorize/ }).first().waitFor();
    // Not under the axe gate: /api/docs is the vendored third-party Swagger UI (developer tooling
    // served by the gateway); its violations (contrast, nested interactive controls) are in
    // Swagger UI's own markup, not ours to fix. Screenshot only; every SPA route and the public
    // pages stay audited.
    await screenshot(page, 'apidocs-swagger-ui');
  }, { independent: true });

  step('the admin signs out', async () => {
    await page.goto('/app/directory');
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Relais' }).waitFor();
    await context.close();
  });

  accessibilityVerdict('admin-');
}
