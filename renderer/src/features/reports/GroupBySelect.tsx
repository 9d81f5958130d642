import { NativeSelect } from '@mantine/core';

/** A report section's "group by" choice: a native select (keyboards, screen readers, tests), left out of print. */
export function GroupBySelect<G extends string>({
  label,
  value,
  options,
  optionLabel,
  onChange,
  testId,
}: {
  label: string;
  value: G;
  options: readonly G[];
  optionLabel: (option: G) => string;
  onChange: (option: G) => void;
  testId: string;
}) {
  return (
    <NativeSelect
      className="report-no-print"
      label={label}
      value={value}
      onChange={(e) => {
        const chosen = options.find((o) => o === e.currentTarget.value);
        if (chosen !== undefined) onChange(chosen);
      }}
      data-testid={testId}
      data={options.map((o) => ({ value: o, label: optionLabel(o) }))}
      w={240}
    />
  );
}
