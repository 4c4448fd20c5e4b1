// Headless Debian Chromium through playwright-core, screenshots and the accessibility check.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { E2E_DIR } from './stack.mjs';

export const SCREENSHOT_DIR = join(E2E_DIR, 'screenshots');
const CHROMIUM = process.env.RELAIS_E2E_CHROMIUM || '/usr/bin/chromium';

/** Once per run (one process runs every journey): the screenshots folder holds this run's only. */
export async function launchBrowser() {
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A fresh browser context (own cookies) that can only talk to the stack: any request to
 * another origin is aborted, so a journey never reaches outside 127.0.0.1.
 */
export async function newContext(browser, baseURL, options = {}) {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    // The SPA honours “reduce motion” (theme.respectReducedMotion): notifications appear at once
    // instead of fading in, so axe never measures the contrast of a half-transparent toast.
    reducedMotion: 'reduce',
    ...options,
  });
  const origin = new URL(baseURL).origin;
  await context.route(
    (url) => url.origin !== origin && !url.protocol.startsWith('data') && !url.protocol.startsWith('blob'),
    (route) => route.abort('blockedbyclient'),
  );
  context.setDefaultTimeout(15_000);
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  return context;
}

const openContexts = new Set();

/** When a step fails: a screenshot of every page still open, to see what the person saw. */
export async function screenshotOpenPages(stepName) {
  const slug = stepName.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  let index = 0;
  for (const context of openContexts) {
    for (const page of context.pages()) {
      index += 1;
      await page.screenshot({ path: join(SCREENSHOT_DIR, `FAILED-${slug}-${index}.png`), fullPage: true }).catch(() => {});
    }
  }
}

let shotNumber = 0;
/** A full-page screenshot, numbered in the order of the journey. */
export async function screenshot(page, name) {
  shotNumber += 1;
  const file = join(SCREENSHOT_DIR, `${String(shotNumber).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const audits = []; // {label, url, violations: [serious/critical]}

/**
 * Run axe on the page as it is now and remember the serious/critical violations; the journeys
 * go on (so one contrast problem does not hide the rest of the product) and a test per journey
 * asserts at the end that every visited screen had none (see accessibilityFailures).
 */
export async function auditAccessibility(page, label) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  audits.push({ label, url: page.url(), violations: bad });
  return bad;
}

/** A readable list of the serious/critical violations of the screens whose label starts with `prefix`. */
export function accessibilityFailures(prefix = '') {
  return audits
    .filter((a) => a.label.startsWith(prefix) && a.violations.length)
    .map((a) => `${a.label} (${a.url}):\n${a.violations.map(describeViolation).join('\n')}`);
}

export function auditedScreens(prefix = '') {
  return audits.filter((a) => a.label.startsWith(prefix)).map((a) => a.label);
}

function describeViolation(v) {
  const nodes = v.nodes.slice(0, 4).map((n) => `      ${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}`);
  const more = v.nodes.length > 4 ? `\n      … and ${v.nodes.length - 4} more` : '';
  return `  ${v.impact} ${v.id}: ${v.help}\n${nodes.join('\n')}${more}`;
}
