import { Alert, Button, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors';

interface Props {
  isPending: boolean;
  error: unknown;
  onRetry?: () => void;
}

/** Loading spinner or error box for a query; renders nothing once data is there. */
export function QueryState({ isPending, error, onRetry }: Props) {
  const { t } = useTranslation();
  if (error) {
    const message = isApiError(error) ? (error.problem.detail ?? error.message) : t('errors.network');
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
  if (isPending)
    return (
      <Center p="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  return null;
}
