import { Group, MultiSelect, Text } from '@mantine/core';
import type { CiClass } from '@shared';
import { TICKET_CI_MAX } from '@shared';
import { useMemo, useState } from 'react';
import { useDeletedCiNames } from '../../data/index.js';
import { useCiLabels } from './ci-labels.js';
import { pickCis } from './ci-search.js';
import type { CmdbLookup } from './use-cmdb.js';

/** Options offered at once: a few keystrokes narrow 50,000 CIs faster than anyone scrolls them. */
const OFFERED = 30;

export interface CiPickerProps {
  cmdb: CmdbLookup;
  value: string[];
  onChange: (ids: string[]) => void;
  label: string;
  placeholder?: string;
  description?: string;
  /** Offer only CIs of these classes (the service filter: services). */
  classes?: readonly CiClass[];
  readOnly?: boolean;
  error?: string;
  testId: string;
  w?: number;
}

/**
 * Chooses CIs by name, serial number or attribute with the CMDB list's search (accents and case ignored), at most
 * the ticket schema's `TICKET_CI_MAX`. The options are searched here, not by Mantine, so its own filter is off.
 */
export function CiPicker({
  cmdb,
  value,
  onChange,
  label,
  placeholder,
  description,
  classes,
  readOnly,
  error,
  testId,
  w,
}: CiPickerProps) {
  const labels = useCiLabels();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const deletedNames = useDeletedCiNames(value);
  // Searched only while the list is open: a closed picker costs nothing, however many CIs the device holds.
  const found = useMemo(() => (open ? pickCis(cmdb.index, search, OFFERED, classes) : []), [open, cmdb.index, search, classes]);
  const data = useMemo(() => {
    const chosen = new Set(value);
    // A CI deleted since keeps the name its tombstone holds; one this device does not hold (out of a technician's
    // scope, not synced yet) is named by its id, not dropped.
    const picked = value.map((id) => ({ value: id, label: cmdb.byId.get(id)?.name ?? deletedNames.get(id) ?? id }));
    return [...picked, ...found.filter((ci) => !chosen.has(ci.id)).map((ci) => ({ value: ci.id, label: ci.name }))];
  }, [value, found, cmdb.byId, deletedNames]);
  return (
    <MultiSelect
      label={label}
      placeholder={value.length ? undefined : placeholder}
      description={description}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onDropdownOpen={() => setOpen(true)}
      onDropdownClose={() => setOpen(false)}
      maxValues={TICKET_CI_MAX}
      readOnly={readOnly}
      error={error}
      clearable={!readOnly}
      renderOption={({ option }) => {
        const ci = cmdb.byId.get(option.value);
        const serial = ci && typeof ci.attributes.serialNumber === 'string' ? ci.attributes.serialNumber : '';
        return (
          <Group gap="xs" wrap="nowrap" data-testid="ci-option" data-ci-id={option.value}>
            <Text size="sm">{option.label}</Text>
            {ci && (
              <Text size="xs" c="dimmed">
                {[labels.ciClass[ci.ciClass], serial].filter(Boolean).join(' · ')}
              </Text>
            )}
          </Group>
        );
      }}
      data-testid={testId}
      w={w}
    />
  );
}
