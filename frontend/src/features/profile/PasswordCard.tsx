import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useChangePassword, useSignOutEverywhere } from '../../api/queries/session';
import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { changePasswordSchema, type ChangePasswordValues } from '../auth/schemas';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PasswordField, NewPasswordField } from '../../ui/PasswordField';

/** Change one's password: other devices are signed out, this one signs in again by itself. */
export function PasswordCard({ email }: { email: string }) {
  const { t, i18n } = useTranslation();
  const schema = useMemo(() => changePasswordSchema(), [i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  const form = useForm<ChangePasswordValues>({
    resolver: zodResolver(schema),
    defaultValues: { current_password: '', new_password: '' },
  });
  const change = useChangePassword();
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await change.mutateAsync({ email, ...values });
      form.reset();
      notifySuccess(t('profile.passwordChanged'));
    } catch (error) {
      notifyError(error, { setError: form.setError, fields: ['current_password', 'new_password'] });
    }
  });

  return (
    <Card>
      <Title order={2} size="h3" mb="xs">
        {t('profile.passwordTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('profile.passwordIntro')}
      </Text>
      <form onSubmit={onSubmit} noValidate aria-label={t('profile.passwordTitle')}>
        <Stack>
          {/* lets password managers file the new password under the right account */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PasswordField
              label={t('profile.currentPassword')}
              autoComplete="current-password"
              required
              {...form.register('current_password')}
              error={errors.current_password?.message}
            />
            <NewPasswordField
              label={t('auth.newPassword')}
              typed={form.watch('new_password')}
              {...form.register('new_password')}
              error={errors.new_password?.message}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={form.formState.isSubmitting}>
              {t('profile.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Sign out of every device (a lost phone, a shared computer), then sign in again here. */
export function DevicesCard() {
  const { t } = useTranslation();
  const everywhere = useSignOutEverywhere();
  const navigate = useNavigate();
  const client = useQueryClient();
  const signOut = () =>
    everywhere.mutate(undefined, {
      onSuccess: async () => {
        await navigate({ to: '/sign-in', search: { everywhere: true } });
        client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      },
      onError: (error) => notifyError(error),
    });
  return (
    <Card>
      <Title order={2} size="h3" mb="xs">
        {t('profile.everywhereTitle')}
      </Title>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={560}>
          {t('profile.everywhereIntro')}
        </Text>
        <Button variant="default" onClick={signOut} loading={everywhere.isPending}>
          {t('profile.everywhere')}
        </Button>
      </Group>
    </Card>
  );
}
