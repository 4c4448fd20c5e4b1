import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/model';
import { notifyError, notifySuccess } from '../../ui/notify';
import { isUnverified, useResendVerification } from './verification';

/** On the profile of someone who has not opened the confirmation link yet: why, and “send it again”. */
export function UnverifiedBanner({ me }: { me: Pick<Me, 'roles' | 'email'> }) {
  const { t } = useTranslation();
  const resend = useResendVerification();
  if (!isUnverified(me)) return null;

  const onResend = async () => {
    try {
      await resend.mutateAsync();
      notifySuccess(t('auth.verificationResent', { email: me.email }));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Alert color="ember" title={t('auth.unverifiedTitle')} role="region" aria-label={t('auth.unverifiedTitle')}>
      <Text size="sm">{t('auth.unverifiedText', { email: me.email })}</Text>
      <Group mt="sm">
        <Button size="xs" variant="default" loading={resend.isPending} onClick={() => void onResend()}>
          {t('auth.verificationResend')}
        </Button>
      </Group>
    </Alert>
  );
}
