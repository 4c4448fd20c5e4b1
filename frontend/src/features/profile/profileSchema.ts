import { z } from 'zod';
import i18n from '../../i18n';
import type { Me, ProfileUpdate } from '../../api/model';

export const profileSchema = () =>
  z.object({
    display_name: z.string().trim().min(1, i18n.t('auth.required')).max(120, i18n.t('auth.nameTooLong')),
    job_title: z.string().trim().max(120, i18n.t('auth.nameTooLong')),
    department_id: z.string().nullable(),
    location: z.string().trim().max(120, i18n.t('auth.nameTooLong')),
    languages: z.array(z.string()).max(10, i18n.t('profile.tooManyLanguages')),
    theme_ids: z.array(z.string()).max(10, i18n.t('profile.tooManyThemes')),
    bio: z.string().max(600, i18n.t('profile.bioTooLong')),
  });

export type ProfileValues = z.infer<ReturnType<typeof profileSchema>>;
export const PROFILE_FIELDS = ['display_name', 'job_title', 'department_id', 'location', 'languages', 'theme_ids', 'bio'] as const;

export function valuesFromMe(me: Me): ProfileValues {
  return {
    display_name: me.display_name,
    job_title: me.job_title ?? '',
    department_id: me.department?.id ?? null,
    location: me.location ?? '',
    languages: me.languages ?? [],
    theme_ids: me.themes.map((theme) => theme.id),
    bio: me.bio ?? '',
  };
}

export function toUpdate(values: ProfileValues): ProfileUpdate {
  return { ...values, bio: values.bio.trim() };
}
