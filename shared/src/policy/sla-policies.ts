import type { Actor } from '../domain/access-policy.js';
import { isAdmin, isOverseer } from './roles.js';

/** Permissions of service-level management: administrators configure SLA policies and calendars, overseers read them. */
export const slaPolicies = {
  /** Read the SLA policies and calendars in the administration screen (every client still replicates them for clocks). */
  'sla.settings.read': (actor: Actor): boolean => isOverseer(actor),
  'sla.settings.write': (actor: Actor): boolean => isAdmin(actor),
  'sla.compliance.read': (actor: Actor): boolean => isOverseer(actor),
} as const;
