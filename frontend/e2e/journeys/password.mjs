// English: Léa forgot her password. From the sign-in page she asks for a link, opens it from
// her mail (the e2e stack has no SMTP server: read from the stack's mail folder, as in her own
// mailbox; the core team's mailbox shows the link redacted), chooses a
// new password and signs in with it; the session her laptop kept from before is signed out.
import assert from 'node:assert/strict';
import { newContext } from '../lib/browser.mjs';
import { api, checkpoint, describeResponse, signIn } from '../lib/app.mjs';
import { linkFromMail } from '../lib/mail.mjs';
import { accessibilityVerdict, journey } from '../lib/steps.mjs';

const stamp = Date.now().toString(36);
const LEA = { email: `lea.moreau.${stamp}@example.com`, password: 'first passphrase 1', name: 'Léa Moreau' };
const NEW_PASSWORD = 'a brand-new passphrase 2';

export function passwordJourney(run) {
  const step = journey();
  let page;
  let laptop; // a browser signed in before the reset
  let link;

  step('Léa has an account and a session on her laptop', async () => {
    laptop = await newContext(run.browser, run.stack.url);
    const created = await laptop.request.post('/api/ambassadors/signup', {
      data: { email: LEA.email, password: LEA.password, display_name: LEA.name, locale: 'en' },
      failOnStatusCode: false,
    });
    assert.equal(created.status(), 202, await describeResponse(created));
    const login = await laptop.request.post('/api/auth/login', { data: { email: LEA.email, password: LEA.password } });
    assert.equal(login.status(), 200, await describeResponse(login));
    assert.equal((await api(laptop, 'GET', '/api/auth/session')).status(), 200);
  });

  step('on another browser, “Forgot your password?” sends a link', async () => {
    const context = await newContext(run.browser, run.stack.url, { locale: 'en-GB' });
    page = await context.newPage();
    await page.goto('/app/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await checkpoint(page, 'password-en-forgot');
    await page.getByLabel(/^E-mail address/).fill(LEA.email);
    await page.getByRole('button', { name: 'Send me the link' }).click();
    await page.getByRole('status').filter({ hasText: `If an account exists for ${LEA.email}` }).waitFor();
    await checkpoint(page, 'password-en-link-sent');
  });

  step('the e-mail is in her language and holds a single-use link', async () => {
    const admin = await newContext(run.browser, run.stack.url);
    try {
      const login = await admin.request.post('/api/auth/login', { data: run.stack.admin });
      assert.equal(login.status(), 200, await describeResponse(login));
      link = await linkFromMail(run.stack, LEA.email, 'reset-password');
      const res = await api(admin, 'GET', '/api/ambassadors/admin/mailbox');
      const mail = (await res.json()).items.find((m) => m.to === LEA.email && m.kind === 'reset');
      assert.ok(mail, await describeResponse(res));
      assert.equal(mail.subject, 'Relais: choose a new password');
      // no admin can take her account over: the mailbox never shows the live link
      assert.ok(!mail.body_text.includes('/app/reset-password/'), mail.body_text);
      assert.ok(!(await res.text()).includes(new URL(link).pathname.split('/').pop()));
    } finally {
      await admin.close();
    }
  });

  step('the link asks for a new password, and sign-in then says it changed', async () => {
    await page.goto(new URL(link).pathname);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await checkpoint(page, 'password-en-reset');
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page.waitForURL(/\/app\/sign-in\?reset=true$/);
    await page.getByRole('status').filter({ hasText: 'Your password has been changed' }).waitFor();
    await checkpoint(page, 'password-en-sign-in-after-reset');
  });

  step('the old password fails, the new one signs her in, the link is spent', async () => {
    await signIn(page, { email: LEA.email, password: LEA.password }, '/app/sign-in');
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail address or password.' }).waitFor();
    await signIn(page, { email: LEA.email, password: NEW_PASSWORD }, '/app/sign-in');
    await page.waitForURL(/\/app\/onboarding$/);
    await page.goto(new URL(link).pathname);
    await page.getByRole('alert').filter({ hasText: 'This link no longer works' }).waitFor();
  });

  step('the laptop’s older session is signed out', async () => {
    const res = await api(laptop, 'GET', '/api/auth/session');
    assert.equal(res.status(), 401, await describeResponse(res));
    const me = await api(laptop, 'GET', '/api/ambassadors/me');
    assert.equal(me.status(), 401);
    assert.match((await me.json()).detail, /password was changed/);
  });

  step('from her profile, “Sign out everywhere” ends this session too', async () => {
    await page.goto('/app/profile');
    await page.getByRole('heading', { name: 'Devices' }).waitFor();
    await checkpoint(page, 'password-en-profile-devices');
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL(/\/app\/sign-in\?everywhere=true$/);
    await page.getByRole('status').filter({ hasText: 'You are signed out of every device.' }).waitFor();
    const res = await api(page.context(), 'GET', '/api/auth/session');
    assert.equal(res.status(), 401, await describeResponse(res));
  });

  step('closing the browsers', async () => {
    await laptop?.close();
    await page?.context().close();
  }, { independent: true });

  accessibilityVerdict('password-');
}
