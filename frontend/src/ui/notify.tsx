import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import i18n from '../i18n';
import { isApiError } from '../api/errors';
import { fieldErrorText } from '../i18n/problems';

const closeButtonProps = () => ({ 'aria-label': i18n.t('app.close') });

/** The id every confirmation shares: a new one replaces the last, so confirmations never pile up. */
export const SUCCESS_ID = 'success';

export function notifySuccess(message: string): void {
  notifications.hide(SUCCESS_ID);
  notifications.show({ id: SUCCESS_ID, color: 'relay', message, autoClose: 4000, closeButtonProps: closeButtonProps() });
}

export function notifyStale(onReload: () => void): void {
  const id = 'stale';
  notifications.show({
    id,
    color: 'ember',
    title: i18n.t('errors.staleTitle'),
    autoClose: false,
    closeButtonProps: closeButtonProps(),
    message: (
      <Stack gap="xs">
        <Text size="sm">{i18n.t('errors.stale')}</Text>
        <Button
          size="xs"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            onReload();
          }}
        >
          {i18n.t('errors.reload')}
        </Button>
      </Stack>
    ),
  });
}

interface ErrorOptions<T extends FieldValues> {
  setError?: UseFormSetError<T>;
  fields?: readonly string[];
  onReload?: () => void;
}

/** Shows the problem (translated by type) in a notification and puts per-field messages next to the fields. */
export function notifyError<T extends FieldValues>(error: unknown, options: ErrorOptions<T> = {}): void {
  if (isApiError(error)) {
    if (error.isStale && options.onReload) {
      notifyStale(options.onReload);
      return;
    }
    const known = new Set(options.fields ?? []);
    for (const fieldError of error.fieldErrors) {
      const name = fieldError.field.split('.').pop() ?? fieldError.field;
      if (options.setError && known.has(name)) {
        options.setError(name as Path<T>, { type: 'server', message: fieldErrorText(error.problem, fieldError) });
      }
    }
    notifications.show({
      color: 'red',
      closeButtonProps: closeButtonProps(),
      title: i18n.t('app.errorTitle'),
      message: error.text,
    });
    return;
  }
  notifications.show({
    color: 'red',
    closeButtonProps: closeButtonProps(),
    title: i18n.t('app.errorTitle'),
    message: i18n.t('errors.network'),
  });
}
