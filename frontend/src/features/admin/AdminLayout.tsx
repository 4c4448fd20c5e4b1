import { Group, NavLink, Paper, ScrollArea } from '@mantine/core';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle';

const SECTIONS = ['moderation', 'charter', 'departments', 'themes', 'invitations', 'mailbox', 'ambassadors'] as const;

export function AdminLayout() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <>
      <PageTitle title={t('admin.title')} />
      <Paper withBorder p={4} mb="lg" component="nav" aria-label={t('admin.sections')}>
        <ScrollArea type="auto">
          <Group gap={4} wrap="nowrap">
            {SECTIONS.map((section) => {
              const to = `/admin/${section}`;
              const active = pathname.endsWith(to);
              return (
                <NavLink
                  key={section}
                  component={Link}
                  to={to}
                  label={t(`admin.${section}`)}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  variant="light"
                  w="auto"
                  style={{ borderRadius: 'var(--mantine-radius-md)', whiteSpace: 'nowrap' }}
                />
              );
            })}
          </Group>
        </ScrollArea>
      </Paper>
      <Outlet />
    </>
  );
}
