import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../ui/notify';
import { type CalendarItem, useCalendarActions } from './calendarApi';

/** datetime-local wants local time without zone; the API speaks UTC ISO 8601. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export const fromLocalInput = (value: string): string => new Date(value).toISOString();

/** The keyboard way to move an entry (drag and drop is pointer-only). */
export function RescheduleDialog({ slug, item, onClose }: { slug: string; item: CalendarItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { reschedule } = useCalendarActions(slug);
  const [starts, setStarts] = useState(toLocalInput(item.starts_at));
  const [ends, setEnds] = useState(toLocalInput(item.ends_at));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reschedule.mutate(
      { item, starts_at: fromLocalInput(starts), ends_at: fromLocalInput(ends) },
      {
        onSuccess: () => {
          notifySuccess(t('calendar.moved'));
          onClose();
        },
        onError: (error) => notifyError(error),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('calendar.rescheduleTitle', { title: item.title })}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput type="datetime-local" label={t('calendar.starts')} required value={starts} onChange={(e) => setStarts(e.currentTarget.value)} data-autofocus />
          <TextInput type="datetime-local" label={t('calendar.ends')} required value={ends} onChange={(e) => setEnds(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={reschedule.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
