import { can, type Role } from '@shared';

/** Supervisors and administrators see the reports (the server's /api/reports asks the same policy). */
export function canSeeReports(role: Role): boolean {
  return can({ id: '', role, groupIds: [] }, 'reports.read');
}
