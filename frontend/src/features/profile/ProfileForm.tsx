import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/errors';
import { etagOf } from '../../api/http';
import { fetchMe, useUpdateProfile, type Versioned } from '../../api/queries/me';
import { keys } from '../../api/queries/keys';
import { useDepartments, useThemes } from '../../api/queries/taxonomy';
import type { Me, ProfileUpdate } from '../../api/model';
import { languageOptions } from '../../i18n/languages';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ConflictPanel } from './ConflictPanel';
import { changedFields, conflictsBetween, type ProfileField } from './conflicts';
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
  // The version the form was loaded from: its ETag goes with the save, and only the fields that
  // differ from it are sent (the server merges saves that touch different fields).
  const [base, setBase] = useState(me);
  const [theirs, setTheirs] = useState<ProfileValues | null>(null);
  const [conflicts, setConflicts] = useState<ProfileField[]>([]);

  useEffect(() => {
    if (!form.formState.isDirty) {
      setBase(me);
      form.reset(valuesFromMe(me.data));
    }
  }, [me, form]);

  const save = async (values: ProfileValues, from: Versioned<Me>, retry: boolean): Promise<void> => {
    const all = toUpdate(values);
    const fields = changedFields(valuesFromMe(from.data), values);
    const body = Object.fromEntries(fields.map((field) => [field, all[field]])) as ProfileUpdate;
    try {
      const saved = await update.mutateAsync({ update: body, etag: from.etag });
      setBase({ data: saved.me, etag: saved.etag ?? etagOf(saved.me) });
      setConflicts([]);
      form.reset(valuesFromMe(saved.me));
      notifySuccess(t('profile.saved'));
      onSaved?.();
    } catch (error) {
      if (isApiError(error) && error.isStale && retry) await onStale(values, from);
      else notifyError(error, { setError: form.setError, fields: PROFILE_FIELDS });
    }
  };

  /** Changed elsewhere: never reload over the person's input. Untouched fields follow the other
   * version; fields both sides changed are shown side by side (keep mine / take theirs). */
  const onStale = async (mine: ProfileValues, from: Versioned<Me>) => {
    const fresh = await client.fetchQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 0 });
    const before = valuesFromMe(from.data);
    const other = valuesFromMe(fresh.data);
    const clash = conflictsBetween(before, other, mine);
    setBase(fresh);
    form.reset(other);
    for (const field of changedFields(before, mine)) form.setValue(field, mine[field], { shouldDirty: true });
    if (!clash.length) return save(form.getValues(), fresh, false);
    setTheirs(other);
    setConflicts(clash);
  };

  const onSubmit = form.handleSubmit((values) => save(values, base, true));

  const resolve = (field: ProfileField, take: boolean) => {
    if (take && theirs) form.setValue(field, theirs[field], { shouldDirty: true });
    setConflicts((list) => list.filter((f) => f !== field));
  };

  const shown = (field: ProfileField): string => {
    const value = theirs?.[field];
    if (field === 'theme_ids') return (themes.data ?? []).filter((th) => (value as string[]).includes(th.id)).map((th) => th.name).join(', ');
    if (field === 'department_id') return (departments.data ?? []).find((d) => d.id === value)?.name ?? '';
    return Array.isArray(value) ? value.join(', ') : (value ?? '');
  };

  const departmentData = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const themeData = (themes.data ?? []).map((th) => ({ value: th.id, label: th.name }));
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <ConflictPanel fields={conflicts} theirs={shown} onKeepMine={(f) => resolve(f, false)} onTakeTheirs={(f) => resolve(f, true)} />
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
