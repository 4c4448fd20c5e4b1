import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useMemo, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { fetchMe, useUpdateProfile, type Versioned } from '../../api/queries/me';
import { keys } from '../../api/queries/keys';
import { useDepartments, useThemes } from '../../api/queries/taxonomy';
import type { Me } from '../../api/types';
import { languageOptions } from '../../i18n/languages';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PROFILE_FIELDS, profileSchema, toUpdate, valuesFromMe, type ProfileValues } from './profileSchema';

interface Props {
  me: Versioned<Me>;
  submitLabel?: string;
  onSaved?: () => void;
  extraActions?: ReactNode;
}

export function ProfileForm({ me, submitLabel, onSaved, extraActions }: Props) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments();
  const themes = useThemes();
  const client = useQueryClient();
  const update = useUpdateProfile();
  const schema = useMemo(() => profileSchema(), [i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  const form = useForm<ProfileValues>({ resolver: zodResolver(schema), defaultValues: valuesFromMe(me.data) });
  const { errors } = form.formState;
  const bio = form.watch('bio');

  useEffect(() => {
    if (!form.formState.isDirty) form.reset(valuesFromMe(me.data));
  }, [me.data, form]);

  const reload = async () => {
    const fresh = await client.fetchQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 0 });
    form.reset(valuesFromMe(fresh.data));
  };

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync({ update: toUpdate(values), etag: me.etag });
      form.reset(valuesFromMe(saved.me));
      notifySuccess(t('profile.saved'));
      onSaved?.();
    } catch (error) {
      notifyError(error, { setError: form.setError, fields: PROFILE_FIELDS, onReload: () => void reload() });
    }
  });

  const departmentData = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const themeData = (themes.data ?? []).map((th) => ({ value: th.id, label: th.name }));
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('profile.displayName')} required {...form.register('display_name')} error={errors.display_name?.message} />
          <TextInput label={t('profile.jobTitle')} {...form.register('job_title')} error={errors.job_title?.message} />
          <Controller
            control={form.control}
            name="department_id"
            render={({ field }) => (
              <Select
                label={t('profile.department')}
                placeholder={t('profile.departmentPlaceholder')}
                data={departmentData}
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
        <Controller
          control={form.control}
          name="languages"
          render={({ field }) => (
            <MultiSelect
              label={t('profile.languages')}
              placeholder={t('profile.languagesPlaceholder')}
              data={languageOptions(i18n.language)}
              value={field.value}
              onChange={field.onChange}
              searchable
              maxValues={10}
              error={errors.languages?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="theme_ids"
          render={({ field }) => (
            <MultiSelect
              label={t('profile.themes')}
              placeholder={t('profile.themesPlaceholder')}
              data={themeData}
              value={field.value}
              onChange={field.onChange}
              searchable
              maxValues={10}
              error={errors.theme_ids?.message}
            />
          )}
        />
        <div>
          <Textarea
            label={t('profile.bio')}
            autosize
            minRows={3}
            maxRows={8}
            aria-describedby="bio-count"
            {...form.register('bio')}
            error={errors.bio?.message}
          />
          <Text id="bio-count" size="xs" c={bio.length > 600 ? 'red.8' : 'dimmed'} ta="right" mt={4}>
            {t('profile.bioCount', { count: bio.length })}
          </Text>
        </div>
        <Group justify="flex-end">
          {extraActions}
          <Button type="submit" loading={update.isPending}>
            {submitLabel ?? t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
