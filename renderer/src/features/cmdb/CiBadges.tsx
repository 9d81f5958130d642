import { Badge } from '@mantine/core';
import type { CiCriticality, CiStatus } from '@shared';
import { CRITICALITY_COLORS, STATUS_COLORS } from './ci-colors.js';
import { useCiLabels } from './ci-labels.js';

export function CiStatusBadge({ status }: { status: CiStatus }) {
  const labels = useCiLabels();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status]} data-testid="ci-status-badge" data-status={status}>
      {labels.status[status]}
    </Badge>
  );
}

export function CiCriticalityBadge({ criticality }: { criticality: CiCriticality }) {
  const labels = useCiLabels();
  return (
    <Badge variant="outline" color={CRITICALITY_COLORS[criticality]} data-criticality={criticality}>
      {labels.criticality[criticality]}
    </Badge>
  );
}
