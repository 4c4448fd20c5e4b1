// @vitest-environment-options {"url": "http://127.0.0.1:21378/app/"}
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { makeMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import type { AdminAmbassador } from './adminApi';
import { AmbassadorsPage } from './AmbassadorsPage';

let server: ApiServer;
const listing = { public: false, moderation: 'none' as const, reason: null, consented_at: null, listed: false, change: 'none' as const, change_reason: null };
const people: AdminAmbassador[] = [
  { id: 'p1', email: 'ada@example.com', display_name: 'Ada Lovelace', roles: ['ambassador'], department: null, status: 'active', listing, accounts_count: 2, created_at: '2026-11-30T10:00:00Z' },
  { id: 'p2', email: 'bob@example.com', display_name: 'Bob Stone', roles: ['admin', 'ambassador'], department: null, status: 'suspended', listing, accounts_count: 0, created_at: '2026-11-30T10:00:00Z' },
];

beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/ambassadors/me', () => ({ body: makeMe({ id: 'me', roles: ['admin', 'ambassador'] }) }));
  server.on('GET', '/api/ambassadors/admin/ambassadors', (req) => {
    const q = new URL(req.path, 'http://x').searchParams.get('q') ?? '';
    return { body: { items: people.filter((p) => p.display_name.toLowerCase().includes(q.toLowerCase())), next_cursor: null } };
  });
  server.on('PUT', '/api/ambassadors/admin/ambassadors/p1/roles', () => ({ body: { ...people[0], roles: ['admin', 'ambassador'] } }));
  server.on('POST', '/api/ambassadors/admin/ambassadors/p2/reinstate', () => ({ body: { ...people[1], status: 'active' } }));
});
afterAll(() => server.close());

describe('AmbassadorsPage', () => {
  it('searches by name fragment', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<AmbassadorsPage />);
    expect(await screen.findByText('Bob Stone')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'ada');
    await waitFor(() => expect(screen.queryByText('Bob Stone')).not.toBeInTheDocument());
    expect(server.requests.some((r) => r.path.includes('q=ada'))).toBe(true);
  });

  it('grants the admin role and reinstates, by labelled buttons', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<AmbassadorsPage />);
    await user.click(await screen.findByRole('button', { name: 'Make Ada Lovelace an admin' }));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({ admin: true });
    await user.click(screen.getByRole('button', { name: 'Reinstate Bob Stone' }));
    await waitFor(() => expect(server.requests.some((r) => r.path.endsWith('/p2/reinstate'))).toBe(true));
    expect(screen.getByRole('button', { name: 'Remove the admin role of Bob Stone' })).toBeInTheDocument();
  });
});
