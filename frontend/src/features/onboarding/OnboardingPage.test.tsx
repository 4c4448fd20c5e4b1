// @vitest-environment-options {"url": "http://127.0.0.1:21313/app/"}
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../api/model';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { charter, makeMe, platforms } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { PageHarness } from '../../test/routerHarness';
import { OnboardingPage } from './OnboardingPage';

let server: ApiServer;
let me: Me = makeMe();
const etag = () => ({ ETag: `"${me.id}.${me.version}"` });

beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/ambassadors/me', () => ({ body: me, headers: etag() }));
  server.on('GET', '/api/ambassadors/charters/current', () => ({ body: charter }));
  server.on('POST', '/api/ambassadors/me/charter-acceptance', () => {
    me = { ...me, status: 'active', charter: { current_version: 2, accepted_version: 2 } };
    return { body: me };
  });
  server.on('GET', '/api/ambassadors/departments', () => ({
    body: [{ id: 'd1', name: 'Engineering', slug: 'engineering', archived_at: null, member_count: 3, version: 1 }],
  }));
  server.on('GET', '/api/ambassadors/themes', () => ({ body: [] }));
  server.on('PATCH', '/api/ambassadors/me', (req) => {
    if (req.headers['if-match'] !== `"${me.id}.${me.version}"`) return { status: 412, body: { status: 412, detail: 'stale' } };
    me = { ...me, ...(req.body as Partial<Me>), version: me.version + 1 };
    return { body: me, headers: etag() };
  });
  server.on('GET', '/api/ambassadors/platforms', () => ({ body: platforms }));
  server.on('GET', '/api/ambassadors/me/accounts', () => ({ body: [] }));
  server.on('PUT', '/api/ambassadors/me/listing', (req) => {
    const { public: isPublic } = req.body as { public: boolean };
    me = { ...me, listing: { ...me.listing, public: isPublic, moderation: 'pending' } };
    return { body: me };
  });
});
afterAll(() => server.close());

describe('onboarding wizard', () => {
  it('walks through charter, profile, accounts and consent, then lands on the profile', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<PageHarness page={OnboardingPage} />);

    // (a) charter: rendered HTML, Next only once accepted
    expect(await screen.findByRole('heading', { name: 'Be kind' })).toBeInTheDocument();
    const next = screen.getByRole('button', { name: 'Next' });
    expect(next).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'I have read the charter and accept it' }));
    await user.click(next);
    await waitFor(() =>
      expect(server.requests.find((r) => r.path.endsWith('/me/charter-acceptance'))?.body).toEqual({ version: 2 }),
    );

    // (b) profile, saved with If-Match
    const jobTitle = await screen.findByRole('textbox', { name: 'Job title' });
    await user.type(jobTitle, 'Engineer');
    expect(screen.getByText('0 / 600 characters')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Short bio' }), 'Hello');
    expect(screen.getByText('5 / 600 characters')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(me.job_title).toBe('Engineer'));
    const patch = server.requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers['if-match']).toBe('"a1.1"');
    expect(patch?.body).toMatchObject({ job_title: 'Engineer', bio: 'Hello' });

    // (c) accounts
    expect(await screen.findByRole('button', { name: 'Add this account' })).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Next' }).at(-1)!);

    // (d) visibility consent, then finish
    const consent = await screen.findByRole('checkbox', { name: /agree to be listed on the public Relais page/ });
    expect(screen.getByText(/withdraw this consent at any time/)).toBeInTheDocument();
    await user.click(consent);
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await screen.findByText('profile landing')).toBeInTheDocument();
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({ public: true });
  });
});
