import { z } from 'zod';
import i18n from '../../i18n';

const t = (key: string) => i18n.t(key);

export const emailField = () =>
  z.string().trim().min(1, t('auth.required')).email(t('auth.emailInvalid')).max(254);
export const newPasswordField = () => z.string().min(10, t('auth.passwordShort')).max(200);

export const signUpSchema = () =>
  z.object({
    email: emailField(),
    password: newPasswordField(),
    display_name: z.string().trim().min(1, t('auth.required')).max(120, t('auth.nameTooLong')),
    locale: z.enum(['fr', 'en']),
  });

export const acceptSchema = () =>
  z.object({
    password: newPasswordField(),
    display_name: z.string().trim().min(1, t('auth.required')).max(120, t('auth.nameTooLong')),
  });

export type SignUpValues = z.infer<ReturnType<typeof signUpSchema>>;
export type AcceptValues = z.infer<ReturnType<typeof acceptSchema>>;

export const forgotSchema = () => z.object({ email: emailField() });
export const resetSchema = () => z.object({ password: newPasswordField() });
export const changePasswordSchema = () =>
  z.object({ current_password: z.string().min(1, t('auth.required')).max(200), new_password: newPasswordField() });

export type ForgotValues = z.infer<ReturnType<typeof forgotSchema>>;
export type ResetValues = z.infer<ReturnType<typeof resetSchema>>;
export type ChangePasswordValues = z.infer<ReturnType<typeof changePasswordSchema>>;
