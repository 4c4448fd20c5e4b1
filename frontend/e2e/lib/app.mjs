// Small helpers to drive the SPA the way a person does: by role and accessible name.
import { auditAccessibility, newContext, screenshot } from './browser.mjs';

/** Screenshot then axe: every main screen of a journey goes through here. */
export async function checkpoint(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await settleAnimations(page);
  await screenshot(page, name);
  await auditAccessibility(page, name);
}

/** Wait (up to 2 s) for running CSS transitions and animations to end: a screen is judged at rest. */
async function settleAnimations(page) {
  await page
    .evaluate(() =>
      Promise.race([
        Promise.all(
          document
            .getAnimations()
            .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity) // spinners never end
            .map((a) => a.finished.catch(() => undefined)),
        ),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]),
    )
    .catch(() => {});
}

/**
 * The same for a page opened without JavaScript (the public pages): axe needs the page's own
 * script engine, so it audits the same URL in a twin page with scripts on (the public page has
 * no script of its own, the DOM is the same).
 */
export async function checkpointWithoutJs(page, name, locale = 'en-GB') {
  await screenshot(page, name);
  const url = new URL(page.url());
  const twin = await newContext(page.context().browser(), url.origin, { locale });
  try {
    const twinPage = await twin.newPage();
    await twinPage.goto(url.href);
    await auditAccessibility(twinPage, name);
  } finally {
    await twin.close();
  }
}

export const EMAIL_LABEL = /^(e-?mail|courriel|adresse e-?mail|adresse électronique)/i;
export const PASSWORD_LABEL = /^(password|mot de passe)/i;

/** The sign-in form at /app/ (English or French). */
export async function signIn(page, { email, password }, path = '/app/') {
  await page.goto(path);
  const form = page.getByRole('form').or(page.locator('form')).first();
  await form.getByLabel(EMAIL_LABEL).fill(email);
  await form.getByLabel(PASSWORD_LABEL).first().fill(password);
  await form.getByRole('button', { name: /^(sign in|log in|se connecter|connexion)$/i }).click();
}

/** Follow a link of the application's navigation. */
export async function openFromNavigation(page, name) {
  const link = page.getByRole('navigation').getByRole('link', { name }).first();
  await link.click();
  await page.waitForLoadState('networkidle').catch(() => {});
}

/** A cookie-authenticated API call from the browser's own session (cookies + CSRF header). */
export async function api(context, method, path, body) {
  const cookies = await context.cookies();
  const csrf = cookies.find((c) => c.name === 'relais_csrf')?.value;
  const res = await context.request.fetch(path, {
    method,
    headers: csrf ? { 'x-csrf-token': csrf } : {},
    data: body,
    failOnStatusCode: false,
  });
  return res;
}

/** Describe a failed response for the report: method, path, status, body. */
export async function describeResponse(res) {
  let body = '';
  try {
    body = (await res.text()).slice(0, 800);
  } catch {
    body = '(no body)';
  }
  return `${res.request?.().method?.() ?? ''} ${res.url()} → ${res.status()} ${body}`;
}

/**
 * Wait for `target`, pressing the list's “Load more” button (in English or French) while it is
 * not there yet, the way a person scrolls through a long list (a list may hold more than one page).
 */
export async function revealInList(page, target, { pages = 20 } = {}) {
  const more = page.getByRole('button', { name: /^(load more|voir plus)$/i });
  for (let i = 0; i < pages; i += 1) {
    await page.waitForLoadState('networkidle').catch(() => {});
    if (await target.count()) break;
    if (!(await more.count())) break;
    await more.first().click();
  }
  await target.first().waitFor();
}
