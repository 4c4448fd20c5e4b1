// @vitest-environment-options {"url": "http://127.0.0.1:21392/app/"}
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { renderWithProviders } from '../../test/render';

let server: ApiServer;
// the page's words join i18next once it is initialised, as in the app
initI18n('en');
const { PlanetAdminPage } = await import('./PlanetAdminPage');

const feed = {
  id: 'f1', person_id: 'p1', platform: 'blog', handle: 'carl.example', url: 'https://carl.example/feed.xml', original_url: 'https://carl.example/feed.xml',
  status: 'failing', http_status: 500, last_success_at: null, last_error: 'The site failed to answer (500)', last_error_at: '2026-12-01T10:00:00Z',
  next_attempt_at: '2026-12-01T12:00:00Z', failures: 3, redirected_from: null, redirected_at: null, interval_seconds: 900,
  filters: { categories: [], keywords: [] }, items_count: 0, etag: '"f1.1"',
};
const item = { id: 'i1', person_id: 'p1', title: 'Zero trust for cloud workloads', link: 'https://ada.example/1', published_at: '2026-12-01T09:00:00Z', hidden_by_admin: false, hidden_by_owner: false, pinned: false };

beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/aggregator/admin/feeds', () => ({ body: { items: [feed], next_cursor: null } }));
  server.on('GET', '/api/aggregator/admin/planet/items', () => ({ body: { items: [item], next_cursor: null } }));
  server.on('PUT', '/api/aggregator/admin/planet/items/i1', (req) => ({ body: { ...item, ...(req.body as object) } }));
  server.on('GET', '/api/aggregator/admin/planet/blocklist', () => ({ body: { keywords: ['casino'] }, headers: { ETag: '"blocklist.2"' } }));
  server.on('PUT', '/api/aggregator/admin/planet/blocklist', (req) => ({ body: req.body, headers: { ETag: '"blocklist.3"' } }));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('PlanetAdminPage', () => {
  it('lists every feed with its state and last error in words', async () => {
    await renderWithProviders(<PlanetAdminPage />);
    const table = await screen.findByRole('table', { name: /Every feed Relais reads/ });
    expect(within(table).getByText('Failing')).toBeInTheDocument();
    expect(within(table).getByText('The site failed to answer (500)')).toBeInTheDocument();
  });

  it('hides a post from every output and pins another', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<PlanetAdminPage />);
    await user.click(await screen.findByRole('switch', { name: 'Hide “Zero trust for cloud workloads” from every output' }));
    await waitFor(() => expect(server.requests.find((r) => r.method === 'PUT')).toMatchObject({ path: '/api/aggregator/admin/planet/items/i1', headers: { 'if-match': '"i1.1"' }, body: { hidden: true, pinned: false } }));
  });

  it('replaces the blocklist with If-Match', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<PlanetAdminPage />);
    const field = await screen.findByLabelText('Blocked words');
    expect(field).toHaveValue('casino');
    await user.type(field, '{Enter}crypto{Enter}casino');
    await user.click(screen.getByRole('button', { name: 'Save the blocklist' }));
    await waitFor(() =>
      expect(server.requests.find((r) => r.method === 'PUT')).toMatchObject({ headers: { 'if-match': '"blocklist.2"' }, body: { keywords: ['casino', 'crypto'] } }),
    );
  });
});
