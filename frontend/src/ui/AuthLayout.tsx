import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { LanguageSwitch } from './LanguageSwitch';
import { Wordmark } from './Wordmark';

export function AuthLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" style={{ background: 'linear-gradient(160deg, var(--mantine-color-relay-0) 0%, var(--relais-bg) 55%)' }}>
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <Container size="sm" py="md" component="header">
        <Group justify="space-between">
          <Wordmark to="/sign-in" />
          <Group gap="xs">
            <LanguageSwitch />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </Container>
      <Container size={480} py="xl" component="main" id="main">
        <Outlet />
        <Text ta="center" size="sm" mt="xl" c="dimmed">
          {t('app.tagline')} ·{' '}
          <Anchor href="/" c="relay.8">
            {t('app.publicPage')}
          </Anchor>
        </Text>
      </Container>
    </Box>
  );
}
