// @vitest-environment-options {"url": "http://127.0.0.1:21317/app/"}
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { makeMe } from '../../test/fixtures';
import { mountApp } from '../../test/mountApp';

// Module state: "the person used the switch on this visit". Tests run in order, switch last.
let server: ApiServer;
let signedIn = false;
let locale = 'fr';
let version = 4;
let conflictOnce = false;
const me = () => makeMe({ locale, version, charter: { current_version: 2, accepted_version: 2 }, job_title: 'Engineer' });

beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/auth/session', () =>
    signedIn
      ? { body: { user_id: 'a1', roles: ['ambassador'], csrf_token: 't' } }
      : { status: 401, body: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Sign in.' } },
  );
  server.on('POST', '/api/auth/login', () => {
    signedIn = true;
    return { body: { user_id: 'a1', roles: ['ambassador'], csrf_token: 't' } };
  });
  server.on('GET', '/api/ambassadors/me', () => ({ body: me(), headers: { ETag: `"a1.${version}"` } }));
  server.on('PATCH', '/api/ambassadors/me', (req) => {
    if (conflictOnce) {
      conflictOnce = false;
      version += 1; // someone saved the profile elsewhere just before
    }
    if (req.headers['if-match'] !== `"a1.${version}"`) {
      return { status: 412, body: { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'Changed.' } };
    }
    locale = (req.body as { locale: string }).locale;
    version += 1;
    return { body: me(), headers: { ETag: `"a1.${version}"` } };
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  signedIn = false;
});

/** The sign-in form, in English or French. */
async function signIn() {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/^(E-mail|Adresse e-mail)/), 'ada@example.com');
  await user.type(screen.getByLabelText(/^(Password|Mot de passe)/), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: /^(Sign in|Se connecter)$/ }));
}

const patches = () => server.requests.filter((r) => r.method === 'PATCH');

describe('the language follows the person', () => {
  it('an English browser stays in English although the profile says French (a default nobody chose)', async () => {
    locale = 'fr'; // the first admin's profile language comes from RELAIS_ADMIN_LOCALE, not from them
    await mountApp('/app/sign-in', 'en', 'browser');
    await signIn();
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toHaveTextContent('My profile');
    expect(i18n.language).toBe('en');
    expect(patches()).toHaveLength(0);
  });

  it('a language this device kept from an earlier visit is not overridden either', async () => {
    locale = 'en';
    await mountApp('/app/sign-in', 'fr', 'stored');
    await signIn();
    expect(await screen.findByRole('navigation', { name: 'Navigation principale' })).toHaveTextContent('Mon profil');
    expect(patches()).toHaveLength(0);
  });

  it('a browser that speaks neither language follows the profile’s', async () => {
    locale = 'en';
    await mountApp('/app/sign-in', 'fr', 'fallback');
    await signIn();
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toHaveTextContent('My profile');
    expect(i18n.language).toBe('en');
    expect(patches()).toHaveLength(0);
  });

  it('the switch used on the sign-in page wins, and the profile remembers it', async () => {
    locale = 'fr';
    await mountApp('/app/sign-in', 'fr');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'English' }));
    await signIn();
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toHaveTextContent('My profile');
    await waitFor(() => expect(locale).toBe('en'));
    expect(patches()[0].body).toEqual({ locale: 'en' });
  });

  it('signed in, the header switch saves the language in the profile (If-Match, one retry on 412)', async () => {
    signedIn = true;
    locale = 'en';
    await mountApp('/app/profile', 'en');
    const user = userEvent.setup();
    await screen.findByRole('navigation', { name: 'Main navigation' });
    conflictOnce = true;
    await user.click(screen.getByRole('radio', { name: 'Français' }));
    await waitFor(() => expect(locale).toBe('fr'));
    expect(patches().map((r) => r.headers['if-match'])).toEqual([`"a1.${version - 2}"`, `"a1.${version - 1}"`]);
    expect(screen.getByRole('navigation', { name: 'Navigation principale' })).toBeInTheDocument();
  });
});
