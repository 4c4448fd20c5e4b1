import { Alert, Anchor, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useLogin } from '../../api/queries/session';
import { notifyError } from '../../ui/notify';
import { PageTitle } from '../../ui/PageTitle';
import { useSignInForm } from './signInForm';
import { useAfterSignIn } from './useAfterSignIn';
import { PasswordField } from '../../ui/PasswordField';

export function SignInPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/public/sign-in' });
  const login = useLogin();
  const afterSignIn = useAfterSignIn();
  const form = useSignInForm(async (values, setError) => {
    try {
      await login.mutateAsync(values);
      await afterSignIn(search.redirect);
    } catch (error) {
      if (isApiError(error) && (error.status === 401 || error.status === 429)) {
        setError('root', { message: t(error.status === 401 ? 'auth.badCredentials' : 'auth.tooMany') });
        return;
      }
      notifyError(error, { setError, fields: ['email', 'password'] });
    }
  });
  const { errors } = form;

  return (
    <Card>
      <PageTitle title={t('auth.signInTitle')} intro={t('auth.signInIntro')} />
      {search.deleted && (
        <Alert color="relay" mb="md" role="status">
          {t('auth.deleted')}
        </Alert>
      )}
      {(search.reset || search.everywhere) && (
        <Alert color="relay" mb="md" role="status">
          {t(search.reset ? 'auth.resetDone' : 'auth.signedOutEverywhere')}
        </Alert>
      )}
      <form onSubmit={(event) => void form.onSubmit(event)} noValidate>
        <Stack>
          {errors.root && (
            <Alert color="red" role="alert">
              {errors.root}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            {...form.field('email')}
          />
          <PasswordField
            label={t('auth.password')}
            autoComplete="current-password"
            required
            {...form.field('password')}
          />
          <Anchor component={Link} to="/forgot-password" size="sm" ta="right" mt={-8}>
            {t('auth.forgot')}
          </Anchor>
          <Button type="submit" loading={form.isSubmitting} size="md">
            {t('auth.signIn')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/sign-up">
              {t('auth.toSignUp')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Card>
  );
}
