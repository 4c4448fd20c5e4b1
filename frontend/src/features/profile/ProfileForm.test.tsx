// @vitest-environment-options {"url": "http://127.0.0.1:21314/app/"}
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMe } from '../../api/queries/me';
import type { Me } from '../../api/model';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { makeMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { ProfileForm } from './ProfileForm';

let server: ApiServer;
let me: Me = makeMe({ job_title: 'Engineer', version: 5 });

beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/ambassadors/me', () => ({ body: me, headers: { ETag: `"a1.${me.version}"` } }));
  server.on('GET', '/api/ambassadors/departments', () => ({ body: [] }));
  server.on('GET', '/api/ambassadors/themes', () => ({ body: [] }));
  server.on('PATCH', '/api/ambassadors/me', (req) => {
    if (req.headers['if-match'] !== `"a1.${me.version}"`)
      return {
        status: 412,
        body: { title: 'Precondition Failed', status: 412, detail: 'Someone changed this since you loaded it.' },
      };
    if (((req.body as { job_title?: string }).job_title ?? '').length > 5)
      return {
        status: 422,
        body: { status: 422, detail: 'Check the fields.', errors: [{ field: 'body.job_title', message: 'Too long for the server.' }] },
      };
    me = { ...me, ...(req.body as Partial<Me>), version: me.version + 1 };
    return { body: me, headers: { ETag: `"a1.${me.version}"` } };
  });
});
afterAll(() => server.close());

function Harness() {
  const query = useMe();
  return query.data ? <ProfileForm me={query.data} /> : null;
}

describe('ProfileForm', () => {
  it('on 412 keeps the typed text and offers the other version (keep mine)', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<Harness />);
    const jobTitle = await screen.findByRole('textbox', { name: 'Job title' });
    const first = me.version;
    me = { ...me, job_title: 'CTO', version: first + 1 }; // changed elsewhere after our GET
    await user.clear(jobTitle);
    await user.type(jobTitle, 'Dev');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changed elsewhere meanwhile')).toBeInTheDocument();
    expect(screen.getByText(/Other version: CTO/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Job title' })).toHaveValue('Dev');
    const patch = server.requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers['if-match']).toBe(`"a1.${first}"`);
    expect(patch?.body).toEqual({ job_title: 'Dev' }); // only what the person changed
    await user.click(screen.getByRole('button', { name: 'Keep my Job title' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(me.job_title).toBe('Dev'));
    expect(server.requests.filter((r) => r.method === 'PATCH').at(-1)?.headers['if-match']).toBe(`"a1.${first + 1}"`);
  });

  it('take theirs puts the other version in the field', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<Harness />);
    const location = await screen.findByRole('textbox', { name: 'Location' });
    me = { ...me, location: 'Paris', version: me.version + 1 };
    await user.type(location, 'Lyon');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'Take the other Location' }));
    expect(screen.getByRole('textbox', { name: 'Location' })).toHaveValue('Paris');
    expect(screen.queryByText('Changed elsewhere meanwhile')).not.toBeInTheDocument();
  });

  it('a change elsewhere to another field is merged without asking', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<Harness />);
    const bio = await screen.findByRole('textbox', { name: 'Short bio' });
    me = { ...me, job_title: 'Chief', version: me.version + 1 };
    await user.type(bio, 'Unsaved words');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(me.bio).toBe('Unsaved words'));
    expect(me.job_title).toBe('Chief');
    expect(screen.getByRole('textbox', { name: 'Short bio' })).toHaveValue('Unsaved words');
    expect(screen.queryByText('Changed elsewhere meanwhile')).not.toBeInTheDocument();
  });

  it('shows server field errors next to the field and the problem (translated by type) in a notification', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<Harness />);
    const jobTitle = await screen.findByRole('textbox', { name: 'Job title' });
    await user.clear(jobTitle);
    await user.type(jobTitle, 'Principal engineer');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Too long for the server.')).toBeInTheDocument();
    expect(jobTitle).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Check the highlighted fields.')).toBeInTheDocument(); // by problem type, not `detail`
  });
});
