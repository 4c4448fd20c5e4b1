import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { forwardRef, useId } from 'react';
import { PasswordStrength } from './PasswordStrength';
import { useTranslation } from 'react-i18next';

/** PasswordInput whose show/hide toggle has a translated name that does not repeat the field label. */
export const PasswordField = forwardRef<HTMLInputElement, PasswordInputProps>(function PasswordField(props, ref) {
  const { t } = useTranslation();
  return <PasswordInput ref={ref} visibilityToggleButtonProps={{ 'aria-label': t('auth.showCharacters') }} {...props} />;
});

type NewPasswordProps = PasswordInputProps & { /** the value typed so far, for the meter */ typed: string };

/** A password being chosen: the field and its strength meter, tied together by aria-describedby. */
export const NewPasswordField = forwardRef<HTMLInputElement, NewPasswordProps>(function NewPasswordField(
  { typed, ...props },
  ref,
) {
  const meterId = useId();
  return (
    <div>
      <PasswordField ref={ref} autoComplete="new-password" required aria-describedby={meterId} {...props} />
      <PasswordStrength password={typed} id={meterId} />
    </div>
  );
});
