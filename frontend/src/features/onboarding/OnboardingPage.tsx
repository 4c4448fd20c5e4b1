import { Button, Card, Group, Stepper } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/queries/me';
import { AccountsEditor } from '../accounts/AccountsEditor';
import { ProfileForm } from '../profile/ProfileForm';
import { notifySuccess } from '../../ui/notify';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { CharterStep } from './CharterStep';
import { VisibilityStep } from './VisibilityStep';

export function OnboardingPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [active, setActive] = useState(0);
  const [reached, setReached] = useState(0);
  const go = (step: number) => {
    setActive(step);
    setReached((r) => Math.max(r, step));
    window.scrollTo?.({ top: 0 });
  };

  if (!me.data) return <QueryState isPending={me.isPending} error={me.error} onRetry={() => void me.refetch()} />;
  const finish = (listed: boolean) => {
    notifySuccess(t(listed ? 'onboarding.done' : 'onboarding.doneNotListed'));
    void navigate({ to: '/profile' });
  };

  return (
    <>
      <PageTitle title={t('onboarding.title')} intro={t('onboarding.intro')} />
      <Card>
        <Stepper
          active={active}
          onStepClick={(step) => step <= reached && go(step)}
          allowNextStepsSelect={false}
          aria-label={t('onboarding.stepsLabel')}
          size="sm"
        >
          <Stepper.Step label={t('onboarding.charterStep')} description={t('onboarding.charterDesc')}>
            <CharterStep me={me.data.data} onNext={() => go(1)} />
          </Stepper.Step>
          <Stepper.Step label={t('onboarding.profileStep')} description={t('onboarding.profileDesc')}>
            <ProfileForm
              me={me.data}
              submitLabel={t('onboarding.next')}
              onSaved={() => go(2)}
              extraActions={
                <Button variant="default" onClick={() => go(0)} mr="auto">
                  {t('onboarding.back')}
                </Button>
              }
            />
          </Stepper.Step>
          <Stepper.Step label={t('onboarding.accountsStep')} description={t('onboarding.accountsDesc')}>
            <AccountsEditor />
            <Group justify="space-between" mt="lg">
              <Button variant="default" onClick={() => go(1)}>
                {t('onboarding.back')}
              </Button>
              <Button onClick={() => go(3)}>{t('onboarding.next')}</Button>
            </Group>
          </Stepper.Step>
          <Stepper.Step label={t('onboarding.visibilityStep')} description={t('onboarding.visibilityDesc')}>
            <VisibilityStep me={me.data.data} onBack={() => go(2)} onFinish={finish} />
          </Stepper.Step>
        </Stepper>
      </Card>
    </>
  );
}
