import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProfileField } from './conflicts';

interface Props {
  fields: ProfileField[];
  theirs: (field: ProfileField) => string;
  onKeepMine: (field: ProfileField) => void;
  onTakeTheirs: (field: ProfileField) => void;
}

const LABELS: Record<ProfileField, string> = {
  display_name: 'profile.displayName',
  job_title: 'profile.jobTitle',
  department_id: 'profile.department',
  location: 'profile.location',
  languages: 'profile.languages',
  theme_ids: 'profile.themes',
  bio: 'profile.bio',
};

export function fieldLabelKey(field: ProfileField): string {
  return LABELS[field];
}

/** Someone else saved the same fields meanwhile: the person's text stays in the form; per field,
 * they keep theirs or take the other version. */
export function ConflictPanel({ fields, theirs, onKeepMine, onTakeTheirs }: Props) {
  const { t } = useTranslation();
  if (!fields.length) return null;
  return (
    <Alert color="ember" title={t('profile.conflictTitle')} role="alert">
      <Stack gap="sm">
        <Text size="sm">{t('profile.conflictIntro')}</Text>
        {fields.map((field) => {
          const label = t(LABELS[field]);
          return (
            <Stack key={field} gap={4}>
              <Text size="sm" fw={600}>
                {label}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('profile.theirVersion')} {theirs(field) || t('profile.emptyValue')}
              </Text>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => onKeepMine(field)} aria-label={t('profile.keepMineFor', { field: label })}>
                  {t('profile.keepMine')}
                </Button>
                <Button size="xs" variant="light" onClick={() => onTakeTheirs(field)} aria-label={t('profile.takeTheirsFor', { field: label })}>
                  {t('profile.takeTheirs')}
                </Button>
              </Group>
            </Stack>
          );
        })}
      </Stack>
    </Alert>
  );
}
