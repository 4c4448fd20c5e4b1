import { Badge, Group, NavLink, Paper, ScrollArea, VisuallyHidden } from '@mantine/core';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle';
import { usePendingCount } from './adminApi';
import './planetI18n'; // the “Planet” entry's words

const SECTIONS = ['moderation', 'charter', 'departments', 'themes', 'invitations', 'mailbox', 'ambassadors', 'planet'] as const;

export function AdminLayout() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const pending = usePendingCount().data?.total ?? 0;
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
                  label={
                    section === 'moderation' && pending ? (
                      <>
                        {t('admin.moderation')}{' '}
                        <Badge size="sm" color="ember" variant="filled" aria-hidden>
                          {pending}
                        </Badge>
                        <VisuallyHidden>{t('admin.pendingCount', { count: pending })}</VisuallyHidden>
                      </>
                    ) : (
                      t(`admin.${section}`)
                    )
                  }
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
