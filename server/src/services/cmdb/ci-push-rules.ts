import { can, forbiddenCiFields, isTooFarAhead, jsonEqual, validateCi, type Actor, type ConfigItem, type Ticket } from '@shared';
import type { SyncDocument } from '../sync/document-validation.js';
import type { Violation } from '../sync/violation.js';

/** What the CMDB rules of a push need besides the rows, loaded in the push's transaction. */
export interface CiPushContext {
  actor: Actor;
  /** The sites (location CIs) the actor's groups own: what `ci.see` and `ci.edit_field` call their sites. */
  siteIds: readonly string[];
}

/** A stored or pushed CI document as the shared model sees it (the tombstone flag becomes `deleted`). */
export function asConfigItem(doc: SyncDocument): ConfigItem {
  const { _deleted, ...fields } = doc;
  return { ...(fields as unknown as Omit<ConfigItem, 'deleted'>), deleted: _deleted };
}

/**
 * May the actor make this change to a CI at all (the grant step, before conflicts)? Creating, deleting or restoring
 * needs `ci.manage`; an edit needs `ci.edit_field` for every field it changes (relinking is the field `relations`),
 * on the CI as it was and as it will be, so a technician can neither touch a CI of another site nor move one out of
 * reach. Refusals are 403 with a stable code.
 */
export function ciGrantViolations(ctx: CiPushContext, base: SyncDocument | undefined, next: SyncDocument): Violation[] {
  const { actor } = ctx;
  const documentId = next.id;
  const lifecycle = !base || base._deleted !== next._deleted;
  if (lifecycle) {
    if (can(actor, 'ci.manage')) return [];
    const verb = !base ? 'create' : next._deleted ? 'delete' : 'restore';
    return [
      {
        status: 403,
        documentId,
        code: 'ci_manage_forbidden',
        message: `You may not ${verb} configuration items: only configuration managers and administrators may.`,
      },
    ];
  }
  return forbiddenCiFields(actor, { siteIds: ctx.siteIds }, asConfigItem(base), asConfigItem(next)).map((field) => ({
    status: 403 as const,
    documentId,
    field,
    code: 'ci_field_forbidden',
    message: `Your role may not change "${field}" on this configuration item (technicians change a few fields of the CIs of their sites).`,
  }));
}

/** Class rules (`validateCi`), authorship and time of a CI write that passed the grant and conflict checks. */
export function ciWriteViolations(actor: Actor, next: SyncDocument, serverNow: number): Violation[] {
  const documentId = next.id;
  const violations: Violation[] = [];
  if (next.updatedBy !== actor.id) {
    violations.push({
      status: 403,
      documentId,
      field: 'updatedBy',
      code: 'ci_updated_by_other',
      message: `Changes are made in your own name: updatedBy must be "${actor.id}".`,
    });
  }
  if (isTooFarAhead(Number(next.updatedAt), serverNow)) {
    violations.push({
      status: 422,
      documentId,
      field: 'updatedAt',
      code: 'ci_time_in_future',
      message: 'updatedAt is in the future: check this device’s clock.',
    });
  }
  if (!next._deleted) {
    for (const v of validateCi(asConfigItem(next))) {
      violations.push({ status: 422, documentId, field: v.attribute, code: v.code, message: v.message });
    }
  }
  return violations;
}

/**
 * A ticket may name only CIs the server has. Only the CIs this write adds are checked (a CI deleted later does not
 * block edits of the ticket); the row is deferred, as a CI created offline may be pushed right after its ticket.
 */
export function ticketCiViolations(
  master: SyncDocument | undefined,
  next: SyncDocument,
  existing: ReadonlySet<string>,
): Violation[] {
  const before = new Set((master as Partial<Ticket> | undefined)?.ciIds ?? []);
  const after = (next as Partial<Ticket>).ciIds ?? [];
  if (master && jsonEqual(master.ciIds, next.ciIds)) return [];
  return after
    .filter((id) => !before.has(id) && !existing.has(id))
    .map((id) => ({
      status: 422 as const,
      documentId: next.id,
      field: 'ciIds',
      code: 'ticket_ci_unknown',
      message: `Configuration item "${id}" does not exist on the server; push it first or choose another.`,
      retryable: true,
    }));
}

/** Tickets' CI ids added by a push, to look up once. */
export function ciIdsOfTickets(docs: readonly SyncDocument[]): string[] {
  return [...new Set(docs.flatMap((doc) => (doc as Partial<Ticket>).ciIds ?? []))];
}
