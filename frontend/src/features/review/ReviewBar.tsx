import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../ui/notify';
import { type Grid, type ReviewVerb, useGridActions } from '../grid/gridApi';
import '../grid/i18n';

export interface Roles {
  committee: boolean;
  chair: boolean;
  me: string | null;
}

/** Which actions the person may take now (the server decides; this only hides what would fail). */
export function reviewActions(grid: Grid, roles: Roles): ReviewVerb[] {
  const mode = grid.review.mode;
  const mine = roles.me !== null && grid.author_id === roles.me;
  const verbs: ReviewVerb[] = [];
  if (!roles.committee) return verbs;
  if (grid.status === 'draft' || grid.status === 'changes_requested') verbs.push('submit');
  if (grid.status === 'in_review' && grid.review.can_approve) verbs.push('approve');
  if ((grid.status === 'in_review' || grid.status === 'approved') && !mine) verbs.push('request-changes');
  const publishable: Record<string, string[]> = {
    none: ['draft', 'approved'],
    optional: ['draft', 'in_review', 'changes_requested', 'approved'],
    required: ['approved'],
    multi_step: ['approved'],
  };
  if (roles.chair && (publishable[mode] ?? ['approved']).includes(grid.status)) verbs.push('publish');
  if (roles.chair && grid.status !== 'archived') verbs.push('archive');
  return verbs;
}

const LABEL: Record<ReviewVerb, string> = {
  submit: 'review.submit',
  approve: 'review.approve',
  'request-changes': 'review.requestChanges',
  publish: 'review.publish',
  archive: 'review.archive',
};

/** The review workflow's state and actions on one grid, with a comment kept on the grid. */
export function ReviewBar({ slug, grid, roles }: { slug: string; grid: Grid; roles: Roles }) {
  const { t } = useTranslation();
  const { review } = useGridActions(slug, grid.entry_id);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const verbs = reviewActions(grid, roles);
  const act = (verb: ReviewVerb) => {
    if (verb === 'request-changes' && !comment.trim()) return setMissing(true);
    setMissing(false);
    review.mutate(
      { grid, verb, comment: comment.trim() || undefined },
      {
        onSuccess: () => {
          setComment('');
          notifySuccess(t(`review.done.${verb}`));
        },
        onError: (error) => notifyError(error),
      },
    );
  };
  const approvals = grid.review.approvals.map((a) => a.approver_name ?? '—');
  return (
    <Card withBorder component="section" aria-label={`${t('review.actions')}: ${grid.title}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={4} size="h6">
            {t('review.actions')}
          </Title>
          <Badge variant="light" data-status={grid.status}>
            {t(`review.status.${grid.status}`, { defaultValue: grid.status })}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('review.mode', { mode: t(`review.modes.${grid.review.mode}`, { defaultValue: grid.review.mode }) })}
          </Text>
          {grid.review.current_step !== null && grid.review.steps[grid.review.current_step] !== undefined && (
            <Text size="xs" c="dimmed">
              {t('review.stepOf', { n: grid.review.current_step + 1, name: grid.review.steps[grid.review.current_step] })}
            </Text>
          )}
        </Group>
        {approvals.length > 0 && <Text size="xs">{t('review.approvals', { names: approvals.join(', ') })}</Text>}
        {verbs.length > 0 && (
          <>
            <Textarea
              label={verbs.includes('request-changes') ? t('review.reviewComment') : t('review.reviewCommentOptional')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={1}
              maxLength={5000}
              error={missing ? t('review.needComment') : undefined}
            />
            <Group gap="xs">
              {verbs.map((verb) => (
                <Button
                  key={verb}
                  size="xs"
                  variant={verb === 'request-changes' || verb === 'archive' ? 'default' : 'filled'}
                  color={verb === 'publish' ? '#1f6f33' : undefined}
                  onClick={() => act(verb)}
                  loading={review.isPending && review.variables.verb === verb}
                >
                  {t(LABEL[verb])}
                </Button>
              ))}
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
