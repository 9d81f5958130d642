import type { CiCriticality, CiStatus } from '@shared';
import { STATE_COLORS } from '../../ui/colors.js';

/**
 * Colours of criticality, dark enough for 4.5:1 contrast as text on white (Mantine's default red and orange are
 * not), used for badges and for the graph's node borders.
 */
export const CRITICALITY_COLORS: Readonly<Record<CiCriticality, string>> = {
  critical: '#c92a2a',
  high: '#a34700',
  medium: '#1864ab',
  low: STATE_COLORS.off,
};

/** Status badges: in service is the normal case (green); anything else draws the eye. */
export const STATUS_COLORS: Readonly<Record<CiStatus, string>> = {
  planned: '#5f3dc4',
  in_service: STATE_COLORS.on,
  under_maintenance: '#a34700',
  retired: STATE_COLORS.off,
};

/** True when the CI is not carrying its service: the graph draws it dashed. */
export const isDegraded = (status: CiStatus): boolean => status !== 'in_service';
