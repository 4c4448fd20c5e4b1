import { Accordion, Badge, Button, Center, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMailbox } from '../../api/queries/admin';
import { formatDate } from '../../i18n';
import { QueryState } from '../../ui/QueryState';

export function MailboxPage() {
  const { t } = useTranslation();
  const mailbox = useMailbox();
  const messages = mailbox.data?.pages.flatMap((p) => p.items) ?? []; // newest first, from the API
  return (
    <Stack>
      <Text c="dimmed">{t('admin.mailboxIntro')}</Text>
      <QueryState isPending={mailbox.isPending} error={mailbox.error} onRetry={() => void mailbox.refetch()} />
      {mailbox.isSuccess && messages.length === 0 && <Text c="dimmed">{t('admin.empty')}</Text>}
      {messages.length > 0 && (
        <Accordion variant="separated" radius="lg">
          {messages.map((mail) => (
            <Accordion.Item key={mail.id} value={mail.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="wrap" pr="sm">
                  <div>
                    <Text fw={700}>{mail.subject}</Text>
                    <Text size="sm" c="dimmed">
                      {t('admin.to')} {mail.to} · {formatDate(mail.created_at, true)}
                    </Text>
                  </div>
                  <Badge variant="light" color={mail.status === 'sent' ? 'relay' : mail.status === 'failed' ? 'red' : 'gray'}>
                    {t(`admin.mailStatus.${mail.status}`, { defaultValue: mail.status })}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'var(--mantine-font-family-monospace)' }}>
                  {mail.body_text}
                </Text>
                <CopyButton value={mail.body_text}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy} aria-label={t('admin.copyBody', { subject: mail.subject })}>
                      {copied ? t('admin.copied') : t('admin.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      {mailbox.hasNextPage && (
        <Center>
          <Button variant="light" onClick={() => void mailbox.fetchNextPage()} loading={mailbox.isFetchingNextPage}>
            {t('app.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
