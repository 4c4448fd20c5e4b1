import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { detectLanguage, STORAGE_KEY } from '.';
import { en } from './en';
import { fr } from './fr';

function Probe() {
  const { t } = useTranslation();
  return <h1>{t('nav.directory')}</h1>;
}

function keysOf(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keysOf(v as object, `${prefix}${k}.`)));
}

afterEach(() => vi.restoreAllMocks());

describe('language', () => {
  it('switches FR/EN from the header control and remembers the choice', async () => {
    const user = userEvent.setup();
    await renderWithProviders(
      <>
        <LanguageSwitch />
        <Probe />
      </>,
      'fr',
    );
    expect(screen.getByRole('heading')).toHaveTextContent('Annuaire');
    expect(screen.getByRole('radiogroup', { name: 'Langue' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(screen.getByRole('heading')).toHaveTextContent('Directory');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('radiogroup', { name: 'Language' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Français' }));
    expect(screen.getByRole('heading')).toHaveTextContent('Annuaire');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('fr');
  });

  it('defaults to the stored choice, else to navigator.language', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    expect(detectLanguage()).toBe('en');
    localStorage.setItem(STORAGE_KEY, 'fr');
    expect(detectLanguage()).toBe('fr');
    localStorage.clear();
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    expect(detectLanguage()).toBe('fr');
  });

  it('has every English key translated in French', () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
  });
});
