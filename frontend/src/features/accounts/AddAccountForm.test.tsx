// @vitest-environment-options {"url": "http://127.0.0.1:21312/app/"}
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { platforms } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { AddAccountForm } from './AddAccountForm';

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
  server.on('POST', '/api/ambassadors/accounts/preview', (req) => {
    const { value } = req.body as { value: string };
    if (value === '@ada@mastodon.social')
      return {
        body: {
          platform: 'mastodon',
          handle: '@ada@mastodon.social',
          profile_url: 'https://mastodon.social/@ada',
          feed_url: 'https://mastodon.social/@ada.rss',
        },
      };
    return {
      status: 422,
      body: {
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'Check the value.',
        errors: [{ field: 'value', message: 'A Mastodon handle looks like @user@instance.social.' }],
      },
    };
  });
  server.on('POST', '/api/ambassadors/me/accounts', (req) => ({ status: 201, body: { id: 'acc1', ...(req.body as object) } }));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

async function choosePlatform(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('combobox', { name: 'Platform' }));
  await user.click(await screen.findByRole('option', { name: /Mastodon/ }));
}

describe('AddAccountForm live validation', () => {
  it('shows the canonical profile link and feed for a valid handle, then adds it', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<AddAccountForm platforms={platforms} debounceMs={50} />);
    const add = screen.getByRole('button', { name: 'Add this account' });
    expect(add).toBeDisabled();
    await choosePlatform(user);
    expect(screen.getByText('For example @user@instance.social')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Handle or URL' }), '@ada@mastodon.social');
    expect(await screen.findByText('Recognised: @ada@mastodon.social')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Profile: https:\/\/mastodon.social\/@ada$/ })).toHaveAttribute(
      'href',
      'https://mastodon.social/@ada',
    );
    expect(screen.getByRole('link', { name: /Feed:/ })).toHaveAttribute('href', 'https://mastodon.social/@ada.rss');
    // debounced: one preview call for the whole typed value, not one per keystroke
    const previews = server.requests.filter((r) => r.path.endsWith('/accounts/preview'));
    expect(previews.map((r) => (r.body as { value: string }).value)).toEqual(['@ada@mastodon.social']);

    await waitFor(() => expect(add).toBeEnabled());
    await user.click(add);
    await waitFor(() => expect(server.requests.some((r) => r.path === '/api/ambassadors/me/accounts')).toBe(true));
    const created = server.requests.find((r) => r.path === '/api/ambassadors/me/accounts');
    // nobody ticked “Show publicly”: the account is added private
    expect(created?.body).toEqual({ platform: 'mastodon', value: '@ada@mastodon.social', public: false });
  });

  it('starts with “Show publicly” off: showing an account is an explicit choice', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<AddAccountForm platforms={platforms} debounceMs={50} />);
    const showPublicly = screen.getByRole('switch', { name: 'Show publicly' });
    expect(showPublicly).not.toBeChecked();
    await choosePlatform(user);
    await user.type(screen.getByRole('textbox', { name: 'Handle or URL' }), '@ada@mastodon.social');
    await user.click(showPublicly);
    expect(showPublicly).toBeChecked();
    const add = screen.getByRole('button', { name: 'Add this account' });
    await waitFor(() => expect(add).toBeEnabled());
    await user.click(add);
    await waitFor(() => expect(server.requests.some((r) => r.path === '/api/ambassadors/me/accounts')).toBe(true));
    const created = server.requests.find((r) => r.path === '/api/ambassadors/me/accounts');
    expect(created?.body).toEqual({ platform: 'mastodon', value: '@ada@mastodon.social', public: true });
    // ready for the next account: off again
    await waitFor(() => expect(showPublicly).not.toBeChecked());
  });

  it('gives a real-looking example, not the bare pattern word (GitHub “name” → “octocat”)', async () => {
    const user = userEvent.setup();
    const withGithub = [...platforms, { id: 'github', label: 'GitHub', placeholder: 'name', has_feed: true }];
    await renderWithProviders(<AddAccountForm platforms={withGithub} debounceMs={50} />);
    await user.click(screen.getByRole('combobox', { name: 'Platform' }));
    await user.click(await screen.findByRole('option', { name: /GitHub/ }));
    expect(screen.getByText('For example octocat')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Handle or URL' })).toHaveAttribute('placeholder', 'octocat');
  });

  it("shows the server's message next to the field for an invalid value", async () => {
    const user = userEvent.setup();
    await renderWithProviders(<AddAccountForm platforms={platforms} debounceMs={50} />);
    await choosePlatform(user);
    const input = screen.getByRole('textbox', { name: 'Handle or URL' });
    await user.type(input, 'not a handle');
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getAllByText('A Mastodon handle looks like @user@instance.social.').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Add this account' })).toBeDisabled();
  });

  it('pasting a profile address or a handle picks its platform, and says so', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<AddAccountForm platforms={platforms} debounceMs={50} />);
    const input = screen.getByRole('textbox', { name: 'Handle or URL' });
    expect(screen.getByText('Paste a profile address or a handle: the platform is recognised.')).toBeInTheDocument();
    await user.click(input);
    await user.paste('https://www.linkedin.com/in/ada-lovelace');
    expect(screen.getByRole('combobox', { name: 'Platform' })).toHaveValue('LinkedIn');
    expect(screen.getByText('Platform recognised: LinkedIn. Change it above if needed.')).toBeInTheDocument();
    await waitFor(() =>
      expect(server.requests.find((r) => r.path.endsWith('/accounts/preview'))?.body).toEqual({
        platform: 'linkedin',
        value: 'https://www.linkedin.com/in/ada-lovelace',
      }),
    );
    await user.clear(input);
    await user.paste('@ada@mastodon.social');
    expect(screen.getByRole('combobox', { name: 'Platform' })).toHaveValue('Mastodon');
    expect(await screen.findByText('Recognised: @ada@mastodon.social')).toBeInTheDocument();
    // picking a platform by hand ends the announcement
    await user.click(screen.getByRole('combobox', { name: 'Platform' }));
    await user.click(await screen.findByRole('option', { name: /LinkedIn/ }));
    expect(screen.queryByText(/^Platform recognised/)).toBeNull();
  });
});
