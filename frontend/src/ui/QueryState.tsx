import { Alert, Button, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors';
import { isSignedOutError } from '../api/signedOut';

interface Props {
  isPending: boolean;
  error: unknown;
  onRetry?: () => void;
}

/** Loading spinner or error box for a query; renders nothing once data is there. */
export function QueryState({ isPending, error, onRetry }: Props) {
  const { t } = useTranslation();
  // signed out: the router is on its way to the sign-in page, no “try again” for that
  if (error && !isSignedOutError(error)) {
    const message = isApiError(error) ? error.text : t('errors.network');
    return (
      <Alert color="red" title={t('app.errorTitle')} role="alert">
        {message}
        {onRetry && (
          <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry} display="block">
            {t('app.retry')}
          </Button>
        )}
      </Alert>
    );
  }
  if (isPending || error)
    return (
      <Center p="xl">
        <Loader role="status" aria-label={t('app.loading')} />
      </Center>
    );
  return null;
}
