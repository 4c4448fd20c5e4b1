import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from './QueryState';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1}>{t('app.notFound')}</Title>
        <Text>{t('app.notFoundHint')}</Text>
        <Anchor component={Link} to="/">
          {t('nav.profile')}
        </Anchor>
      </Stack>
    </Container>
  );
}

export function RouteError({ error, reset }: { error: unknown; reset: () => void }) {
  return (
    <Container size="sm" py="xl" component="main">
      <QueryState isPending={false} error={error} onRetry={reset} />
    </Container>
  );
}
