import { Badge } from '@mantine/core';
import type { CiCriticality, CiStatus } from '@shared';
import { CRITICALITY_COLORS, STATUS_COLORS } from './ci-colors.js';
import { useCiLabels } from './ci-labels.js';

// A badge in a narrow table column would be cut to "CRITIC…": the label keeps its full width instead.
const FULL_LABEL = { label: { overflow: 'visible', textOverflow: 'clip' } } as const;

export function CiStatusBadge({ status }: { status: CiStatus }) {
  const labels = useCiLabels();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status]} styles={FULL_LABEL} data-testid="ci-status-badge" data-status={status}>
      {labels.status[status]}
    </Badge>
  );
}

export function CiCriticalityBadge({ criticality }: { criticality: CiCriticality }) {
  const labels = useCiLabels();
  return (
    <Badge variant="outline" color={CRITICALITY_COLORS[criticality]} styles={FULL_LABEL} data-criticality={criticality}>
      {labels.criticality[criticality]}
    </Badge>
  );
}
