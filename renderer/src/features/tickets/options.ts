import type { DirectoryEntry, Level, Ticket } from '@shared';
import { PENDING_REASONS, RESOLUTION_CODES, nextStatuses } from '@shared';
import type { Labels } from '../../ui/labels.js';

/** Mantine Select options cannot use '' as a value: empty domain values travel as this token. */
export const NONE = '__none__';
export const toOption = (v: string) => (v === '' ? NONE : v);
export const fromOption = (v: string | null) => (v === null || v === NONE ? '' : v);

export function statusOptions(stored: Ticket, labels: Labels) {
  return [stored.status, ...nextStatuses(stored.status)].map((s) => ({ value: s, label: labels.status[s] }));
}

export function levelOptions(labels: Labels) {
  return ([1, 2, 3] as Level[]).map((l) => ({ value: String(l), label: labels.level[l] }));
}

export function pendingReasonOptions(labels: Labels) {
  return PENDING_REASONS.filter((r) => r !== '').map((r) => ({ value: r, label: labels.pendingReason[r] }));
}

export function resolutionCodeOptions(labels: Labels) {
  return RESOLUTION_CODES.filter((r) => r !== '').map((r) => ({ value: r, label: labels.resolutionCode[r] }));
}

/** People or groups as options, keeping the current value even when the directory does not list it (yet). */
export function entryOptions(entries: DirectoryEntry[], current: string, noneLabel: string, lang: 'en' | 'fr') {
  const opts = [
    { value: NONE, label: noneLabel },
    ...entries.map((e) => ({ value: e.id, label: (lang === 'fr' && e.nameFr) || e.name })),
  ];
  if (current && !entries.some((e) => e.id === current)) opts.push({ value: current, label: current });
  return opts;
}
