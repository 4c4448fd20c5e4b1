// @vitest-environment-options {"url": "http://127.0.0.1:21377/app/"}
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { renderWithProviders } from '../../test/render';
import type { ModerationItem } from './adminApi';
import { ModerationPage } from './ModerationPage';

let server: ApiServer;

function item(overrides: Partial<ModerationItem>): ModerationItem {
  return {
    ambassador_id: 'p1',
    kind: 'listing',
    display_name: 'Ada Lovelace',
    email: 'ada@example.com',
    job_title: 'Engineer',
    location: 'Lyon',
    languages: ['fr'],
    bio: 'Writes about engines.',
    themes: [{ id: 't1', slug: 'cloud', name: 'Cloud' }],
    department: null,
    status: 'active',
    moderation: 'pending',
    reason: null,
    consented_at: '2026-11-30T10:00:00Z',
    submitted_at: '2026-11-30T10:00:00Z',
    accounts: [
      { id: 'a1', platform: 'github', handle: 'ada', profile_url: 'https://github.com/ada', feed_url: null, public: true, consented_at: null, created_at: '2026-11-30T10:00:00Z' },
      { id: 'a2', platform: 'github', handle: 'ada-private', profile_url: 'https://github.com/ada-private', feed_url: null, public: false, consented_at: null, created_at: '2026-11-30T10:00:00Z' },
    ],
    changes: [],
    ...overrides,
  };
}

const queue = [
  item({}),
  item({
    ambassador_id: 'p2',
    kind: 'change',
    display_name: 'Bob Stone',
    moderation: 'approved',
    changes: [{ field: 'bio', approved: 'Old words', proposed: 'New words' }],
  }),
];

beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/ambassadors/admin/moderation', () => ({ body: queue }));
  server.on('GET', '/api/ambassadors/admin/moderation/policy', () => ({ body: { moderate_changes: true }, headers: { ETag: '"moderation-policy.1"' } }));
  server.on('GET', '/api/ambassadors/platforms', () => ({ body: [] }));
  server.on('POST', '/api/ambassadors/admin/moderation/bulk', (req) => ({
    body: { results: (req.body as { ambassador_ids: string[] }).ambassador_ids.map((id) => ({ ambassador_id: id, status: 200, detail: null })) },
  }));
  server.on('PUT', '/api/ambassadors/admin/moderation/policy', () => ({ body: { moderate_changes: false }, headers: { ETag: '"moderation-policy.2"' } }));
});
afterAll(() => server.close());

describe('ModerationPage', () => {
  it('shows bio, themes, which accounts are public and the diff of a change', async () => {
    await renderWithProviders(<ModerationPage />);
    const ada = await screen.findByRole('listitem', { name: 'Ada Lovelace' });
    expect(within(ada).getByText('Writes about engines.')).toBeInTheDocument();
    expect(within(ada).getByText('Cloud')).toBeInTheDocument();
    expect(within(ada).getByText('Public')).toBeInTheDocument();
    expect(within(ada).getByText('Not public')).toBeInTheDocument();
    expect(within(ada).getByText('First listing')).toBeInTheDocument();
    const bob = screen.getByRole('listitem', { name: 'Bob Stone' });
    const diff = within(bob).getByRole('table', { name: 'What changed since the approved version of Bob Stone' });
    expect(within(diff).getByText('Old words')).toBeInTheDocument();
    expect(within(diff).getByText('New words')).toBeInTheDocument();
  });

  it('approves the selected items in one bulk call', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<ModerationPage />);
    await user.click(await screen.findByRole('checkbox', { name: 'Select Ada Lovelace' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob Stone' }));
    await user.click(screen.getByRole('button', { name: 'Approve 2 selected' }));
    await waitFor(() => expect(server.requests.some((r) => r.path.endsWith('/moderation/bulk'))).toBe(true));
    const call = server.requests.find((r) => r.path.endsWith('/moderation/bulk'));
    expect(call?.body).toEqual({ action: 'approve', ambassador_ids: ['p1', 'p2'] });
    expect(await screen.findByText('2 approved.')).toBeInTheDocument();
  });

  it('turns moderation of changes off with the policy ETag', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<ModerationPage />);
    const [toggle] = await screen.findAllByRole('switch');
    expect(toggle).toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(server.requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = server.requests.find((r) => r.method === 'PUT');
    expect(put?.headers['if-match']).toBe('"moderation-policy.1"');
    expect(put?.body).toEqual({ moderate_changes: false });
  });
});
