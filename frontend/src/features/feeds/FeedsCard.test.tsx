// @vitest-environment-options {"url": "http://127.0.0.1:21391/app/"}
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SocialAccount } from '../../api/model';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { renderWithProviders } from '../../test/render';
import type { FeedHealth, OwnedItem } from './feedsApi';
import { initI18n } from '../../i18n';

let server: ApiServer;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

function account(overrides: Partial<SocialAccount>): SocialAccount {
  return {
    id: 'acc-blog', platform: 'blog', handle: 'ada.example', profile_url: 'https://ada.example/', feed_url: 'https://ada.example/feed.xml',
    public: true, consented_at: ago(10), posts_public: false, posts_consented_at: null, created_at: ago(10), ...overrides,
  };
}

function feed(overrides: Partial<FeedHealth>): FeedHealth {
  return {
    id: 'f-blog', person_id: 'p1', platform: 'blog', handle: 'ada.example', url: 'https://ada.example/feed.xml', original_url: 'https://ada.example/feed.xml',
    status: 'active', http_status: 200, last_success_at: ago(0), last_error: null, last_error_at: null, next_attempt_at: ago(-0.1),
    failures: 0, redirected_from: null, redirected_at: null, interval_seconds: 3600, filters: { categories: [], keywords: [] }, items_count: 2,
    etag: '"f-blog.3"', ...overrides,
  };
}

function item(id: string, title: string, overrides: Partial<OwnedItem> = {}): OwnedItem {
  return {
    id, feed_id: 'f-blog', guid: id, link: `https://ada.example/${id}`, title, summary_html: '<p>x</p>', published_at: ago(1), first_seen_at: ago(1),
    categories: ['cloud'], matches_filters: true, hidden_by_owner: false, hidden_by_admin: false, pinned: false, ...overrides,
  };
}

// the feature's words join i18next once it is initialised, as in the app (main.tsx first)
initI18n('en');
const { FeedsCard } = await import('./FeedsCard');

let accounts: SocialAccount[] = [];
let feeds: FeedHealth[] = [];

beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/ambassadors/me/accounts', () => ({ body: accounts }));
  server.on('GET', '/api/ambassadors/platforms', () => ({ body: [] }));
  server.on('GET', '/api/aggregator/me/feeds', () => ({ body: { items: feeds, next_cursor: null } }));
  server.on('GET', '/api/aggregator/me/feeds/f-blog/items', () => ({
    body: { items: [item('i1', 'Zero trust in the cloud'), item('i2', 'Kubernetes secrets', { categories: ['k8s'] })], next_cursor: null },
  }));
  server.on('GET', '/api/aggregator/me/feeds/f-yt/items', () => ({ body: { items: [], next_cursor: null } }));
  server.on('PUT', '/api/ambassadors/me/accounts/acc-blog/posts', () => ({ body: account({ posts_public: true }) }));
  server.on('PUT', '/api/aggregator/me/feeds/f-blog/filters', (req) =>
    req.headers['if-match'] === '"f-blog.3"'
      ? { body: feed({ filters: req.body as FeedHealth['filters'], etag: '"f-blog.4"' }) }
      : { status: 412, body: { type: 'about:blank', title: 'Precondition Failed', status: 412 } },
  );
  server.on('PUT', '/api/aggregator/me/feeds/f-blog/items/i1/hidden', () => ({ body: item('i1', 'Zero trust in the cloud', { hidden_by_owner: true }) }));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  accounts = [account({})];
  feeds = [feed({})];
});

describe('FeedsCard', () => {
  it('asks for the posts consent per account, apart from listing it', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<FeedsCard />);
    const toggle = await screen.findByRole('switch', { name: 'Show my posts from Blog ada.example on the company page' });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(server.requests.find((r) => r.method === 'PUT')).toMatchObject({ path: '/api/ambassadors/me/accounts/acc-blog/posts', body: { public: true } }));
  });

  it('cannot show the posts of an account that is not listed', async () => {
    accounts = [account({ public: false })];
    await renderWithProviders(<FeedsCard />);
    expect(await screen.findByRole('switch', { name: /Show my posts from Blog/ })).toBeDisabled();
    expect(screen.getByText(/List this account publicly first/)).toBeInTheDocument();
  });

  it('says that Relais follows the 301 and why a feed fails, and for how long', async () => {
    accounts = [account({}), account({ id: 'acc-yt', platform: 'youtube', handle: 'bob', feed_url: 'https://yt.example/feed' })];
    feeds = [
      feed({ url: 'https://new.ada.example/atom.xml', redirected_from: 'https://ada.example/feed.xml', redirected_at: ago(1) }),
      feed({
        id: 'f-yt', platform: 'youtube', handle: 'bob', url: 'https://yt.example/feed', status: 'failing', http_status: 500,
        last_success_at: ago(2.2), last_error: 'The server answered 500 (an error on its side)', failures: 6, etag: '"f-yt.1"',
      }),
    ];
    await renderWithProviders(<FeedsCard />);
    const blog = await screen.findByRole('article', { name: /ada\.example/ });
    expect(await within(blog).findByText(/Relais now follows the new address https:\/\/new\.ada\.example\/atom\.xml/)).toBeInTheDocument();
    const yt = screen.getByRole('article', { name: /bob/ });
    expect(within(yt).getByRole('alert')).toHaveTextContent('Failing for 2 days: The server answered 500 (an error on its side) (HTTP 500).');
    expect(within(yt).getByText(/Next attempt/)).toBeInTheDocument();
  });

  it('keeps only the posts tagged cloud, sending the ETag, and keeps the text on a conflict', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<FeedsCard />);
    const categories = await screen.findByLabelText(/Only posts tagged/);
    await user.type(categories, 'cloud, cloud ,');
    await user.click(screen.getByRole('button', { name: 'Save the filters' }));
    await waitFor(() =>
      expect(server.requests.find((r) => r.method === 'PUT')).toMatchObject({
        path: '/api/aggregator/me/feeds/f-blog/filters',
        headers: { 'if-match': '"f-blog.3"' },
        body: { categories: ['cloud'], keywords: [] },
      }),
    );
    cleanup(); // the second visit alone on the page: the one whose ETag went stale
    feeds = [feed({ etag: '"f-blog.9"' })];
    await renderWithProviders(<FeedsCard />);
    const form = await screen.findByRole('form', { name: 'Which posts reach the company page' });
    await user.type(within(form).getByLabelText(/Or containing/), 'kubernetes');
    await user.click(within(form).getByRole('button', { name: 'Save the filters' }));
    // a generous wait: on a loaded CI machine the 412 round trip can take over a second
    expect(await within(form).findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(/changed elsewhere/);
    expect(within(form).getByLabelText(/Or containing/)).toHaveValue('kubernetes');
  }, 30_000);

  it('hides one post from the company page', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<FeedsCard />);
    await user.click(await screen.findByRole('button', { name: 'Hide “Zero trust in the cloud” from the company page' }));
    await waitFor(() =>
      expect(server.requests.find((r) => r.method === 'PUT')).toMatchObject({ path: '/api/aggregator/me/feeds/f-blog/items/i1/hidden', body: { hidden: true } }),
    );
    expect(screen.getByRole('button', { name: 'Hide “Kubernetes secrets” from the company page' })).toBeInTheDocument();
  });

  it('speaks French too', async () => {
    feeds = [feed({ url: 'https://new.ada.example/atom.xml', redirected_from: 'https://ada.example/feed.xml', redirected_at: ago(1) })];
    await renderWithProviders(<FeedsCard />, 'fr');
    expect(await screen.findByRole('heading', { name: 'Mes publications sur la page de l’entreprise' })).toBeInTheDocument();
    expect(await screen.findByText(/Relais suit désormais la nouvelle adresse https:\/\/new\.ada\.example\/atom\.xml/)).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: /^Afficher mes publications/ })).toBeInTheDocument();
  });
});
