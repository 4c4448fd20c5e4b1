import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The way back to the sign-in form, under the password recovery screens. */
export function BackToSignIn() {
  const { t } = useTranslation();
  return (
    <Text size="sm" ta="center" mt="md">
      <Anchor component={Link} to="/sign-in">
        {t('auth.backToSignIn')}
      </Anchor>
    </Text>
  );
}
