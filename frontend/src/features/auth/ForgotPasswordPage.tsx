import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Stack, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useRequestPasswordReset } from '../../api/queries/session';
import { notifyError } from '../../ui/notify';
import { PageTitle } from '../../ui/PageTitle';
import { BackToSignIn } from './BackToSignIn';
import { forgotSchema, type ForgotValues } from './schemas';

/** Ask for a link by e-mail; the answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  const schema = useMemo(() => forgotSchema(), [i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  const form = useForm<ForgotValues>({ resolver: zodResolver(schema), defaultValues: { email: '' } });
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string>();
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async ({ email }) => {
    try {
      await request.mutateAsync(email);
      setSentTo(email);
    } catch (error) {
      notifyError(error, { setError: form.setError, fields: ['email'] });
    }
  });

  return (
    <Card>
      <PageTitle title={t('auth.forgotTitle')} intro={t('auth.forgotIntro')} />
      {sentTo ? (
        <Alert color="relay" role="status">
          {t('auth.forgotSent', { email: sentTo })}
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              {...form.register('email')}
              error={errors.email?.message}
            />
            <Button type="submit" loading={form.formState.isSubmitting} size="md">
              {t('auth.forgotSend')}
            </Button>
          </Stack>
        </form>
      )}
      <BackToSignIn />
    </Card>
  );
}
