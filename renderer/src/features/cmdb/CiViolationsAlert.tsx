import { Alert, Text } from '@mantine/core';
import type { CiEditViolation } from '../../data/index.js';
import { useCiLabels } from './ci-labels.js';

/** The refusals no field of the form shows (a field the user cannot edit, the CI as a whole), one sentence each. */
export function CiViolationsAlert({ violations }: { violations: readonly CiEditViolation[] }) {
  const labels = useCiLabels();
  if (violations.length === 0) return null;
  return (
    <Alert color="red" data-testid="ci-violations">
      {violations.map((v) => (
        <Text key={`${v.code}-${v.attribute}`} size="sm">
          {labels.violation(v)}
        </Text>
      ))}
    </Alert>
  );
}
