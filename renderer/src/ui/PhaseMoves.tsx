import { Badge, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface PhaseMovesProps<P extends string> {
  /** "Phase", in the reader's language. */
  label: string;
  phase: P;
  phaseName: (phase: P) => string;
  /** The phases this user may move to next (their policy already asked). */
  moves: readonly P[];
  moveLabel: (to: P) => string;
  /** The group of move buttons, for screen readers. */
  movesLabel: string;
  onMove: (to: P) => void;
  /** The move waiting for its details, shown pressed. */
  pending?: P | null;
  /** Shown instead of the buttons when there is a next phase but this user may not move there; null when final. */
  restricted: string | null;
  /** Test ids: `${testPrefix}-phase`, `${testPrefix}-move-${to}`. */
  testPrefix: string;
  /** Badges beside the phase (a change's type and outcome). */
  children?: ReactNode;
}

/** Where a process record (problem, change) stands and the moves along its lifecycle this user may make. */
export function PhaseMoves<P extends string>(p: PhaseMovesProps<P>) {
  return (
    <>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {p.label}
        </Text>
        <Badge variant="light" data-testid={`${p.testPrefix}-phase`} data-phase={p.phase}>
          {p.phaseName(p.phase)}
        </Badge>
        {p.children}
      </Group>
      {p.moves.length > 0 ? (
        <Group gap="xs" role="group" aria-label={p.movesLabel}>
          {p.moves.map((to) => (
            <Button
              key={to}
              size="compact-sm"
              variant={p.pending === to ? 'filled' : 'light'}
              onClick={() => p.onMove(to)}
              data-testid={`${p.testPrefix}-move-${to}`}
            >
              {p.moveLabel(to)}
            </Button>
          ))}
        </Group>
      ) : (
        p.restricted && (
          <Text size="sm" c="dimmed">
            {p.restricted}
          </Text>
        )
      )}
    </>
  );
}
