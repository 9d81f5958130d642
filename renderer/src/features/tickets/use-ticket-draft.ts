import type { RuleViolation, Ticket } from '@shared';
import { jsonEqual } from '@shared';
import { useState } from 'react';
import type { TicketPatch } from '../../data/index.js';

/**
 * The edits a person has made but not saved, on top of the live ticket: fields nobody touched keep following the
 * database (so changes arriving from the server show up), touched ones keep the person's value until saved.
 */
export function useTicketDraft(ticket: Ticket) {
  const [draft, setDraft] = useState<TicketPatch>({});
  const [violations, setViolations] = useState<RuleViolation[]>([]);
  const effective: Ticket = { ...ticket, ...draft };
  const changes: TicketPatch = {};
  for (const [k, v] of Object.entries(draft)) {
    if (!jsonEqual(v, ticket[k as keyof Ticket])) (changes as Record<string, unknown>)[k] = v;
  }
  return {
    effective,
    changes,
    dirty: Object.keys(changes).length > 0,
    violations,
    setViolations,
    set: <K extends keyof TicketPatch>(field: K, value: TicketPatch[K]) => {
      setDraft((d) => ({ ...d, [field]: value }));
      setViolations((vs) => vs.filter((v) => v.field !== field));
    },
    reset: () => {
      setDraft({});
      setViolations([]);
    },
  };
}

export type TicketDraft = ReturnType<typeof useTicketDraft>;
