import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Stack, TextInput } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useEffect, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAcceptInvitation, useInvitationDetails } from '../../api/queries/invitations';
import { useLogin } from '../../api/queries/session';
import { currentLanguage, formatDate } from '../../i18n';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { acceptSchema, type AcceptValues } from './schemas';
import { useAfterSignIn } from './useAfterSignIn';
import { NewPasswordField } from '../../ui/PasswordField';

export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const { token } = useParams({ from: '/public/invitations/$token' });
  const details = useInvitationDetails(token);
  const schema = useMemo(() => acceptSchema(), [i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  const form = useForm<AcceptValues>({ resolver: zodResolver(schema), defaultValues: { password: '', display_name: '' } });
  const accept = useAcceptInvitation(token);
  const login = useLogin();
  const afterSignIn = useAfterSignIn();
  const { errors } = form.formState;
  const invitedName = details.data?.display_name;

  useEffect(() => {
    if (invitedName && !form.getValues('display_name')) form.setValue('display_name', invitedName);
  }, [invitedName, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    if (!details.data) return;
    try {
      await accept.mutateAsync({ ...values, locale: currentLanguage() });
      await login.mutateAsync({ email: details.data.email, password: values.password });
      notifySuccess(t('auth.signedUp'));
      await afterSignIn(undefined, true);
    } catch (error) {
      notifyError(error, { setError: form.setError, fields: ['password', 'display_name'] });
    }
  });

  const gone = details.error && 'status' in details.error && [404, 410].includes(Number(details.error.status));
  return (
    <Card>
      <PageTitle title={t('auth.invitationTitle')} />
      {gone ? (
        <Alert color="ember" role="alert">
          {t('auth.invitationGone')}
        </Alert>
      ) : (
        <QueryState isPending={details.isPending} error={details.error} />
      )}
      {details.data && (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Alert color="relay" variant="light">
              {t('auth.invitationIntro', { email: details.data.email })}{' '}
              {t('auth.invitationExpires', { date: formatDate(details.data.expires_at) })}
            </Alert>
            <TextInput label={t('auth.email')} value={details.data.email} readOnly />
            <TextInput
              label={t('auth.displayName')}
              required
              {...form.register('display_name')}
              error={errors.display_name?.message}
            />
            <NewPasswordField
              label={t('auth.password')}
              typed={form.watch('password')}
              {...form.register('password')}
              error={errors.password?.message}
            />
            <Button type="submit" loading={form.formState.isSubmitting} size="md">
              {t('auth.invitationAccept')}
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}
