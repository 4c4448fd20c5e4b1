// @vitest-environment-options {"url": "http://127.0.0.1:21316/app/"}
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../test/apiServer';
import { ApiError } from '../errors';
import { fetchFullExport } from './me';

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
  server.on('GET', '/api/ambassadors/me/export', () => ({ body: { service: 'ambassadors', profile: { display_name: 'Nicolas' } } }));
  server.on('GET', '/api/editorial/me/export', () => ({ body: { service: 'editorial', user_id: 'a1', data: { shares: [] } } }));
});
afterAll(() => server.close());

describe('data export', () => {
  it('gathers what every service holds into one document', async () => {
    const data = await fetchFullExport();
    expect(data.services).toEqual({
      ambassadors: { service: 'ambassadors', profile: { display_name: 'Nicolas' } },
      editorial: { service: 'editorial', user_id: 'a1', data: { shares: [] } },
    });
    expect(typeof data.exported_at).toBe('string');
  });

  it('fails rather than handing over a partial copy when a service cannot answer', async () => {
    server.on('GET', '/api/editorial/me/export', () => ({
      status: 503,
      body: { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'editorial is unavailable.' },
    }));
    await expect(fetchFullExport()).rejects.toBeInstanceOf(ApiError);
  });
});
