import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { usePeopleSearch } from './networksApi';

interface Props {
  label: string;
  description?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  exclude?: ReadonlySet<string>;
}

/** Pick a colleague by typing part of their name (the directory's search). */
export function PersonPicker({ label, description, value, onChange, exclude }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const people = usePeopleSearch(debounced);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = (people.data?.items ?? [])
    .filter((p) => !exclude?.has(p.id))
    .map((p) => ({ value: p.id, label: p.department ? `${p.display_name} — ${p.department.name}` : p.display_name }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      label={label}
      description={description}
      searchable
      clearable
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      nothingFoundMessage={debounced.trim().length >= 2 && !people.isFetching ? '—' : undefined}
    />
  );
}
