import { beforeAll, describe, expect, it } from 'vitest';
import { emailField } from './schemas';
import { signInErrors } from './signInForm';
import { initI18n, setLanguage } from '../../i18n';

describe('the sign-in rules (no zod on the first screen)', () => {
  beforeAll(async () => {
    initI18n();
    await setLanguage('en');
  });

  it('asks for both fields, then for a valid address', () => {
    expect(signInErrors({ email: '  ', password: '' })).toEqual({
      email: 'This field is required.',
      password: 'This field is required.',
    });
    expect(signInErrors({ email: 'ada@', password: 'x' }).email).toMatch(/valid/i);
    expect(signInErrors({ email: ' ada@example.com ', password: 'x' })).toEqual({});
  });

  it('accepts and refuses the same addresses as the other forms (schemas.ts)', () => {
    const addresses = ['ada@example.com', "o'brien+tag@corp.example.fr", 'a.b@c.d', 'no-at.example.com', 'x@y', 'a..b@c.com', 'é@example.com'];
    for (const email of addresses) {
      const zodOk = emailField().safeParse(email).success;
      expect(signInErrors({ email, password: 'x' }).email === undefined, email).toBe(zodOk);
    }
  });
});
