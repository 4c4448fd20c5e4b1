import { Alert, Anchor, Badge, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSetListing } from '../../api/queries/me';
import type { Me, Moderation } from '../../api/model';
import { formatDate } from '../../i18n';
import { notifyError, notifySuccess } from '../../ui/notify';

const MODERATION_COLOR: Record<Moderation, string> = { none: 'gray', pending: 'ember', approved: 'relay', rejected: 'red' };

export function ListingCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const setListing = useSetListing();
  const { listing, charter } = me;
  const charterPending = charter.current_version !== null && charter.accepted_version !== charter.current_version;

  const toggle = (value: boolean) =>
    setListing.mutate(value, {
      onSuccess: () => notifySuccess(t(value ? 'profile.listingGranted' : 'profile.listingWithdrawn')),
      onError: (error) => notifyError(error),
    });

  return (
    <Card>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('profile.listingTitle')}
          </Title>
          <Badge size="lg" color={listing.listed ? 'relay' : 'gray'} variant={listing.listed ? 'filled' : 'light'}>
            {t(listing.listed ? 'profile.listed' : 'profile.notListed')}
          </Badge>
        </Group>
        {charterPending && (
          <Alert color="ember" role="status">
            {t(charter.accepted_version === null ? 'profile.charterFirst' : 'profile.charterPending')}{' '}
            {/* the alert's own text colour and an underline: teal on the ember tint is below 4.5:1 */}
            <Anchor component={Link} to="/onboarding" c="inherit" fw={700} underline="always">
              {t('profile.readCharter')}
            </Anchor>
          </Alert>
        )}
        <Group gap="xl">
          <Text size="sm">
            {t('profile.status')}:{' '}
            <Text span fw={700}>
              {t(`profile.statuses.${me.status}`)}
            </Text>
          </Text>
          <Text size="sm">
            {t('profile.moderationLabel')}:{' '}
            <Badge color={MODERATION_COLOR[listing.moderation]} variant="light">
              {t(`profile.moderation.${listing.moderation}`)}
            </Badge>
          </Text>
        </Group>
        {listing.listed && listing.change === 'pending' && (
          <Alert color="ember" variant="light" role="status">
            {t('profile.changePending')}
          </Alert>
        )}
        {listing.listed && listing.change === 'declined' && (
          <Alert color="red" variant="light" role="status">
            {t('profile.changeDeclined')}
            {listing.change_reason ? ` ${t('profile.rejectedReason', { reason: listing.change_reason })}` : ''}
          </Alert>
        )}
        {listing.moderation === 'rejected' && listing.reason && (
          <Alert color="red" variant="light">
            {t('profile.rejectedReason', { reason: listing.reason })}
          </Alert>
        )}
        <Switch
          size="md"
          label={t('profile.listingSwitch')}
          description={listing.consented_at ? formatDate(listing.consented_at, true) : t('onboarding.listingNote')}
          checked={listing.public}
          disabled={setListing.isPending}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
      </Stack>
    </Card>
  );
}
