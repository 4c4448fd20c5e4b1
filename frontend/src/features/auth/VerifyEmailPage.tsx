import { Alert, Anchor, Button, Card, Loader, Stack } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { PageTitle } from '../../ui/PageTitle';
import { useVerifyEmail } from './verification';

/** The page the “confirm your e-mail address” mail links to: the link is used once, on arrival. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const { token } = useParams({ from: '/public/verify-email/$token' });
  const verify = useVerifyEmail(token);
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return; // a single-use link: never POST it twice (React's dev double effects)
    sent.current = true;
    verify.mutate();
  }, [verify]);

  const gone = isApiError(verify.error) && [404, 410].includes(verify.error.status);
  return (
    <Card>
      <PageTitle title={t('auth.verifyTitle')} />
      {verify.isPending || verify.isIdle ? (
        <Stack align="center" role="status" aria-live="polite">
          <Loader aria-hidden />
          {t('auth.verifying')}
        </Stack>
      ) : verify.isSuccess ? (
        <Stack>
          <Alert color="relay" role="status">
            {t('auth.verified')}
          </Alert>
          <Button component={Link} to="/" size="md">
            {t('auth.verifiedContinue')}
          </Button>
        </Stack>
      ) : (
        <Alert color="ember" role="alert">
          {gone ? t('auth.verifyGone') : verify.error && isApiError(verify.error) ? verify.error.text : t('errors.generic')}{' '}
          <Anchor component={Link} to="/sign-in" c="ember.9" fw={700}>
            {t('auth.toSignIn')}
          </Anchor>
        </Alert>
      )}
    </Card>
  );
}
