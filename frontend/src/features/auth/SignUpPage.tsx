import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Card, Select, Stack, Text, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useSignup } from '../../api/queries/me';
import { currentLanguage, setLanguage } from '../../i18n';
import { notifyError } from '../../ui/notify';
import { PageTitle } from '../../ui/PageTitle';
import { BackToSignIn } from './BackToSignIn';
import { signUpSchema, type SignUpValues } from './schemas';
import { NewPasswordField } from '../../ui/PasswordField';

const FIELDS = ['email', 'password', 'display_name', 'locale'] as const;

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const schema = useMemo(() => signUpSchema(), [i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  const form = useForm<SignUpValues>({
    resolver: zodResolver(schema),
    defaultValues: { email: '', password: '', display_name: '', locale: currentLanguage() },
  });
  const signup = useSignup();
  const [sentTo, setSentTo] = useState<string>();
  const { errors } = form.formState;
  const password = form.watch('password');

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await signup.mutateAsync(values);
      if (values.locale !== currentLanguage()) await setLanguage(values.locale);
      setSentTo(values.email);
    } catch (error) {
      // sign-up is for the company's own domains (or by invitation): say it on the e-mail field
      if (isApiError(error) && error.problem.type?.endsWith('/problems/signup-closed')) {
        form.setError('email', { message: t('auth.signupClosed') });
      } else notifyError(error, { setError: form.setError, fields: FIELDS });
    }
  });

  if (sentTo) {
    return (
      <Card>
        <PageTitle title={t('auth.checkMailboxTitle')} />
        <Alert color="relay" role="status">
          {t('auth.checkMailbox', { email: sentTo })}
        </Alert>
        <BackToSignIn />
      </Card>
    );
  }

  return (
    <Card>
      <PageTitle title={t('auth.signUpTitle')} intro={t('auth.signUpIntro')} />
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput
            label={t('auth.displayName')}
            autoComplete="name"
            required
            {...form.register('display_name')}
            error={errors.display_name?.message}
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            {...form.register('email')}
            error={errors.email?.message}
          />
          <NewPasswordField
            label={t('auth.password')}
            typed={password}
            {...form.register('password')}
            error={errors.password?.message}
          />
          <Controller
            control={form.control}
            name="locale"
            render={({ field }) => (
              <Select
                label={t('auth.language')}
                data={[
                  { value: 'fr', label: 'Français' },
                  { value: 'en', label: 'English' },
                ]}
                allowDeselect={false}
                value={field.value}
                onChange={(v) => field.onChange(v ?? 'fr')}
                error={errors.locale?.message}
              />
            )}
          />
          <Button type="submit" loading={form.formState.isSubmitting} size="md">
            {t('auth.signUp')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/sign-in">
              {t('auth.toSignIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Card>
  );
}
