import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

/**
 * Links a ticket typed by its number (a major incident's child, a problem's incident). `onLink` answers the refusal
 * as a sentence, or undefined when linked; only the number that was linked is cleared, since a number typed while
 * the link was saving is the next one. `prefix` names the test ids and the message's id (`inputTestId` the input's,
 * when a screen's tests name it otherwise); `placeholder` shows the kind of number expected.
 */
export function LinkByNumber({
  prefix,
  label,
  action,
  onLink,
  inputTestId,
  placeholder = 'INC0001234',
}: {
  prefix: string;
  inputTestId?: string;
  placeholder?: string;
  label: string;
  action: string;
  onLink: (number: string) => Promise<string | undefined>;
}) {
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | undefined>();
  const link = async () => {
    const linked = number;
    const refused = await onLink(linked);
    setError(refused);
    if (!refused) setNumber((current) => (current === linked ? '' : current));
  };
  return (
    <>
      <Group align="flex-end" gap="xs">
        <TextInput
          label={label}
          placeholder={placeholder}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void link();
          }}
          // The message sits below in dark red: Mantine's error colour is too light for WCAG AA on white.
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${prefix}-error` : undefined}
          data-testid={inputTestId ?? `${prefix}-number`}
          style={{ flex: 1 }}
        />
        <Button size="sm" variant="light" onClick={() => void link()} disabled={!number.trim()} data-testid={prefix}>
          {action}
        </Button>
      </Group>
      {error && (
        <Text size="sm" c="red.9" id={`${prefix}-error`} role="alert">
          {error}
        </Text>
      )}
    </>
  );
}
