import { Alert, Button, Card, Center, Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../api/queries/directory';
import { usePlatforms } from '../../api/queries/reference';
import { useDepartments, useThemes } from '../../api/queries/taxonomy';
import type { DirectoryFilters } from '../../api/model';
import { languageOptions } from '../../i18n/languages';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { VerifiedOnly } from '../auth/VerifiedOnly';
import { PersonCard } from './PersonCard';
import { DIRECTORY_KEYS as KEYS } from './search';

/** People who have not confirmed their e-mail address get an explanation instead of the directory. */
export function DirectoryPage() {
  const { t } = useTranslation();
  return (
    <VerifiedOnly title={t('directory.title')}>
      <Directory />
    </VerifiedOnly>
  );
}

function Directory() {
  const { t, i18n } = useTranslation();
  const filters = useSearch({ from: '/app/directory' });
  const navigate = useNavigate({ from: '/directory' });
  const [q, setQ] = useState(filters.q ?? '');
  const themes = useThemes();
  const departments = useDepartments();
  const platforms = usePlatforms();
  const directory = useDirectory(filters);

  const setFilter = (key: keyof DirectoryFilters, value: string | null) =>
    void navigate({ search: (prev: DirectoryFilters) => ({ ...prev, [key]: value || undefined }), replace: true });
  const setQuery = useDebouncedCallback((value: string) => setFilter('q', value), 350);
  const entries = directory.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters = KEYS.some((key) => filters[key]);

  return (
    <>
      <PageTitle title={t('directory.title')} intro={t('directory.intro')} />
      <Card mb="lg" component="search" role="search">
        <Stack gap="sm">
          <TextInput
            label={t('directory.search')}
            placeholder={t('directory.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            type="search"
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setQuery(e.currentTarget.value);
            }}
          />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <Select
              label={t('directory.theme')}
              placeholder={t('directory.any')}
              data={(themes.data ?? []).map((x) => ({ value: x.slug, label: x.name }))}
              value={filters.theme ?? null}
              onChange={(v) => setFilter('theme', v)}
              clearable
              searchable
            />
            <Select
              label={t('directory.department')}
              placeholder={t('directory.any')}
              data={(departments.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
              value={filters.department ?? null}
              onChange={(v) => setFilter('department', v)}
              clearable
              searchable
            />
            <Select
              label={t('directory.platform')}
              placeholder={t('directory.any')}
              data={(platforms.data ?? []).map((x) => ({ value: x.id, label: x.label }))}
              value={filters.platform ?? null}
              onChange={(v) => setFilter('platform', v)}
              clearable
            />
            <Select
              label={t('directory.language')}
              placeholder={t('directory.any')}
              data={languageOptions(i18n.language)}
              value={filters.language ?? null}
              onChange={(v) => setFilter('language', v)}
              clearable
              searchable
            />
          </SimpleGrid>
          {hasFilters && (
            <Group justify="flex-end">
              <Button
                variant="subtle"
                size="xs"
                onClick={() => {
                  setQ('');
                  void navigate({ search: {}, replace: true });
                }}
              >
                {t('directory.clear')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
      <section aria-labelledby="results-title">
        <Title order={2} size="h4" id="results-title" mb="sm">
          {t('directory.results')}
        </Title>
        <QueryState isPending={directory.isPending} error={directory.error} onRetry={() => void directory.refetch()} />
        {directory.isSuccess && entries.length === 0 && (
          <Alert color="gray" icon={<IconUsersGroup aria-hidden />} title={t('directory.empty')}>
            {t('directory.emptyHint')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" component="ul" style={{ listStyle: 'none', padding: 0 }}>
          {entries.map((entry) => (
            <li key={entry.id}>
              <PersonCard entry={entry} platforms={platforms.data ?? []} />
            </li>
          ))}
        </SimpleGrid>
        {directory.hasNextPage && (
          <Center mt="lg">
            <Button variant="light" onClick={() => void directory.fetchNextPage()} loading={directory.isFetchingNextPage}>
              {t('app.loadMore')}
            </Button>
          </Center>
        )}
      </section>
    </>
  );
}
