// The SPA's first load: what a browser fetches to show the sign-in screen, compressed.
// Serves frontend/dist under /app/ on 127.0.0.1 (the .br/.gz files the build wrote, chosen by
// Accept-Encoding as the gateway does), opens /app/sign-in in headless Chromium and adds up the
// bytes on the wire. Prints figures, asserts nothing. Run `make bench-spa` (builds first).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, resolve } from 'node:path';

const FRONTEND = resolve(new URL('../frontend', import.meta.url).pathname);
const DIST = join(FRONTEND, 'dist');
const { chromium } = createRequire(join(FRONTEND, 'package.json'))('playwright-core');
const CHROMIUM = process.env.RELAIS_E2E_CHROMIUM || '/usr/bin/chromium';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('frontend/dist is not built: run `make spa` first');
  process.exit(1);
}

/** The file for a URL path under /app/ (index.html for client routes), never outside dist. */
function fileFor(pathname) {
  const relative = decodeURIComponent(pathname.replace(/^\/app\/?/, ''));
  const candidate = resolve(DIST, relative);
  if (candidate.startsWith(DIST + '/') && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return extname(relative) ? null : join(DIST, 'index.html');
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname.startsWith('/api/')) {
    res.writeHead(401, { 'Content-Type': 'application/problem+json' });
    res.end(JSON.stringify({ type: 'https://relais.dev/problems/unauthorized', title: 'Authentication required', status: 401 }));
    return;
  }
  const file = fileFor(url.pathname);
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
  let body = file;
  for (const [token, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accepts.includes(token) && existsSync(file + suffix)) {
      body = file + suffix;
      headers['Content-Encoding'] = token;
      break;
    }
  }
  res.writeHead(200, headers);
  res.end(readFileSync(body));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const fetched = [];
try {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  // Only this server: nothing on the page may reach another address.
  await context.route((url) => url.origin !== origin, (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map();
  cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, { url: e.response.url, type: e.type }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) fetched.push({ ...r, bytes: e.encodedDataLength });
  });
  await page.goto(`${origin}/app/sign-in`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: /sign in/i }).waitFor();
  await page.waitForLoadState('networkidle');
} finally {
  await browser.close();
  server.close();
}

// entry: the scripts index.html names (entry and its modulepreloads), as the browser got them
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const entryFiles = new Set([...html.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
const kb = (n) => (n / 1024).toFixed(1);
let total = 0;
let entry = 0;
for (const f of fetched.sort((a, b) => b.bytes - a.bytes)) {
  const path = new URL(f.url).pathname.replace(/^\/app\//, '');
  total += f.bytes;
  if (entryFiles.has(path)) entry += f.bytes;
  console.log(`  ${kb(f.bytes).padStart(7)} KB  ${f.type.padEnd(10)} ${path}`);
}
// the same scripts for a client that only speaks gzip (the build's .gz files)
const sizeOf = (f) => statSync(join(DIST, existsSync(join(DIST, `${f}.gz`)) ? `${f}.gz` : f)).size;
const entryGzip = [...entryFiles].reduce((sum, f) => sum + sizeOf(f), 0);
console.log(`requests=${fetched.length} (bytes on the wire: headers and compressed bodies)`);
console.log(`BENCH spa first_load_kb=${kb(total)} entry_kb=${kb(entry)} entry_gzip_kb=${kb(entryGzip)}`);
