// How Nicolas's screens are driven (French interface), by role and accessible name only.
import assert from 'node:assert/strict';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWith = (text) => new RegExp(`^${escape(text)}`);

/** The SPA's language switch (a radio group “Language”), then French labels must really show. */
export async function switchToFrench(page) {
  await page.getByRole('radiogroup', { name: /^(language|langue)$/i }).getByText('FR', { exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Se connecter à Relais' }).waitFor();
  await page.getByLabel(startsWith('Adresse e-mail')).waitFor();
  await page.getByLabel(startsWith('Mot de passe')).waitFor();
  await page.getByRole('button', { name: 'Se connecter', exact: true }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Français' }).isChecked(), true);
}

export async function signUp(page, person) {
  await page.getByLabel(startsWith('Nom affiché')).fill(person.displayName);
  await page.getByLabel(startsWith('Adresse e-mail')).fill(person.email);
  await page.getByLabel(startsWith('Mot de passe')).fill(person.password);
  assert.equal(await page.getByRole('combobox', { name: startsWith('Langue préférée') }).inputValue(), 'Français');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
}

/** Pick options of a Mantine select / multi-select; returns their visible names. */
export async function pickOptions(page, label, count, prefer = []) {
  const field = page.getByRole('combobox', { name: label });
  const names = [];
  for (let i = 0; i < count; i += 1) {
    await field.click();
    const listbox = page.getByRole('listbox').last();
    await listbox.getByRole('option').first().waitFor();
    const all = (await listbox.getByRole('option').allInnerTexts()).map((t) => t.trim());
    const next = prefer.find((p) => all.includes(p) && !names.includes(p)) ?? all.find((t) => !names.includes(t));
    assert.ok(next, `no option left in “${label}” (saw: ${all.join(', ')})`);
    await listbox.getByRole('option', { name: next, exact: true }).click();
    names.push(next);
  }
  await page.keyboard.press('Escape');
  return names;
}

/** The charter step of the onboarding wizard. */
export async function acceptCharter(page) {
  await page.getByRole('checkbox', { name: 'J’ai lu la charte et je l’accepte' }).check();
  await page.getByRole('button', { name: 'Suivant' }).click();
}

/** The profile step: returns the themes and department chosen among the demo ones. */
export async function fillProfile(page, person) {
  await page.getByLabel(startsWith('Poste')).fill(person.jobTitle);
  const [department] = await pickOptions(page, startsWith('Service'), 1, [person.department]);
  await page.getByLabel(startsWith('Lieu')).fill(person.location);
  const languages = await pickOptions(page, startsWith('Langues'), 2, ['Français (fr)', 'Anglais (en)']);
  const themes = await pickOptions(page, startsWith('Thèmes d’expertise'), 2, person.themes ?? []);
  await page.getByLabel(startsWith('Bio courte')).fill(person.bio);
  return { themes, department, languages };
}

/** The add-account form (onboarding step 3, or the profile page). */
export async function addAccount(page, account) {
  await page.getByRole('combobox', { name: startsWith('Plateforme') }).click();
  await page.getByRole('listbox').last().getByRole('option', { name: startsWith(account.platform) }).click();
  await page.getByLabel(startsWith('Identifiant ou URL')).fill(account.value);
  await page.getByText(/^Reconnu : /).waitFor(); // the live preview validated the value
  const publicSwitch = page.getByRole('switch', { name: 'Afficher publiquement', exact: true });
  // consent is never pre-ticked: the switch starts off and he turns it on himself
  assert.equal(await publicSwitch.isChecked(), false, `“Afficher publiquement” starts off for ${account.platform}`);
  if (account.public) {
    await publicSwitch.click();
    assert.equal(await publicSwitch.isChecked(), true);
  }
  await page.getByRole('button', { name: 'Ajouter ce compte' }).click();
  await accountSwitch(page, account.platform).waitFor();
  assert.equal(await accountSwitch(page, account.platform).isChecked(), account.public, `${account.platform} public?`);
}

/** The “shown publicly” switch of one declared account (“Afficher LinkedIn nicolas publiquement”). */
export function accountSwitch(page, platformLabel) {
  return page
    .getByRole('list', { name: 'Vos comptes' })
    .getByRole('switch', { name: new RegExp(`^Afficher ${escape(platformLabel)} .* publiquement$`) });
}

export async function setAccountPublic(page, platformLabel, wanted) {
  const toggle = accountSwitch(page, platformLabel);
  if ((await toggle.isChecked()) !== wanted) await toggle.click();
  await page.waitForFunction(
    ([name, value]) => [...document.querySelectorAll('[role="switch"]')].some((el) => el.getAttribute('aria-label')?.startsWith(`Afficher ${name} `) && el.checked === value),
    [platformLabel, wanted],
  );
}

/** The listing switch on “Mon profil”. */
export function listingSwitch(page) {
  return page.getByRole('switch', { name: startsWith('M’afficher sur la page publique') });
}

export async function openProfile(page) {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon profil' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
}

export async function searchDirectory(page, name) {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Annuaire' }).click();
  await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(name);
  await page.waitForURL((url) => url.searchParams.get('q') === name); // the search is applied
  await page.waitForLoadState('networkidle');
}

export async function deleteAccount(page, password) {
  await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer votre compte ?' });
  await dialog.getByLabel(startsWith('Mot de passe')).fill(password);
  await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
}
