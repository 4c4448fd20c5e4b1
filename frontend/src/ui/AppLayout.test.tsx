// @vitest-environment-options {"url": "http://127.0.0.1:21315/app/"}
import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../test/apiServer';
import { makeMe } from '../test/fixtures';
import { mountApp } from '../test/mountApp';

let server: ApiServer;
let roles = ['ambassador'];
const meHandler = () => ({
  body: makeMe({ roles, charter: { current_version: 2, accepted_version: 2 }, job_title: 'Engineer' }),
});
beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/auth/session', () => ({ body: { user_id: 'a1', roles, csrf_token: 't' } }));
  server.on('GET', '/api/ambassadors/me', meHandler);
  server.on('GET', '/api/ambassadors/admin/moderation', () => ({ body: [] }));
});
afterAll(() => server.close());

const mount = (path: string) => mountApp(path);

describe('app shell and admin guard', () => {
  it('hides the admin menu and guards admin routes for ambassadors', async () => {
    roles = ['ambassador'];
    const router = await mount('/app/admin/moderation');
    await waitFor(() => expect(router.history.location.pathname).toBe('/app/profile'));
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(nav).toHaveTextContent('My profile');
    expect(screen.queryByRole('link', { name: 'Administration' })).toBeNull();
  });

  it('shows the admin menu and the lazy moderation page to admins', async () => {
    roles = ['ambassador', 'admin'];
    const router = await mount('/app/admin/moderation');
    expect(await screen.findByText('No listing waits for approval.')).toBeInTheDocument();
    expect(router.history.location.pathname).toBe('/app/admin/moderation');
    expect(screen.getByRole('link', { name: 'Administration' })).toBeInTheDocument();
  });

  it('lands an admin whose own onboarding is unfinished on the admin area, not the wizard', async () => {
    roles = ['ambassador', 'admin'];
    server.on('GET', '/api/ambassadors/me', () => ({ body: makeMe({ roles }) }));
    try {
      const router = await mount('/app/');
      await waitFor(() => expect(router.history.location.pathname).toBe('/app/admin/moderation'));
      expect(await screen.findByText('No listing waits for approval.')).toBeInTheDocument();
      // the profile (and from it the wizard) stays one click away
      expect(screen.getByRole('link', { name: 'My profile' })).toBeInTheDocument();
    } finally {
      server.on('GET', '/api/ambassadors/me', meHandler);
    }
  });

  it('sends the person to sign-in (keeping where they were) when /me answers 401', async () => {
    roles = ['ambassador'];
    server.on('GET', '/api/ambassadors/me', () => ({
      status: 401,
      body: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Sign in first.' },
    }));
    try {
      const router = await mount('/app/directory?q=ada');
      expect(await screen.findByRole('heading', { name: 'Sign in to Relais' })).toBeInTheDocument();
      expect(router.history.location.pathname).toBe('/app/sign-in');
      const redirect = new URLSearchParams(router.history.location.search).get('redirect');
      expect(redirect).toMatch(/\/directory\?q=ada$/);
      expect(screen.queryByText('Something went wrong')).toBeNull();
      expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    } finally {
      server.on('GET', '/api/ambassadors/me', meHandler);
    }
  });

  it('sends a signed-out visitor to the sign-in page', async () => {
    server.on('GET', '/api/auth/session', () => ({ status: 401, body: { status: 401, title: 'Unauthorized' } }));
    const router = await mount('/app/directory');
    expect(await screen.findByRole('heading', { name: 'Sign in to Relais' })).toBeInTheDocument();
    expect(router.history.location.pathname).toBe('/app/sign-in');
  });
});
