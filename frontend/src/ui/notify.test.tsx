// @vitest-environment-options {"url": "http://127.0.0.1:21318/app/"}
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { notifyError, notifySuccess } from './notify';

describe('notifications', () => {
  it('shows one confirmation at a time: a new one replaces the last, so they never cover the page', async () => {
    await renderWithProviders(<main />);
    act(() => {
      notifySuccess('Profile saved.');
      notifySuccess('Account added.');
      notifySuccess('Account added (2).');
    });
    expect(await screen.findByText('Account added (2).')).toBeInTheDocument();
    expect(screen.queryByText('Profile saved.')).toBeNull();
    expect(screen.queryByText('Account added.')).toBeNull();
  });

  it('keeps an error beside a confirmation: an error is never replaced by good news', async () => {
    await renderWithProviders(<main />);
    act(() => {
      notifyError(new Error('offline'));
      notifySuccess('Profile saved.');
    });
    expect(await screen.findByText('Profile saved.')).toBeInTheDocument();
    expect(screen.getByText(/could not be reached/)).toBeInTheDocument();
  });
});
