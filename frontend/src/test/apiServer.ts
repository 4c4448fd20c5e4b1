/**
 * A real HTTP server on the jsdom origin, speaking the Relais API shapes, for tests.
 * Each test file sets its own origin with `@vitest-environment-options {"url": "http://127.0.0.1:<port>/"}`:
 * one port per file, from 21311 up, below Linux's ephemeral range (32768–60999) so that no outgoing
 * connection of another process can hold it (src/test/ports.test.ts checks both).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type Handler = (req: Recorded) => { status?: number; body?: unknown; headers?: Record<string, string> } | undefined;

export interface ApiServer {
  requests: Recorded[];
  on: (method: string, path: string, handler: Handler) => void;
  close: () => Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startApiServer(): Promise<ApiServer> {
  const port = Number(new URL(window.location.href).port);
  const routes = new Map<string, Handler>();
  const requests: Recorded[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const recorded: Recorded = { method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers, body: await readBody(req) };
      requests.push(recorded);
      const handler = routes.get(`${recorded.method} ${url.pathname}`);
      const result = handler?.(recorded) ?? {
        status: 404,
        body: { type: 'about:blank', title: 'Not Found', status: 404, detail: `No route ${url.pathname}` },
      };
      const status = result.status ?? 200;
      const isProblem = status >= 400;
      res.writeHead(status, {
        'Content-Type': isProblem ? 'application/problem+json' : 'application/json',
        ...result.headers,
      });
      res.end(result.body === undefined ? '' : JSON.stringify(result.body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    requests,
    on: (method, path, handler) => routes.set(`${method} ${path}`, handler),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
