import type { ChangeSettings } from '@shared';
import type { NumberField } from '../sla-admin/policy-form.js';

/** The settings editor's state: the settings with the hours as typed, so an empty field can be reported. */
export type SettingsForm = Omit<ChangeSettings, 'causedIncidentWindowHours'> & { causedIncidentWindowHours: NumberField };

/** The settings the form describes (an empty or unreadable number counts as 0, which the shared check refuses). */
export function settingsFromForm(form: SettingsForm): ChangeSettings {
  const hours = form.causedIncidentWindowHours;
  const n = typeof hours === 'number' ? hours : Number(hours.trim().replace(',', '.'));
  return {
    ...form,
    quorum: { ...form.quorum },
    causedIncidentWindowHours: typeof hours === 'string' && hours.trim() === '' ? 0 : Number.isNaN(n) ? 0 : n,
  };
}

/** A group as a board choice: its name and how many active people sit on it. */
export function groupOptions(
  groups: readonly { id: string; name: string }[],
  memberCount: (groupId: string) => number,
  label: (name: string, count: number) => string,
): { value: string; label: string }[] {
  return [...groups]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((g) => ({ value: g.id, label: label(g.name, memberCount(g.id)) }));
}
