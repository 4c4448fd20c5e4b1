import { Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';

export function PageTitle({ title, intro, children }: { title: string; intro?: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Relais`;
  }, [title]);
  return (
    <Stack gap={4} mb="lg">
      <Title order={1} size="h2">
        {title}
      </Title>
      {intro && <Text c="dimmed">{intro}</Text>}
      {children}
    </Stack>
  );
}
