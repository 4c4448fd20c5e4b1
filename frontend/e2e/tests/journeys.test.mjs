// The browser journeys of Relais against the whole stack (one stack for the whole run).
import { after, before, describe } from 'node:test';
import { launchBrowser } from '../lib/browser.mjs';
import { startStack } from '../lib/stack.mjs';
import { adminJourney } from '../journeys/admin.mjs';
import { nicolasJourney } from '../journeys/nicolas.mjs';
import { passwordJourney } from '../journeys/password.mjs';

const run = { stack: null, browser: null };

before(async () => {
  run.stack = await startStack();
  run.browser = await launchBrowser();
}, { timeout: 240_000 });

after(async () => {
  await run.browser?.close().catch(() => {});
  if (run.stack?.logPath) console.log(`stack log: ${run.stack.logPath}`);
  await run.stack?.stop();
});

describe('English: the core team signs in and the admin screens work', () => adminJourney(run));
describe('Français : Nicolas, de l’inscription à l’effacement de ses données', () => nicolasJourney(run));
describe('English: Léa forgot her password and chooses a new one', () => passwordJourney(run));
