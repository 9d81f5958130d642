import type { CiCriticality, CiStatus } from '@shared';

/**
 * Colours of criticality, dark enough for 4.5:1 contrast as text on white (Mantine's default red and orange are
 * not), used for badges and for the graph's node borders.
 */
export const CRITICALITY_COLORS: Readonly<Record<CiCriticality, string>> = {
  critical: '#c92a2a',
  high: '#a34700',
  medium: '#1864ab',
  low: '#495057',
};

/** Status badges: in service is the normal case (green); anything else draws the eye. */
export const STATUS_COLORS: Readonly<Record<CiStatus, string>> = {
  planned: '#5f3dc4',
  in_service: '#1b6e2d',
  under_maintenance: '#a34700',
  retired: '#495057',
};

/** True when the CI is not carrying its service: the graph draws it dashed. */
export const isDegraded = (status: CiStatus): boolean => status !== 'in_service';
