import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../../api/model';
import { platformColor } from '../../ui/PlatformBadge';

function Dot({ id }: { id: string }) {
  return (
    <span
      aria-hidden
      style={{ width: 12, height: 12, borderRadius: 4, background: platformColor(id), display: 'inline-block' }}
    />
  );
}

interface Props {
  platforms: Platform[];
  value: string | null;
  onChange: (value: string | null) => void;
  label?: string;
  clearable?: boolean;
  placeholder?: string;
}

export function PlatformSelect({ platforms, value, onChange, label, clearable, placeholder }: Props) {
  const { t } = useTranslation();
  const byId = new Map(platforms.map((p) => [p.id, p]));
  return (
    <Select
      label={label ?? t('accounts.platform')}
      placeholder={placeholder ?? t('accounts.platformPlaceholder')}
      data={platforms.map((p) => ({ value: p.id, label: p.label }))}
      value={value}
      onChange={onChange}
      clearable={clearable}
      searchable
      leftSection={value ? <Dot id={value} /> : undefined}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <Dot id={option.value} />
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {byId.get(option.value)?.placeholder}
          </Text>
        </Group>
      )}
    />
  );
}
