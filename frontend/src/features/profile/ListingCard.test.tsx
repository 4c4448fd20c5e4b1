// @vitest-environment-options {"url": "http://127.0.0.1:21320/app/"}
import { screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { makeMe } from '../../test/fixtures';
import { mountApp } from '../../test/mountApp';

let server: ApiServer;
let accepted: number | null = null;

beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/auth/session', () => ({ body: { user_id: 'a1', roles: ['ambassador'], csrf_token: 't' } }));
  server.on('GET', '/api/ambassadors/me', () => ({
    body: makeMe({ charter: { current_version: 2, accepted_version: accepted }, job_title: 'Engineer' }),
    headers: { ETag: '"a1.1"' },
  }));
});
afterAll(() => server.close());

describe('the charter reminder on the profile', () => {
  it('asks a newcomer to accept the charter, not to accept a “new version”', async () => {
    accepted = null;
    await mountApp('/app/profile');
    const reminder = await screen.findByText(/the charter to become an ambassador/);
    expect(reminder).toHaveTextContent('Accept the charter to become an ambassador');
    expect(screen.queryByText(/A new charter version/)).toBeNull();
  });

  it('tells someone who accepted an older version that a new one waits', async () => {
    accepted = 1;
    await mountApp('/app/profile');
    expect(await screen.findByText(/A new charter version is waiting for your acceptance/)).toBeInTheDocument();
  });
});
