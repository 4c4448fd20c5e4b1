// @vitest-environment-options {"url": "http://127.0.0.1:21393/app/"}
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { initI18n } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import type { Grid, Variant } from './gridApi';

// feature words are added to an initialised i18next (as in the app, where screens load later)
initI18n('en');
const { GridCard } = await import('./GridCard');

const DISCLOSURE = '#JeTravailleChezRelais';
const variant = (over: Partial<Variant> = {}): Variant => ({
  id: 'v1',
  grid_id: 'g1',
  platform: 'x',
  language: 'en',
  text: 'Hello',
  full_text: `Hello\n\n${DISCLOSURE}`,
  count: 29,
  limit: 280,
  over_limit: false,
  position: 0,
  expires_at: null,
  expired: false,
  expired_reason: null,
  checklist: [{ check: 'disclosure', ok: true, severity: 'error', message: 'The disclosure is present.' }],
  version: 1,
  updated_at: '2026-12-01T10:00:00Z',
  ...over,
});
let grid: Grid;
let server: ApiServer;

function makeGrid(over: Partial<Grid> = {}): Grid {
  return {
    id: 'g1',
    entry_id: 'e1',
    title: 'Launch',
    status: 'draft',
    link_url: 'https://example.com/launch',
    hashtags: ['#cloud'],
    mentions: [],
    release_at: null,
    expires_at: null,
    expired: false,
    expired_reason: null,
    offered: false,
    author_id: 'me',
    author_name: 'Alice Martin',
    disclosure: DISCLOSURE,
    mastodon_limit: 500,
    review: { mode: 'required', round: 1, current_step: null, steps: [], approvals: [], can_approve: false },
    variants: [variant()],
    version: 3,
    created_at: '2026-12-01T10:00:00Z',
    updated_at: '2026-12-01T10:00:00Z',
    ...over,
  };
}

beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/editorial/networks/cloud/grids/g1', () => ({ body: grid }));
  server.on('GET', '/api/editorial/networks/cloud/grids/g1/comments', () => ({ body: { items: [] } }));
  server.on('GET', '/api/editorial/networks/cloud/entries/e1/grids', () => ({ body: { items: [grid] } }));
  server.on('PATCH', '/api/editorial/networks/cloud/variants/v1', (req) => {
    const current = grid.variants[0];
    if (req.headers['if-match'] !== `"v1.${current.version}"`) return { status: 412, body: { status: 412, title: 'Precondition Failed', detail: 'Changed.' } };
    grid = { ...grid, variants: [variant({ text: (req.body as { text: string }).text, version: current.version + 1 })] };
    return { body: grid };
  });
  server.on('POST', '/api/editorial/networks/cloud/grids/g1/request-changes', (req) => {
    grid = { ...grid, status: 'changes_requested', version: grid.version + 1 };
    return req.headers['if-match'] === '"g1.3"' ? { body: grid } : { status: 412, body: { status: 412 } };
  });
});
afterAll(() => server.close());
beforeEach(() => {
  grid = makeGrid();
  server.requests.length = 0;
});

const roles = { committee: true, chair: false, me: 'me' };

describe('GridCard', () => {
  it('counts live as X does, the disclosure included, and turns red over the limit', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<GridCard slug="cloud" grid={grid} roles={roles} />);
    const field = screen.getByRole('textbox', { name: 'Message X (Twitter) EN #1' });
    // "Hello" 5 + "\n\n" 2 + the disclosure 22
    expect(screen.getByText('X (Twitter) counts 29 of 280')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'Read https://example.com/a/very/long/path/indeed');
    // 4 + 1 + a URL counts 23, + 2 + 22
    expect(screen.getByText('X (Twitter) counts 52 of 280')).toBeInTheDocument();
    await user.clear(field);
    await user.click(field);
    await user.paste('a'.repeat(260));
    expect(screen.getByText('X (Twitter) counts 284 of 280')).toBeInTheDocument();
    expect(screen.getAllByText(/4 over the limit/).length).toBeGreaterThan(0);
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it("counts a Mastodon variant against the network's instance limit, else 500", async () => {
    const user = userEvent.setup();
    const toot = variant({ platform: 'mastodon', text: 'a'.repeat(700), count: 724, limit: 1000 });
    grid = makeGrid({ mastodon_limit: 1000, variants: [toot] });
    const { unmount } = await renderWithProviders(<GridCard slug="cloud" grid={grid} roles={roles} />);
    // 700 + "\n\n" 2 + the disclosure 22
    expect(screen.getByText('Mastodon counts 724 of 1000')).toBeInTheDocument();
    const field = screen.getByRole('textbox', { name: 'Message Mastodon EN #1' });
    expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await user.clear(field);
    await user.click(field);
    await user.paste('a'.repeat(980));
    expect(screen.getByText('Mastodon counts 1004 of 1000')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    unmount();
    grid = makeGrid({ variants: [toot] }); // no instance: 500
    await renderWithProviders(<GridCard slug="cloud" grid={grid} roles={roles} />);
    expect(screen.getByText('Mastodon counts 724 of 500')).toBeInTheDocument();
    expect(screen.getAllByText(/224 over the limit/).length).toBeGreaterThan(0);
  });

  it('a 412 on save keeps the typed text, shows the other version; keep mine saves with the new ETag', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<GridCard slug="cloud" grid={grid} roles={roles} />);
    grid = { ...grid, variants: [variant({ text: 'Their words', version: 2 })] }; // saved elsewhere
    const field = screen.getByRole('textbox', { name: 'Message X (Twitter) EN #1' });
    await user.clear(field);
    await user.type(field, 'My words');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Other version: Their words/)).toBeInTheDocument();
    expect(field).toHaveValue('My words');
    expect(server.requests.find((r) => r.method === 'PATCH')?.headers['if-match']).toBe('"v1.1"');
    await user.click(screen.getByRole('button', { name: 'Keep my text' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(grid.variants[0].text).toBe('My words'));
    expect(server.requests.filter((r) => r.method === 'PATCH').at(-1)?.headers['if-match']).toBe('"v1.2"');
  });

  it('a reviewer must say what to change; the comment goes with If-Match', async () => {
    const user = userEvent.setup();
    grid = makeGrid({ status: 'in_review', author_id: 'someone-else', review: { ...makeGrid().review, can_approve: true } });
    await renderWithProviders(<GridCard slug="cloud" grid={grid} roles={roles} />);
    expect(screen.getByRole('button', { name: 'Approve' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull(); // the chair publishes
    await user.click(screen.getByRole('button', { name: 'Request changes' }));
    expect(screen.getByText('Say what to change.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Comment for the author' }), 'Shorter, please');
    await user.click(screen.getByRole('button', { name: 'Request changes' }));
    await waitFor(() => expect(grid.status).toBe('changes_requested'));
    const sent = server.requests.find((r) => r.path.endsWith('/request-changes'));
    expect(sent?.body).toEqual({ comment: 'Shorter, please' });
    expect(sent?.headers['if-match']).toBe('"g1.3"');
  });
});
