// @vitest-environment-options {"url": "http://127.0.0.1:21319/app/"}
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { makeMe } from '../../test/fixtures';
import { mountApp } from '../../test/mountApp';

let server: ApiServer;
let signedIn = false;
let password = 'correct horse battery';
const problem = (status: number, detail: string, errors?: unknown[]) => ({
  status,
  body: { type: 'about:blank', title: 'Problem', status, detail, ...(errors ? { errors } : {}) },
});

beforeAll(async () => {
  server = await startApiServer();
  const session = { user_id: 'a1', roles: ['ambassador'], csrf_token: 't' };
  server.on('GET', '/api/auth/session', () => (signedIn ? { body: session } : problem(401, 'Sign in.')));
  server.on('POST', '/api/auth/login', (req) => {
    const body = req.body as { password: string };
    if (body.password !== password) return problem(401, 'Wrong.');
    signedIn = true;
    return { body: session };
  });
  server.on('GET', '/api/ambassadors/me', () => ({
    body: makeMe({ email: 'ada@example.com', charter: { current_version: 2, accepted_version: 2 }, job_title: 'Engineer' }),
    headers: { ETag: '"a1.1"' },
  }));
  server.on('POST', '/api/ambassadors/password-resets', () => ({ status: 202, body: { detail: 'If an account exists…' } }));
  server.on('GET', '/api/ambassadors/password-resets/good-token-123', () => ({ body: { expires_at: '2026-11-24T12:00:00Z' } }));
  server.on('POST', '/api/ambassadors/password-resets/good-token-123', () => ({ status: 204 }));
  server.on('GET', '/api/ambassadors/password-resets/used-token-123', () => problem(410, 'This link was already used.'));
  server.on('PUT', '/api/ambassadors/me/password', (req) => {
    const body = req.body as { current_password: string; new_password: string };
    if (body.current_password !== password) {
      return problem(422, 'Check the highlighted fields.', [
        { field: 'current_password', message: 'This is not your current password.' },
      ]);
    }
    password = body.new_password;
    signedIn = false; // the service signs out every session, this one included
    return { status: 204 };
  });
  server.on('POST', '/api/ambassadors/me/sessions/revoke', () => {
    signedIn = false;
    return { status: 204 };
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  signedIn = false;
});

const sent = (method: string, path: string) => server.requests.filter((r) => r.method === method && r.path === path);

describe('a forgotten password', () => {
  it('the sign-in page leads to a form that sends the link, without saying whether the account exists', async () => {
    const router = await mountApp('/app/sign-in');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    await waitFor(() => expect(router.history.location.pathname).toBe('/app/forgot-password'));
    await user.click(await screen.findByRole('button', { name: 'Send me the link' }));
    expect(await screen.findByText('This field is required.')).toBeInTheDocument();
    expect(sent('POST', '/api/ambassadors/password-resets')).toHaveLength(0);
    await user.type(screen.getByLabelText(/^E-mail address/), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send me the link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('If an account exists for ada@example.com');
    expect(sent('POST', '/api/ambassadors/password-resets')[0].body).toEqual({ email: 'ada@example.com' });
  });

  it('the link from the e-mail sets a new password, then sign-in says so', async () => {
    const router = await mountApp('/app/reset-password/good-token-123');
    const user = userEvent.setup();
    const field = await screen.findByLabelText(/^New password/);
    await user.type(field, 'short');
    await user.click(screen.getByRole('button', { name: 'Save my new password' }));
    expect(await screen.findByText('Use at least 10 characters.')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'a long new passphrase');
    await user.click(screen.getByRole('button', { name: 'Save my new password' }));
    await waitFor(() => expect(router.history.location.pathname).toBe('/app/sign-in'));
    expect(await screen.findByRole('status')).toHaveTextContent('Your password has been changed');
    expect(sent('POST', '/api/ambassadors/password-resets/good-token-123')[0].body).toEqual({
      password: 'a long new passphrase',
    });
  });

  it('a used or expired link says so and offers a new one, with no form', async () => {
    await mountApp('/app/reset-password/used-token-123');
    expect(await screen.findByRole('alert')).toHaveTextContent('This link no longer works');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/app/forgot-password');
    expect(screen.queryByLabelText(/^New password/)).toBeNull();
  });
});

describe('changing one’s password from the profile', () => {
  it('shows a wrong current password next to the field, then changes it and stays signed in', async () => {
    signedIn = true;
    await mountApp('/app/profile');
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Password' });
    const current = screen.getByLabelText(/^Current password/);
    const next = screen.getAllByLabelText(/^New password/)[0];
    await user.type(current, 'not my password');
    await user.type(next, 'a long new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change my password' }));
    expect(await screen.findByText('This is not your current password.')).toBeInTheDocument();
    expect(sent('POST', '/api/auth/login')).toHaveLength(0);

    await user.clear(current);
    await user.type(current, password);
    await user.click(screen.getByRole('button', { name: 'Change my password' }));
    expect(await screen.findByText('Password changed. Your other devices are signed out.')).toBeInTheDocument();
    // signed in again on this device with the new password
    expect(sent('POST', '/api/auth/login').at(-1)?.body).toEqual({ email: 'ada@example.com', password: 'a long new passphrase' });
    expect(signedIn).toBe(true);
    expect(form).toBeInTheDocument();
    expect(current).toHaveValue('');
  });
});

describe('signing out everywhere', () => {
  it('signs out every device, this one included, and says so on the sign-in page', async () => {
    signedIn = true;
    const router = await mountApp('/app/profile');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    await waitFor(() => expect(router.history.location.pathname).toBe('/app/sign-in'));
    expect(await screen.findByRole('status')).toHaveTextContent('You are signed out of every device.');
    expect(sent('POST', '/api/ambassadors/me/sessions/revoke')).toHaveLength(1);
    expect(signedIn).toBe(false);
  });
});
