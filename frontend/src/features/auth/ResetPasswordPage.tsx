import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Card, Stack } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { rememberCsrfToken } from '../../api/http';
import { keys } from '../../api/queries/keys';
import { usePasswordResetLink, useResetPassword } from '../../api/queries/session';
import { notifyError } from '../../ui/notify';
import { PageTitle } from '../../ui/PageTitle';
import { BackToSignIn } from './BackToSignIn';
import { NewPasswordField } from '../../ui/PasswordField';
import { QueryState } from '../../ui/QueryState';
import { resetSchema, type ResetValues } from './schemas';

const isGone = (error: unknown) => isApiError(error) && [404, 410].includes(error.status);

/** The page the “forgot my password” e-mail links to. */
export function ResetPasswordPage() {
  const { t, i18n } = useTranslation();
  const { token } = useParams({ from: '/public/reset-password/$token' });
  const link = usePasswordResetLink(token);
  const reset = useResetPassword(token);
  const client = useQueryClient();
  const navigate = useNavigate();
  const schema = useMemo(() => resetSchema(), [i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  const form = useForm<ResetValues>({ resolver: zodResolver(schema), defaultValues: { password: '' } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async ({ password }) => {
    try {
      await reset.mutateAsync(password);
      // every session is signed out, this browser's included
      rememberCsrfToken(null);
      client.setQueryData(keys.session, null);
      await navigate({ to: '/sign-in', search: { reset: true } });
    } catch (error) {
      if (isGone(error)) void link.refetch();
      else notifyError(error, { setError: form.setError, fields: ['password'] });
    }
  });

  const gone = isGone(link.error);
  return (
    <Card>
      <PageTitle title={t('auth.resetTitle')} intro={gone ? undefined : t('auth.resetIntro')} />
      {gone ? (
        <Alert color="ember" role="alert">
          {t('auth.resetGone')}{' '}
          <Anchor component={Link} to="/forgot-password" c="ember.9" fw={700}>
            {t('auth.resetAgain')}
          </Anchor>
        </Alert>
      ) : (
        <QueryState isPending={link.isPending} error={link.error} onRetry={() => void link.refetch()} />
      )}
      {link.data && (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <NewPasswordField
              label={t('auth.newPassword')}
              typed={form.watch('password')}
              {...form.register('password')}
              error={errors.password?.message}
            />
            <Button type="submit" loading={form.formState.isSubmitting} size="md">
              {t('auth.resetSubmit')}
            </Button>
          </Stack>
        </form>
      )}
      <BackToSignIn />
    </Card>
  );
}
