// The browser journeys of Relais against the whole stack (one stack for the whole run).
import { after, before, describe } from 'node:test';
import { launchBrowser } from '../lib/browser.mjs';
import { startStack } from '../lib/stack.mjs';
import { adminJourney } from '../journeys/admin.mjs';
import { nicolasJourney } from '../journeys/nicolas.mjs';
import { passwordJourney } from '../journeys/password.mjs';
import { planetJourney } from '../journeys/planet.mjs';
import { LOGO_SVG, startFeedServer } from '../journeys/planet-feeds.mjs';
import { networksJourney } from '../journeys/networks.mjs';

const run = { stack: null, browser: null, feeds: null };

before(async () => {
  // the Planet journey's feed server: the stack may fetch exactly that origin (RELAIS_E2E_FEED_PORT
  // fixes its port against a running stack started with RELAIS_SSRF_ALLOWED_NETWORKS=127.0.0.1:<port>)
  run.feeds = await startFeedServer({ port: Number(process.env.RELAIS_E2E_FEED_PORT ?? 0), stackUrl: () => run.stack.url });
  run.stack = await startStack({ env: { RELAIS_SSRF_ALLOWED_NETWORKS: `127.0.0.1:${run.feeds.port}`, AGGREGATOR_FEED_POLL_SECONDS: '1', AGGREGATOR_COMPANY_LOGO_SVG: LOGO_SVG } });
  run.browser = await launchBrowser();
}, { timeout: 240_000 });

after(async () => {
  await run.browser?.close().catch(() => {});
  if (run.stack?.logPath) console.log(`stack log: ${run.stack.logPath}`);
  await run.stack?.stop();
  await run.feeds?.close();
});

describe('English: the core team signs in and the admin screens work', () => adminJourney(run));
describe('Français : Nicolas, de l’inscription à l’effacement de ses données', () => nicolasJourney(run));
describe('English: Léa forgot her password and chooses a new one', () => passwordJourney(run));
describe('English: the public Planet, its feeds, widget and the owners’ feed controls', () => planetJourney(run));
describe('English: the network “Cloud security”, from its creation to the published grid (issue 8)', () => networksJourney(run));
