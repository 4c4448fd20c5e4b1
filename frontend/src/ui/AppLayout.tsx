import { Anchor, AppShell, Avatar, Badge, Burger, Group, Menu, NavLink, Stack, UnstyledButton, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAddressBook, IconExternalLink, IconAffiliate, IconChecklist, IconLogout, IconShieldCheck, IconUserCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe, useSaveLocale } from '../api/queries/me';
import { useLogout, useSession } from '../api/queries/session';
import { useReviewCount } from '../features/review/reviewNav';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { LanguageSwitch } from './LanguageSwitch';
import { notifyError, notifySuccess } from './notify';
import { Wordmark } from './Wordmark';
import { initials } from './initials';

function useNavItems() {
  const { t } = useTranslation();
  const session = useSession();
  const isAdmin = session.data?.roles.includes('admin') ?? false;
  const items = [
    { to: '/profile', label: t('nav.profile'), icon: IconUserCircle },
    { to: '/directory', label: t('nav.directory'), icon: IconAddressBook },
    { to: '/networks', label: t('nav.networks'), icon: IconAffiliate },
    { to: '/review', label: t('nav.review'), icon: IconChecklist },
  ];
  if (isAdmin) items.push({ to: '/admin', label: t('nav.admin'), icon: IconShieldCheck });
  return items;
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const client = useQueryClient();
  const name = me.data?.data.display_name ?? '';
  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: async () => {
        await navigate({ to: '/sign-in' });
        client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
        notifications.clean();
        notifySuccess(t('app.signedOut'));
      },
    });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('app.userMenu')}>
          <Group gap={8}>
            <Avatar color="relay" radius="xl" size={34}>
              {initials(name)}
            </Avatar>
            <Text size="sm" fw={600} visibleFrom="sm">
              {name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {me.data && <Menu.Label>{me.data.data.email}</Menu.Label>}
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>
          {t('app.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const items = useNavItems();
  const reviewCount = useReviewCount(true);
  const saveLocale = useSaveLocale();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const isActive = (to: string) => pathname === to || pathname.startsWith(`${to}/`) || pathname === `/app${to}`;
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <AppShell.Header px="lg">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.openMenu')} />
            <Wordmark to="/profile" />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Anchor href="/" size="sm" visibleFrom="md">
              <Group gap={4}>
                {t('app.publicPage')} <IconExternalLink size={14} aria-hidden />
              </Group>
            </Anchor>
            <LanguageSwitch onChosen={(lang) => void saveLocale(lang).catch((error: unknown) => notifyError(error))} />
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" component="nav" aria-label={t('app.mainNav')}>
        <Stack gap={4}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={isActive(item.to)}
              leftSection={<item.icon size={18} aria-hidden />}
              rightSection={
                item.to === '/review' && reviewCount > 0 ? (
                  <Badge size="sm" circle color="ember">
                    <span aria-hidden>{reviewCount}</span>
                    <VisuallyHidden>{t('nav.reviewCount', { count: reviewCount })}</VisuallyHidden>
                  </Badge>
                ) : undefined
              }
              onClick={close}
              variant="filled"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
          <NavLink
            href="/"
            label={t('app.publicPage')}
            leftSection={<IconExternalLink size={18} aria-hidden />}
            hiddenFrom="md"
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" style={{ background: 'var(--relais-bg)' }}>
        <div style={{ maxWidth: 1100, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
