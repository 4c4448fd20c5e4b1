// @vitest-environment-options {"url": "http://127.0.0.1:21347/app/"}
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { makeMe } from '../../test/fixtures';
import { mountApp } from '../../test/mountApp';

let server: ApiServer;
let roles = ['unverified'];
const problem = (status: number, code: string, detail: string) => ({
  status,
  body: { type: `https://relais.dev/problems/${code}`, title: 'Problem', status, detail },
});

beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/auth/session', () => ({ body: { user_id: 'a1', roles, csrf_token: 't' } }));
  server.on('GET', '/api/ambassadors/me', () => ({
    body: makeMe({ roles, email: 'ada@corp.example', charter: { current_version: 2, accepted_version: 2 } }),
    headers: { ETag: '"a1.1"' },
  }));
  server.on('POST', '/api/ambassadors/signup', (req) => {
    const { email } = req.body as { email: string };
    if (email.endsWith('@gmail.com')) return problem(403, 'signup-closed', 'Addresses of this domain cannot sign up.');
    return { status: 202, body: { detail: 'Check your mailbox…' } };
  });
  server.on('POST', '/api/ambassadors/email-verifications/good-token-123', () => {
    roles = ['ambassador'];
    return { status: 204 };
  });
  server.on('POST', '/api/ambassadors/email-verifications/used-token-123', () => problem(410, 'gone', 'Already used.'));
  server.on('POST', '/api/ambassadors/me/email-verification', () => ({ status: 202, body: { detail: 'On its way.' } }));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  roles = ['unverified'];
});

const sent = (method: string, path: string) => server.requests.filter((r) => r.method === method && r.path.startsWith(path));

async function fillSignUp(email: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/^Display name/), 'Ada Lovelace');
  await user.type(screen.getByLabelText(/^E-mail address/), email);
  await user.type(screen.getByLabelText(/^Password/), 'a long passphrase');
  await user.click(screen.getByRole('button', { name: 'Create my account' }));
}

describe('signing up', () => {
  it('ends on “check your mailbox”, without signing in', async () => {
    await mountApp('/app/sign-up');
    await fillSignUp('ada@corp.example');
    expect(await screen.findByRole('heading', { level: 1, name: 'Check your mailbox' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('We sent a link to ada@corp.example');
    expect(sent('POST', '/api/ambassadors/signup')[0].body).toMatchObject({ email: 'ada@corp.example', locale: 'en' });
    expect(sent('POST', '/api/auth/login')).toHaveLength(0);
    expect(screen.getByRole('link', { name: 'Back to sign-in' })).toBeInTheDocument();
  });

  it('explains on the e-mail field when the domain may not sign up by itself', async () => {
    await mountApp('/app/sign-up');
    await fillSignUp('ada@gmail.com');
    expect(await screen.findByText(/use your company e-mail address, or ask the core team for an invitation/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^E-mail address/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('heading', { name: 'Check your mailbox' })).not.toBeInTheDocument();
  });
});

describe('the link from the e-mail', () => {
  it('confirms the address once and leads into Relais', async () => {
    await mountApp('/app/verify-email/good-token-123');
    expect(await screen.findByText('Your e-mail address is confirmed. Welcome to Relais!')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue to Relais' })).toBeInTheDocument();
    expect(sent('POST', '/api/ambassadors/email-verifications/')).toHaveLength(1);
  });

  it('says when it no longer works, in French too', async () => {
    await mountApp('/app/verify-email/used-token-123', 'fr');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Ce lien ne fonctionne plus');
    expect(within(alert).getByRole('link', { name: 'Se connecter' })).toBeInTheDocument();
  });
});

describe('someone who has not confirmed their address', () => {
  it('sees a banner on their profile that sends the link again', async () => {
    await mountApp('/app/profile');
    const banner = await screen.findByRole('region', { name: 'Confirm your e-mail address' });
    expect(banner).toHaveTextContent('We sent a link to ada@corp.example');
    await userEvent.setup().click(within(banner).getByRole('button', { name: 'Send the link again' }));
    await waitFor(() => expect(sent('POST', '/api/ambassadors/me/email-verification')).toHaveLength(1));
    expect(await screen.findByText('A new link is on its way to ada@corp.example.')).toBeInTheDocument();
  });

  it('gets an explanation instead of the directory, which is never asked for', async () => {
    await mountApp('/app/directory');
    expect(await screen.findByText(/visible once you have confirmed your e-mail address/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Directory' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Send the link again from my profile' })).toBeInTheDocument();
    expect(sent('GET', '/api/ambassadors/directory')).toHaveLength(0);
  });

  it('no banner once confirmed', async () => {
    roles = ['ambassador'];
    await mountApp('/app/profile');
    expect(await screen.findByRole('heading', { level: 1, name: 'My profile' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Confirm your e-mail address' })).not.toBeInTheDocument();
  });
});
