import type { ChangeOutcome, RiskLevel } from '@shared';
import { STATE_COLORS } from '../../ui/colors.js';

/** Risk levels as text on white with 4.5:1 contrast (Mantine's default orange and red are not). */
export const RISK_COLORS: Readonly<Record<RiskLevel, string>> = { low: STATE_COLORS.on, medium: '#a34700', high: '#c92a2a' };

/** Outcomes of an implementation, with the same contrast. */
export const OUTCOME_COLORS: Readonly<Record<Exclude<ChangeOutcome, ''>, string>> = {
  successful: STATE_COLORS.on,
  failed: '#c92a2a',
  backed_out: '#a34700',
};

/** A warning count (collisions) as text on white. */
export const WARNING_COLOR = '#a34700';
