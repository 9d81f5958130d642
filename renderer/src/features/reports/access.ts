import type { Role } from '@shared';

/** Supervisors and administrators see the reports (the server's /api/reports allows the same roles). */
export function canSeeReports(role: Role): boolean {
  return role === 'supervisor' || role === 'admin';
}
