import type { RuleViolation } from '../domain/ticket-rules.js';
import { jsonEqual } from '../domain/three-way-merge.js';
import type { Ticket } from '../schemas/ticket.js';
import { APPROVED_PHASES } from './change-approvals.js';
import { changePhaseOf, changeTypeOf } from './change-lifecycle.js';
import type { ChangeTemplate } from './change-settings.js';

/**
 * A standard change skips the CAB because its catalogue template was approved once: it is scheduled (or further)
 * only naming an active template and carrying that template's plan as it is. Otherwise anyone could call a change
 * "standard" and skip the board. Judged when the change goes past assessment, or is edited once there.
 */
export function standardTemplateViolations(
  next: Ticket,
  previous: Ticket | undefined,
  templates: ReadonlyMap<string, ChangeTemplate>,
): RuleViolation[] {
  if (next.type !== 'change' || changeTypeOf(next) !== 'standard' || !next.changePhase) return [];
  if (!APPROVED_PHASES.includes(next.changePhase)) return [];
  const before = previous?.type === 'change' ? previous : undefined;
  const unchanged =
    before !== undefined &&
    APPROVED_PHASES.includes(changePhaseOf(before)) &&
    changeTypeOf(before) === 'standard' &&
    before.changeTemplateId === next.changeTemplateId &&
    jsonEqual(before.changePlan, next.changePlan);
  if (unchanged) return [];
  const template = templates.get(next.changeTemplateId ?? '');
  if (!template) {
    const message = `${next.number} is a standard change: choose its template from the catalogue of pre-approved changes, or make it a normal change for the CAB.`;
    return [{ code: 'change_template_required', field: 'changeTemplateId', message }];
  }
  if (!jsonEqual(next.changePlan, template.plan)) {
    const message = `${next.number} changes the plan of the pre-approved template "${template.name}": make it a normal change for the CAB, or keep the template's plan.`;
    return [{ code: 'change_template_plan', field: 'changePlan', message }];
  }
  return [];
}
