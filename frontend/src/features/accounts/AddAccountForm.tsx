import { Anchor, Button, Group, Loader, Paper, Stack, Switch, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useAddAccount } from '../../api/queries/accounts';
import type { Platform } from '../../api/model';
import { notifyError, notifySuccess } from '../../ui/notify';
import { platformExample } from '../../ui/platforms';
import { detectPlatform } from './detectPlatform';
import { PlatformSelect } from './PlatformSelect';
import { useAccountPreview } from './useAccountPreview';

function previewMessage(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  return error.fieldMessage('value') ?? error.text;
}

export function AddAccountForm({ platforms, debounceMs }: { platforms: Platform[]; debounceMs?: number }) {
  const { t } = useTranslation();
  const [platform, setPlatform] = useState<string | null>(null);
  const [value, setValue] = useState('');
  // Consent to show an account publicly is given explicitly: the switch starts off.
  const [isPublic, setPublic] = useState(false);
  const preview = useAccountPreview(platform, value, debounceMs);
  const add = useAddAccount();
  // the platform picked from what was pasted (announced), until the person picks one themselves
  const [detected, setDetected] = useState<string | null>(null);
  const selected = platforms.find((p) => p.id === platform);
  const choosePlatform = (id: string | null) => {
    setDetected(null);
    setPlatform(id);
  };
  const onPaste = (event: React.ClipboardEvent<HTMLInputElement>) => {
    const found = detectPlatform(event.clipboardData.getData('text'), platforms);
    if (found && found !== platform) {
      setPlatform(found);
      setDetected(found);
    }
  };
  const ok = preview.settled && preview.data && !preview.checking;
  const message = preview.settled && !preview.checking ? previewMessage(preview.error) : undefined;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!platform || !ok) return;
    try {
      await add.mutateAsync({ platform, value: value.trim(), public: isPublic });
      notifySuccess(t('accounts.added'));
      setValue('');
      setPublic(false);
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
          <PlatformSelect platforms={platforms} value={platform} onChange={choosePlatform} />
          <TextInput
            label={t('accounts.value')}
            placeholder={selected ? platformExample(selected) : undefined}
            description={
              selected ? t('accounts.valueExample', { example: platformExample(selected) }) : t('accounts.pasteHint')
            }
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            onPaste={onPaste}
            error={message}
            rightSection={preview.checking ? <Loader size="xs" role="status" aria-label={t('accounts.checking')} /> : undefined}
            aria-describedby="account-preview"
            miw={220}
          />
        </Group>
        <div id="account-preview" aria-live="polite">
          {detected && selected && (
            <Text size="sm" c="dimmed">
              {t('accounts.detected', { platform: selected.label })}
            </Text>
          )}
          {ok && preview.data && (
            <Group gap="xs" c="relay.8">
              <IconCircleCheck size={18} aria-hidden />
              <Text size="sm" fw={600}>
                {t('accounts.valid', { handle: preview.data.handle })}
              </Text>
              <Anchor size="sm" href={preview.data.profile_url} target="_blank" rel="noreferrer">
                {t('accounts.profileLink')}: {preview.data.profile_url}
              </Anchor>
              {preview.data.feed_url && (
                <Anchor size="sm" href={preview.data.feed_url} target="_blank" rel="noreferrer">
                  {t('accounts.feedLink')}: {preview.data.feed_url}
                </Anchor>
              )}
            </Group>
          )}
          {message && <VisuallyHidden>{message}</VisuallyHidden>}
        </div>
        <Group justify="space-between">
          <Switch
            label={t('accounts.public')}
            checked={isPublic}
            onChange={(e) => setPublic(e.currentTarget.checked)}
          />
          <Button type="submit" disabled={!ok} loading={add.isPending}>
            {t('accounts.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
