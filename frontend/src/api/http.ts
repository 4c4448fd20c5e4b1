/** The one fetch wrapper: same-origin cookies, CSRF header, problem+json, ETags. */
import { ApiError, problemFrom } from './errors';

export const API_BASE = '/api';
const CSRF_COOKIE = 'relais_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfFallback: string | null = null;

/** Remember the token returned by login/session when the cookie is not readable (tests, proxies). */
export function rememberCsrfToken(token: string | null | undefined): void {
  csrfFallback = token ?? null;
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? csrfFallback;
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  ifMatch?: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  response: Response;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const origin = typeof window !== 'undefined' ? window.location.origin : '';
  const url = `${origin}${API_BASE}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = (options.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (UNSAFE.has(method)) {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  const response = await fetch(buildUrl(path, options.query), {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!response.ok) throw new ApiError(await problemFrom(response));
  const etag = response.headers.get('ETag');
  if (response.status === 204) return { data: undefined as T, etag, response };
  const text = await response.text();
  const data = (text ? JSON.parse(text) : undefined) as T;
  return { data, etag, response };
}

export const api = {
  get: async <T>(path: string, query?: RequestOptions['query']) =>
    (await request<T>(path, { query })).data,
  post: async <T>(path: string, json?: unknown) =>
    (await request<T>(path, { method: 'POST', json })).data,
  put: async <T>(path: string, json?: unknown) =>
    (await request<T>(path, { method: 'PUT', json })).data,
  patch: async <T>(path: string, json: unknown, ifMatch: string) =>
    (await request<T>(path, { method: 'PATCH', json, ifMatch })).data,
  delete: async <T = void>(path: string, json?: unknown) =>
    (await request<T>(path, { method: 'DELETE', json })).data,
};

/** The ETag the services compute for a versioned entity (relais_common.concurrency.etag_of). */
export function etagOf(entity: { id: string; version: number }): string {
  return `"${entity.id}.${entity.version}"`;
}

export const AMB = '/ambassadors';
export const EDITORIAL = '/editorial';

/** Every service that keeps data about a person answers GET <service>/me/export. */
export const EXPORTING_SERVICES = [AMB, EDITORIAL] as const;
