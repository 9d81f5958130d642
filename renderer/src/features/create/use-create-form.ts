import type { Channel, Level, Priority, RuleViolation, TicketType } from '@shared';
import { computePriority } from '@shared';
import { useState } from 'react';
import type { NewTicketInput } from '../../data/index.js';

export interface CreateFormValues {
  type: TicketType;
  callerId: string;
  newContact: boolean;
  callerName: string;
  callerEmail: string;
  channel: Channel;
  categoryId: string;
  affectedItem: string;
  ciIds: string[];
  impact: Level;
  urgency: Level;
  override: boolean;
  priority: Priority;
  overrideReason: string;
  title: string;
  description: string;
}

/** The form as it opens: nothing chosen but the defaults. */
export const EMPTY_CREATE_FORM: CreateFormValues = {
  type: 'incident',
  callerId: '',
  newContact: false,
  callerName: '',
  callerEmail: '',
  channel: 'phone',
  categoryId: '',
  affectedItem: '',
  ciIds: [],
  impact: 3,
  urgency: 3,
  override: false,
  priority: 5,
  overrideReason: '',
  title: '',
  description: '',
};

export function useCreateForm() {
  const [values, setValues] = useState<CreateFormValues>(EMPTY_CREATE_FORM);
  const [violations, setViolations] = useState<RuleViolation[]>([]);
  const set = <K extends keyof CreateFormValues>(key: K, value: CreateFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setViolations((list) => list.filter((x) => x.field !== key));
  };
  const computed = computePriority(values.impact, values.urgency);
  const priority = values.override ? values.priority : computed;
  return { values, set, violations, setViolations, priority, computed, reset: () => setValues(EMPTY_CREATE_FORM) };
}

export function toInput(v: CreateFormValues): NewTicketInput {
  const input: NewTicketInput = {
    type: v.type,
    title: v.title,
    description: v.description,
    callerId: v.newContact ? '' : v.callerId,
    channel: v.channel,
    categoryId: v.categoryId,
    // Linked CIs replace the free text, which the form hides then: nothing hidden is recorded.
    ...(v.ciIds.length ? { ciIds: v.ciIds } : { affectedItem: v.affectedItem }),
    impact: v.impact,
    urgency: v.urgency,
  };
  if (v.newContact || !v.callerId) {
    input.callerName = v.callerName;
    input.callerEmail = v.callerEmail;
  }
  if (v.override) {
    input.priority = v.priority;
    input.priorityOverrideReason = v.overrideReason;
  }
  return input;
}
