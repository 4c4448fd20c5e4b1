import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Card, Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useInvite } from '../../api/queries/invitations';
import { useDepartments } from '../../api/queries/taxonomy';
import { notifyError, notifySuccess } from '../../ui/notify';
import { emailField } from '../auth/schemas';

const schema = () =>
  z.object({
    email: emailField(),
    display_name: z.string().trim().max(120),
    department_id: z.string().nullable(),
    location: z.string().trim().max(120),
  });
type Values = z.infer<ReturnType<typeof schema>>;
const EMPTY: Values = { email: '', display_name: '', department_id: null, location: '' };

export function InviteForm() {
  const { t, i18n } = useTranslation();
  const departments = useDepartments();
  const invite = useInvite();
  const resolver = useMemo(() => zodResolver(schema()), [i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  const form = useForm<Values>({ resolver, defaultValues: EMPTY });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await invite.mutateAsync({
        email: values.email,
        display_name: values.display_name || undefined,
        department_id: values.department_id ?? undefined,
        location: values.location || undefined,
      });
      notifySuccess(t('admin.invited'));
      form.reset(EMPTY);
    } catch (error) {
      notifyError(error, { setError: form.setError, fields: ['email', 'display_name', 'department_id', 'location'] });
    }
  });
  return (
    <Card component="form" onSubmit={onSubmit} noValidate>
      <Title order={2} size="h3" mb="md">
        {t('admin.inviteTitle')}
      </Title>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('auth.email')} type="email" required {...form.register('email')} error={errors.email?.message} />
          <TextInput label={t('auth.displayName')} {...form.register('display_name')} error={errors.display_name?.message} />
          <Controller
            control={form.control}
            name="department_id"
            render={({ field }) => (
              <Select
                label={t('profile.department')}
                data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                value={field.value}
                onChange={field.onChange}
                clearable
                searchable
                error={errors.department_id?.message}
              />
            )}
          />
          <TextInput label={t('profile.location')} {...form.register('location')} error={errors.location?.message} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={invite.isPending}>
            {t('admin.invite')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
