import { Alert, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentCharter } from '../../api/queries/charters';
import { useAcceptCharter } from '../../api/queries/me';
import type { Me } from '../../api/model';
import { formatDate } from '../../i18n';
import { notifyError } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';

export function CharterStep({ me, onNext }: { me: Me; onNext: () => void }) {
  const { t } = useTranslation();
  const charter = useCurrentCharter();
  const acceptCharter = useAcceptCharter();
  const alreadyAccepted = charter.data != null && me.charter.accepted_version === charter.data.version;
  const [checked, setChecked] = useState(alreadyAccepted);

  if (charter.isPending || charter.error) return <QueryState isPending={charter.isPending} error={charter.error} />;
  const current = charter.data;

  const next = async () => {
    if (!current || alreadyAccepted) return onNext();
    try {
      await acceptCharter.mutateAsync(current.version);
      onNext();
    } catch (error) {
      notifyError(error, { onReload: () => void charter.refetch() });
      void charter.refetch();
    }
  };

  return (
    <Stack>
      {current ? (
        <>
          <div>
            <Title order={2} size="h3">
              {current.title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('onboarding.charterVersion', { version: current.version, date: formatDate(current.published_at) })}
            </Text>
          </div>
          {/* body_html is sanitized by the server (nh3) */}
          <div className="charter-body" role="region" aria-label={current.title} tabIndex={0} dangerouslySetInnerHTML={{ __html: current.body_html }} />
          {alreadyAccepted ? (
            <Alert color="relay">{t('onboarding.charterAccepted', { version: current.version })}</Alert>
          ) : (
            <Checkbox
              label={t('onboarding.acceptCharter')}
              checked={checked}
              onChange={(e) => setChecked(e.currentTarget.checked)}
            />
          )}
        </>
      ) : (
        <Alert color="gray">{t('onboarding.noCharter')}</Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={() => void next()} disabled={Boolean(current) && !alreadyAccepted && !checked} loading={acceptCharter.isPending}>
          {t('onboarding.next')}
        </Button>
      </Group>
    </Stack>
  );
}
