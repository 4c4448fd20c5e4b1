import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/queries/me';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { isUnverified } from './verification';

/** Screens about other people (the directory, later networks): an explanation, not an error, until the
 * person has confirmed their e-mail address. */
export function VerifiedOnly({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <QueryState isPending={me.isPending} error={me.error} onRetry={() => void me.refetch()} />;
  if (!isUnverified(me.data.data)) return <>{children}</>;
  return (
    <>
      <PageTitle title={title} />
      <Alert color="ember" title={t('auth.unverifiedTitle')} role="status">
        <Text size="sm">{t('auth.unverifiedOthers', { email: me.data.data.email })}</Text>
        <Anchor component={Link} to="/profile" size="sm" c="ember.9" fw={700}>
          {t('auth.unverifiedToProfile')}
        </Anchor>
      </Alert>
    </>
  );
}
