// @vitest-environment-options {"url": "http://127.0.0.1:21341/app/"}
import { screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, isApiError } from '../api/errors';
import { request } from '../api/http';
import { startApiServer, type ApiServer } from '../test/apiServer';
import { renderWithProviders } from '../test/render';
import { notifyError } from '../ui/notify';
import i18n, { initI18n, languageAfterSignIn } from '.';
import { problemCode } from './problems';

const problem = (status: number, code: string, detail: string, errors?: { field: string; message: string }[]) => ({
  status,
  headers: { 'Content-Type': 'application/problem+json' },
  body: { type: `https://relais.dev/problems/${code}`, title: 'x', status, detail, ...(errors ? { errors } : {}) },
});

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
  // what the services answer (relais_common.errors), English detail included
  server.on('POST', '/api/ambassadors/themes', () =>
    problem(409, 'conflict', 'A theme called “Cloud” already exists.', [
      { field: 'name', message: 'Another theme already has this name.' },
    ]),
  );
  server.on('PATCH', '/api/ambassadors/me', () =>
    problem(422, 'invalid-input', 'Check the highlighted fields.', [
      { field: 'bio', message: 'String should have at most 2000 characters' },
      { field: 'display_name', message: 'This field is required.' },
    ]),
  );
  server.on('POST', '/api/ambassadors/admin/ambassadors/a1/suspend', () =>
    problem(409, 'conflict', 'This person is already suspended.'),
  );
  server.on('GET', '/api/ambassadors/directory', () => problem(403, 'email-unverified', 'Confirm your address.'));
  server.on('POST', '/api/ambassadors/odd', () => problem(418, 'teapot-rules', 'Only the server knows this one.'));
  server.on('PUT', '/api/ambassadors/me/listing', () => ({
    status: 412,
    body: { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'Changed.' },
  }));
});
afterAll(() => server.close());

async function failure(method: string, path: string): Promise<ApiError> {
  try {
    await request(path, method === 'GET' ? {} : { method, json: {} });
  } catch (error) {
    if (isApiError(error)) return error;
  }
  throw new Error('expected a problem');
}

describe('server errors in the interface’s language', () => {
  it('a French interface shows a conflict on a field in French, not the server’s English', async () => {
    initI18n('fr');
    await i18n.changeLanguage('fr');
    const error = await failure('POST', '/ambassadors/themes');
    expect(error.fieldMessage('name')).toBe('Ce nom est déjà pris.');
    expect(error.text).toBe('Ce nom est déjà pris.');
  });

  it('validation rules are worded by the SPA, with their numbers', async () => {
    await i18n.changeLanguage('fr');
    const error = await failure('PATCH', '/ambassadors/me');
    expect(error.fieldMessage('bio')).toBe('2000 caractères au maximum.');
    expect(error.fieldMessage('display_name')).toBe('Ce champ est obligatoire.');
    expect(error.text).toBe('Vérifiez les champs signalés.');
    await i18n.changeLanguage('en');
    expect(error.fieldMessage('bio')).toBe('At most 2000 characters.');
  });

  it('a problem without a field is translated by its type; an unknown type falls back to the server’s detail', async () => {
    await i18n.changeLanguage('fr');
    expect((await failure('POST', '/ambassadors/admin/ambassadors/a1/suspend')).text).toBe(
      'Ce n’est pas possible dans l’état actuel ; rechargez pour voir la dernière version.',
    );
    expect((await failure('GET', '/ambassadors/directory')).text).toMatch(/^Confirmez d’abord votre adresse e-mail/);
    expect((await failure('POST', '/ambassadors/odd')).text).toBe('Only the server knows this one.');
    const stale = await failure('PUT', '/ambassadors/me/listing');
    expect(problemCode(stale.problem)).toBe('precondition-failed'); // about:blank: known by its status
    expect(stale.text).toMatch(/^Quelqu’un d’autre a modifié ceci/);
  });

  it('notifyError puts the translated messages next to the fields and in the notification', async () => {
    const setError = vi.fn();
    await renderWithProviders(<div />, 'fr');
    notifyError(await failure('PATCH', '/ambassadors/me'), { setError, fields: ['bio', 'display_name'] });
    expect(setError).toHaveBeenCalledWith('bio', { type: 'server', message: '2000 caractères au maximum.' });
    expect(setError).toHaveBeenCalledWith('display_name', { type: 'server', message: 'Ce champ est obligatoire.' });
    expect(await screen.findByText('Vérifiez les champs signalés.')).toBeInTheDocument();
  });
});

describe('the language after signing in', () => {
  it('keeps what the person sees unless nothing on this device or browser chose it', () => {
    expect(languageAfterSignIn('fr', 'en', 'browser')).toEqual({ show: 'en', save: false });
    expect(languageAfterSignIn('fr', 'en', 'stored')).toEqual({ show: 'en', save: false });
    expect(languageAfterSignIn('en', 'fr', 'fallback')).toEqual({ show: 'en', save: false });
    expect(languageAfterSignIn('de', 'fr', 'fallback')).toEqual({ show: 'fr', save: false });
    // a choice made with the switch on this visit wins and goes to the profile
    expect(languageAfterSignIn('fr', 'en', 'switch')).toEqual({ show: 'en', save: true });
    expect(languageAfterSignIn('en', 'en', 'switch')).toEqual({ show: 'en', save: false });
  });

  it('tells a browser language it speaks from one it does not', () => {
    localStorage.clear();
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
    initI18n();
    expect(languageAfterSignIn('fr', 'en').show).toBe('en');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    initI18n();
    expect(languageAfterSignIn('en', 'fr').show).toBe('en');
    localStorage.setItem('relais.lang', 'fr');
    initI18n();
    expect(languageAfterSignIn('en', 'fr').show).toBe('fr');
    vi.restoreAllMocks();
  });
});
