// The Planet journey's local feed server: three blogs (an HTML page whose <link rel="alternate">
// names its feed), one RSS feed with posts tagged cloud or not, one old feed that answers 301 to
// its new Atom address, one feed that always fails (500); and the host page that embeds the
// "Recruiting" widget under a strict Content-Security-Policy.
import { createServer } from 'node:http';

const now = Date.now();
const HOUR = 3_600_000;
const rfc822 = (ms) => new Date(ms).toUTCString();
const iso = (ms) => new Date(ms).toISOString();

export const POSTS = {
  ada: [
    { id: 'ada-1', title: 'Zero trust for cloud workloads', tags: ['cloud', 'security'], at: now - 2 * HOUR },
    { id: 'ada-2', title: 'Our Kubernetes upgrade diary', tags: ['kubernetes'], at: now - 5 * HOUR },
    { id: 'ada-3', title: 'Secrets rotation in the cloud', tags: ['cloud'], at: now - 9 * HOUR },
  ],
  bea: [
    { id: 'bea-1', title: 'Hiring engineers who write', tags: ['recruiting'], at: now - 3 * HOUR },
    // older notes, so that the river needs a second page (20 posts a page)
    ...Array.from({ length: 20 }, (_, i) => ({ id: `bea-note-${i + 1}`, title: `Recruiting note ${i + 1}`, tags: ['recruiting'], at: now - (12 + i) * HOUR })),
  ],
};

/** The company's logo for the stack (AGGREGATOR_COMPANY_LOGO_SVG). */
export const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#1f4e79"/></svg>';

function blogPage(name, feedPath, type = 'application/rss+xml') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}'s blog</title>
<link rel="alternate" type="${type}" href="${feedPath}"></head><body><h1>${name}'s blog</h1></body></html>`;
}

function rss(origin, who, posts) {
  const items = posts
    .map(
      (p) => `<item><guid>${origin}/${who}/${p.id}</guid><title>${p.title}</title><link>${origin}/${who}/${p.id}</link>
<pubDate>${rfc822(p.at)}</pubDate>${p.tags.map((t) => `<category>${t}</category>`).join('')}
<description>&lt;p&gt;${p.title}, in a few words.&lt;/p&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${who}</title><link>${origin}/${who}/</link>
<description>${who}'s posts</description>${items}</channel></rss>`;
}

function atom(origin, who, posts) {
  const entries = posts
    .map(
      (p) => `<entry><id>${origin}/${who}/${p.id}</id><title>${p.title}</title><link href="${origin}/${who}/${p.id}"/>
<updated>${iso(p.at)}</updated>${p.tags.map((t) => `<category term="${t}"/>`).join('')}<summary>${p.title}, briefly.</summary></entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${who}</title>
<id>${origin}/${who}/</id><updated>${iso(now)}</updated>${entries}</feed>`;
}

/** Starts on `port` (0: any free one). Returns {origin, port, hits, close}. */
export async function startFeedServer({ port = 0, stackUrl = () => '' } = {}) {
  const hits = [];
  const server = createServer((req, res) => {
    const origin = `http://127.0.0.1:${server.address().port}`;
    const path = new URL(req.url ?? '/', origin).pathname;
    hits.push(path);
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': type, ...headers });
      res.end(body);
    };
    if (path === '/ada/' || path === '/ada') return send(200, 'text/html; charset=utf-8', blogPage('Ada', '/ada/feed.xml'));
    if (path === '/ada/feed.xml') return send(200, 'application/rss+xml; charset=utf-8', rss(origin, 'ada', POSTS.ada));
    if (path === '/bea/' || path === '/bea') return send(200, 'text/html; charset=utf-8', blogPage('Bea', '/bea/old.xml'));
    if (path === '/bea/old.xml') return send(301, 'text/plain', 'moved', { Location: `${origin}/bea/new.atom` });
    if (path === '/bea/new.atom') return send(200, 'application/atom+xml; charset=utf-8', atom(origin, 'bea', POSTS.bea));
    if (path === '/carl/' || path === '/carl') return send(200, 'text/html; charset=utf-8', blogPage('Carl', '/carl/feed.xml'));
    if (path === '/carl/feed.xml') return send(500, 'text/plain', 'database down');
    if (path === '/host/') {
      // the brand homepage: no inline script or style allowed, only the Planet's script and frame
      const planet = stackUrl();
      return send(
        200,
        'text/html; charset=utf-8',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Brand homepage</title></head><body><main><h1>Brand homepage</h1>
<script src="${planet}/widget/embed.js" data-theme="recruiting" data-lang="en" async></script></main></body></html>`,
        { 'Content-Security-Policy': `default-src 'none'; script-src ${planet}; frame-src ${planet}; img-src ${planet}` },
      );
    }
    return send(404, 'text/plain', 'not here');
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const actual = server.address().port;
  return { origin: `http://127.0.0.1:${actual}`, port: actual, hits, close: () => new Promise((done) => server.close(() => done())) };
}
