import { Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/queries/session';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { ExternalsPanel } from './ExternalsPanel';
import { MembersPanel } from './MembersPanel';
import { MembershipButton } from './MembershipButton';
import { useNetwork } from './networksApi';
import { PresencePanel } from './PresencePanel';
import { SuggestionsPanel } from './SuggestionsPanel';
import './i18n';

// The calendar (FullCalendar) is the heaviest part: loaded when its tab opens.
const CalendarPanel = lazy(() => import('../calendar/CalendarPanel').then((m) => ({ default: m.CalendarPanel })));
const ContributionsPanel = lazy(() => import('../contributions/ContributionsPanel').then((m) => ({ default: m.ContributionsPanel })));

export function NetworkPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const network = useNetwork(slug);
  const isAdmin = useSession().data?.roles.includes('admin') ?? false;
  if (!network.data) return <QueryState isPending={network.isPending} error={network.error} onRetry={() => void network.refetch()} />;
  const n = network.data;
  const committee = isAdmin || n.my_role === 'chair' || n.my_role === 'committee';
  const member = n.my_status === 'member';
  return (
    <>
      <PageTitle title={n.name} intro={n.purpose}>
        <Group gap={6}>
          <Badge variant="light">{t(`networks.visibility.${n.visibility}`)}</Badge>
          {n.themes.map((theme) => (
            <Badge key={theme.id} variant="outline" color="gray">
              {theme.name}
            </Badge>
          ))}
          <Text size="sm" c="dimmed">
            {t('networks.members', { count: n.member_count })} · {t('networks.phaseLabel', { phase: t(`networks.phase.${n.current_phase}`) })}
            {n.my_role && ` · ${t(`networks.role.${n.my_role}`)}`}
          </Text>
          <MembershipButton network={n} />
        </Group>
      </PageTitle>
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="members">{t('networks.tabs.members')}</Tabs.Tab>
          {(member || isAdmin) && <Tabs.Tab value="calendar">{t('networks.tabs.calendar')}</Tabs.Tab>}
          <Tabs.Tab value="contributions">{t('networks.tabs.contributions')}</Tabs.Tab>
          {committee && <Tabs.Tab value="suggestions">{t('networks.tabs.suggestions')}</Tabs.Tab>}
          {(member || isAdmin) && <Tabs.Tab value="externals">{t('networks.tabs.externals')}</Tabs.Tab>}
          <Tabs.Tab value="presence">{t('networks.tabs.presence')}</Tabs.Tab>
        </Tabs.List>
        <Stack>
          <Tabs.Panel value="members">
            <MembersPanel network={n} committee={committee} isAdmin={isAdmin} />
          </Tabs.Panel>
          <Tabs.Panel value="calendar">
            <Suspense fallback={<QueryState isPending error={null} />}>
              <CalendarPanel slug={n.slug} committee={committee} member={member} />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="contributions">
            <Suspense fallback={<QueryState isPending error={null} />}>
              <ContributionsPanel slug={n.slug} committee={committee} />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="suggestions">
            <SuggestionsPanel slug={n.slug} />
          </Tabs.Panel>
          <Tabs.Panel value="externals">
            <ExternalsPanel slug={n.slug} committee={committee} />
          </Tabs.Panel>
          <Tabs.Panel value="presence">
            <PresencePanel slug={n.slug} />
          </Tabs.Panel>
        </Stack>
      </Tabs>
    </>
  );
}

/** The route's component: the slug comes from the address. */
export function NetworkRoute() {
  const { slug } = useParams({ strict: false });
  return <NetworkPage slug={slug ?? ''} />;
}
