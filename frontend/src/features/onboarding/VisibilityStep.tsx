import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetListing } from '../../api/queries/me';
import type { Me } from '../../api/model';
import { notifyError } from '../../ui/notify';

export function VisibilityStep({ me, onBack, onFinish }: { me: Me; onBack: () => void; onFinish: (listed: boolean) => void }) {
  const { t } = useTranslation();
  const [consent, setConsent] = useState(me.listing.public);
  const setListing = useSetListing();

  const finish = async () => {
    try {
      if (consent !== me.listing.public) await setListing.mutateAsync(consent);
      onFinish(consent);
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Stack>
      <Checkbox
        size="md"
        label={t('onboarding.listingConsent')}
        checked={consent}
        onChange={(e) => setConsent(e.currentTarget.checked)}
        aria-describedby="listing-note"
      />
      <Alert color="relay" variant="light" icon={<IconInfoCircle aria-hidden />}>
        <Text size="sm" id="listing-note">
          {t('onboarding.listingNote')}
        </Text>
      </Alert>
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('onboarding.back')}
        </Button>
        <Button onClick={() => void finish()} loading={setListing.isPending}>
          {t('onboarding.finish')}
        </Button>
      </Group>
    </Stack>
  );
}
