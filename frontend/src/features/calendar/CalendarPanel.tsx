import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import frLocale from '@fullcalendar/react/locales/fr';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { Badge, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';
import { ScrollTable } from '../../ui/ScrollTable';
import { GridsLink } from '../grid/GridsLink';
import { type CalendarItem, useCalendar, useCalendarActions } from './calendarApi';
import { EditorialPath } from './EditorialPath';
import { NewEntryForm } from './NewEntryForm';
import { RescheduleDialog } from './RescheduleDialog';
import { SettingsCard } from './SettingsCard';
import { ShareCards } from './ShareCards';
import './i18n';

const FC_CONTRAST = { '--fc-classic-faint-foreground': '#4b5563', '--fc-classic-muted-foreground': '#4b5563' } as CSSProperties;
const KIND_COLORS: Record<CalendarItem['kind'], string> = { launch: '#c92a2a', event: '#1864ab', topic: '#2b8a3e', campaign: '#862e9c' };

function GridSummary({ item }: { item: CalendarItem }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {item.grids.map((grid) => (
        <Badge key={grid.id} size="xs" variant="light" color={grid.expired ? 'gray' : 'blue'}>
          {t(`calendar.grid.${grid.status}`, { defaultValue: grid.status })} ·{' '}
          {Object.entries(grid.variant_counts as Record<string, number>)
            .map(([platform, count]) => `${platform} ${count}`)
            .join(', ')}
        </Badge>
      ))}
    </Group>
  );
}

/** Month, week and list views of the network's agenda; drag to move, or “Reschedule…” by keyboard. */
export function CalendarPanel({ slug, committee, member }: { slug: string; committee: boolean; member: boolean }) {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const calendar = useCalendar(slug, range);
  const { reschedule } = useCalendarActions(slug);
  const [moving, setMoving] = useState<CalendarItem | null>(null);
  const items = calendar.data?.items ?? [];
  const byId = new Map(items.map((item) => [item.id, item]));
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t('calendar.title')}
      </Title>
      <QueryState isPending={calendar.isPending && range !== null} error={calendar.error} />
      {/* the classic palette's faint day numbers (#9ca3af on white, 2.5:1) darkened to pass WCAG AA */}
      <div style={FC_CONTRAST}>
      <FullCalendar
        plugins={[classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
        initialView="dayGridMonth"
        locales={[frLocale]}
        locale={i18n.language === 'fr' ? 'fr' : 'en'}
        headerToolbar={{ start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek,listMonth' }}
        firstDay={1}
        height="auto"
        editable={committee}
        eventDurationEditable={false}
        datesSet={(info) => {
          const next = { from: info.start.toISOString(), to: info.end.toISOString() };
          // FullCalendar calls this after each render of new events too: only a new range refetches
          setRange((current) => (current?.from === next.from && current.to === next.to ? current : next));
        }}
        events={items.map((item) => ({
          id: item.id,
          title: item.title,
          start: item.starts_at,
          end: item.ends_at,
          color: KIND_COLORS[item.kind],
        }))}
        eventDrop={(info) => {
          const item = byId.get(info.event.id);
          if (!item || !info.event.start) return info.revert();
          const shift = info.event.start.getTime() - new Date(item.starts_at).getTime();
          reschedule.mutate(
            { item, starts_at: info.event.start.toISOString(), ends_at: new Date(new Date(item.ends_at).getTime() + shift).toISOString() },
            { onSuccess: () => notifySuccess(t('calendar.moved')), onError: (error) => (info.revert(), notifyError(error)) },
          );
        }}
      />
      </div>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('calendar.entries')}
        </Title>
        {items.length === 0 && !calendar.isPending && <Text c="dimmed">{t('calendar.noEntries')}</Text>}
        {items.length > 0 && (
          <ScrollTable label={t('calendar.entries')} minWidth={640}>
            <Table>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{new Date(item.starts_at).toLocaleDateString(i18n.language, { day: 'numeric', month: 'short', weekday: 'short' })}</Table.Td>
                    <Table.Th scope="row" fw={500}>
                      {item.content_url ? (
                        <a href={item.content_url} target="_blank" rel="noopener noreferrer">
                          {item.title}
                        </a>
                      ) : (
                        item.title
                      )}
                      {item.credited_name && (
                        <Text size="xs" c="dimmed">
                          {t('calendar.credited', { name: item.credited_name })}
                        </Text>
                      )}
                      <GridSummary item={item} />
                    </Table.Th>
                    <Table.Td>
                      <Badge variant="dot" color={KIND_COLORS[item.kind]}>
                        {t(`calendar.kinds.${item.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{t(`calendar.statuses.${item.status}`)}</Table.Td>
                    <Table.Td>
                      <GridsLink slug={slug} entry={item} />
                      {committee && (
                        <Button size="xs" variant="light" aria-label={t('calendar.rescheduleFor', { title: item.title })} onClick={() => setMoving(item)}>
                          {t('calendar.reschedule')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
      {moving && <RescheduleDialog slug={slug} item={moving} onClose={() => setMoving(null)} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {committee && <NewEntryForm slug={slug} />}
        <EditorialPath slug={slug} committee={committee} />
        {committee && <SettingsCard slug={slug} />}
        <ShareCards slug={slug} committee={committee} member={member} />
      </SimpleGrid>
    </Stack>
  );
}
