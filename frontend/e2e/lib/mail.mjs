// The e-mails of the journeys' people, read as they would in their own mailbox. The e2e stack has no
// SMTP server: ambassadors writes each message whole to $RELAIS_VAR_DIR/mail/*.eml, while the admin
// mailbox in the app shows them with the secret links redacted (no admin can use someone's link).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './poll.mjs';

/** The newest message to `to` whose body has a link to `/app/<path>/…`; returns that link. */
export function linkFromMail(stack, to, path) {
  if (!stack.mailDir) throw new Error('against a running stack, set RELAIS_E2E_MAIL_DIR to its var/mail folder');
  return eventually(async () => {
    if (!existsSync(stack.mailDir)) throw new Error(`no mail folder ${stack.mailDir} yet`);
    const messages = readdirSync(stack.mailDir)
      .filter((name) => name.endsWith('.eml'))
      .sort()
      .reverse()
      .map((name) => readFileSync(join(stack.mailDir, name), 'utf8'));
    for (const text of messages) {
      const [head, ...body] = text.split('\n\n');
      if (!head.split('\n').includes(`To: ${to}`)) continue;
      const line = body.join('\n\n').split('\n').find((l) => l.includes(`/app/${path}/`));
      if (line) return line.trim();
    }
    throw new Error(`no mail to ${to} with a /app/${path}/ link in ${stack.mailDir}`);
  }, { what: `the ${path} mail to ${to}`, timeout: 20_000, interval: 500 });
}
