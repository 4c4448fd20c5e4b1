import { Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type Strength = 'weak' | 'fair' | 'good' | 'strong';

export function passwordStrength(password: string): Strength {
  let score = 0;
  if (password.length >= 10) score += 1;
  if (password.length >= 14) score += 1;
  if (/[a-z]/.test(password) && /[A-Z]/.test(password)) score += 1;
  if (/\d/.test(password)) score += 1;
  if (/[^A-Za-z0-9]/.test(password)) score += 1;
  if (password.length < 10) return 'weak';
  if (score <= 2) return 'fair';
  if (score <= 3) return 'good';
  return 'strong';
}

const VALUE: Record<Strength, [number, string]> = {
  weak: [20, 'red'],
  fair: [50, 'ember'],
  good: [75, 'yellow'],
  strong: [100, 'relay'],
};

export function PasswordStrength({ password, id }: { password: string; id: string }) {
  const { t } = useTranslation();
  const level = passwordStrength(password);
  const [value, color] = VALUE[level];
  return (
    <div id={id}>
      <Progress value={password ? value : 0} color={color} size="sm" mt={6} aria-hidden />
      <Text size="xs" c="dimmed" mt={4} aria-live="polite">
        {password ? t('auth.strength', { level: t(`auth.strengthLevels.${level}`) }) + ' · ' : ''}
        {t('auth.strengthHint')}
      </Text>
    </div>
  );
}
