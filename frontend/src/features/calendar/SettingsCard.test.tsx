// @vitest-environment-options {"url": "http://127.0.0.1:21394/app/"}
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EditorialNetworkSettingsRead } from '../../client';
import { initI18n } from '../../i18n';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { renderWithProviders } from '../../test/render';

initI18n('en');
await import('./i18n');
const { SettingsCard } = await import('./SettingsCard');

const URL = '/api/editorial/networks/cloud/settings';
let settings: EditorialNetworkSettingsRead;
let server: ApiServer;
// what the instance answers when the settings are saved (the server reads it, not the SPA)
let instanceLimit: number | null;

const initial = (): EditorialNetworkSettingsRead => ({
  approval_mode: 'required',
  approval_steps: [],
  disclosure: '#JeTravailleChezRelais',
  disclosure_is_default: true,
  mastodon_instance: null,
  mastodon_limit: 500,
  mastodon_limit_source: 'default',
  version: 1,
});

beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', URL, () => ({ body: settings, headers: { ETag: `"settings.${settings.version}"` } }));
  server.on('PUT', URL, (req) => {
    const body = req.body as { mastodon_instance: string | null };
    if (body.mastodon_instance === 'not a host') {
      const message = 'Give the Mastodon instance’s host name, e.g. mastodon.social.';
      return { status: 422, body: { status: 422, title: 'Unprocessable', detail: message, errors: [{ field: 'mastodon_instance', message }] } };
    }
    const read = instanceLimit !== null && body.mastodon_instance;
    settings = {
      ...settings,
      mastodon_instance: body.mastodon_instance,
      mastodon_limit: read ? instanceLimit! : 500,
      mastodon_limit_source: read ? 'instance' : 'default',
      version: settings.version + 1,
    };
    return { body: settings, headers: { ETag: `"settings.${settings.version}"` } };
  });
});
afterAll(() => server.close());
beforeEach(() => {
  settings = initial();
  instanceLimit = 1000;
  server.requests.length = 0;
});

describe('SettingsCard', () => {
  it("sets the network's Mastodon instance and shows the limit it gave", async () => {
    const user = userEvent.setup();
    await renderWithProviders(<SettingsCard slug="cloud" />);
    expect(await screen.findByText('Mastodon messages count against 500 characters.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Mastodon instance' }), ' mastodon.example ');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Mastodon messages count against 1000 characters, the limit of mastodon.example.')).toBeInTheDocument();
    const put = server.requests.find((r) => r.method === 'PUT');
    expect(put?.body).toMatchObject({ approval_mode: 'required', mastodon_instance: 'mastodon.example' });
    expect(put?.headers['if-match']).toBe('"settings.1"');
    expect(screen.getByRole('textbox', { name: 'Mastodon instance' })).toHaveValue('mastodon.example');
  });

  it('says when the instance could not be read, and clearing it sends null', async () => {
    const user = userEvent.setup();
    instanceLimit = null;
    settings = { ...initial(), mastodon_instance: 'down.example' };
    await renderWithProviders(<SettingsCard slug="cloud" />);
    expect(await screen.findByRole('status')).toHaveTextContent('down.example could not be read when saved: Mastodon messages count against 500 characters.');
    await user.clear(screen.getByRole('textbox', { name: 'Mastodon instance' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(server.requests.find((r) => r.method === 'PUT')?.body).toMatchObject({ mastodon_instance: null }));
    expect(await screen.findByText('Mastodon messages count against 500 characters.')).toBeInTheDocument();
  });

  it('shows a bad host at the field', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<SettingsCard slug="cloud" />);
    const field = await screen.findByRole('textbox', { name: 'Mastodon instance' });
    await user.type(field, 'not a host');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/host name, e\.g\. mastodon\.social/);
  });

  it('speaks French', async () => {
    settings = { ...initial(), mastodon_instance: 'mastodon.example', mastodon_limit: 1000, mastodon_limit_source: 'instance' };
    await renderWithProviders(<SettingsCard slug="cloud" />, 'fr');
    expect(await screen.findByRole('textbox', { name: 'Instance Mastodon' })).toHaveValue('mastodon.example');
    expect(screen.getByText('Les messages Mastodon sont limités à 1000 caractères, la limite de mastodon.example.')).toBeInTheDocument();
  });
});
