// @vitest-environment-options {"url": "http://127.0.0.1:21311/app/"}
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../test/apiServer';
import { ApiError } from './errors';
import { api, etagOf, rememberCsrfToken, request } from './http';

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/ambassadors/me', () => ({ body: { id: 'a1', version: 3 }, headers: { ETag: '"a1.3"' } }));
  server.on('PATCH', '/api/ambassadors/me', (req) =>
    req.headers['if-match'] === '"a1.3"'
      ? { body: { id: 'a1', version: 4 }, headers: { ETag: '"a1.4"' } }
      : { status: 412, body: { title: 'Precondition Failed', status: 412, detail: 'Someone changed this.' } },
  );
  server.on('POST', '/api/ambassadors/me/accounts', () => ({
    status: 422,
    body: {
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'Check the highlighted fields.',
      errors: [{ field: 'body.value', message: 'Expected @user@instance.social' }],
    },
  }));
  server.on('DELETE', '/api/ambassadors/me/accounts/x', () => ({ status: 204 }));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  rememberCsrfToken(null);
});

describe('api client', () => {
  it('sends the relais_csrf cookie value as X-CSRF-Token on unsafe requests only', async () => {
    document.cookie = 'relais_csrf=tok%2Ben; path=/';
    await api.get('/ambassadors/me');
    await api.delete('/ambassadors/me/accounts/x');
    const [get, del] = server.requests;
    expect(get.headers['x-csrf-token']).toBeUndefined();
    expect(del.method).toBe('DELETE');
    expect(del.headers['x-csrf-token']).toBe('tok+en');
  });

  it('falls back to the token returned by login when the cookie is absent', async () => {
    rememberCsrfToken('from-login');
    await api.delete('/ambassadors/me/accounts/x');
    expect(server.requests[0].headers['x-csrf-token']).toBe('from-login');
  });

  it('returns the ETag of a GET and sends it back as If-Match', async () => {
    const { data, etag } = await request<{ id: string; version: number }>('/ambassadors/me');
    expect(etag).toBe('"a1.3"');
    expect(etagOf(data)).toBe('"a1.3"');
    const updated = await api.patch<{ version: number }>('/ambassadors/me', { bio: 'hi' }, etag!);
    expect(updated.version).toBe(4);
    expect(server.requests[1].headers['if-match']).toBe('"a1.3"');
    expect(server.requests[1].body).toEqual({ bio: 'hi' });
  });

  it('turns a 412 into a stale ApiError', async () => {
    const error = await api.patch('/ambassadors/me', {}, '"a1.1"').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isStale).toBe(true);
    expect((error as ApiError).message).toBe('Someone changed this.');
  });

  it('parses problem+json with per-field errors', async () => {
    const error = (await api.post('/ambassadors/me/accounts', { platform: 'mastodon', value: 'x' }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(422);
    expect(error.problem.detail).toBe('Check the highlighted fields.');
    expect(error.fieldMessage('value')).toBe('Expected @user@instance.social');
  });

  it('builds query strings without empty values', async () => {
    await api.get('/ambassadors/me', { q: 'ada', theme: '', cursor: undefined, limit: 5 }).catch(() => undefined);
    expect(server.requests[0].path).toBe('/api/ambassadors/me?q=ada&limit=5');
  });
});
