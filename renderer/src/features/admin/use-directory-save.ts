import type { DirectoryEntry } from '@shared';
import { useState } from 'react';
import { useCurrentUser } from '../../app/session-context.js';
import { saveDirectoryEntries, useDb, type DirectorySaveViolation } from '../../data/index.js';
import { byField, useViolationText } from '../../ui/violations.js';

/**
 * Saving from an administration form: the shared directory rules run on this device first, and what they refuse
 * comes back as translated messages, by field for the entry being edited and as a list for anything else (a member
 * or lead the save would also change).
 */
export function useDirectorySave(entryId: string) {
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const [violations, setViolations] = useState<DirectorySaveViolation[]>([]);
  const [saving, setSaving] = useState(false);
  const own = violations.filter((v) => v.entryId === entryId);
  const save = async (entries: readonly DirectoryEntry[]): Promise<boolean> => {
    setSaving(true);
    try {
      const found = await saveDirectoryEntries(db, entries, user);
      setViolations(found);
      return found.length === 0;
    } finally {
      setSaving(false);
    }
  };
  return {
    save,
    saving,
    errors: byField(own, text),
    /** Every refusal as a sentence, for the summary under the form (the fields show theirs too). */
    messages: violations.map(text),
  };
}

/** An administration form's state: the entry being edited, a setter per field, and its save (see useDirectorySave). */
export function useEntryForm(initial: DirectoryEntry) {
  const [entry, setEntry] = useState(initial);
  const set = <K extends keyof DirectoryEntry>(key: K, value: DirectoryEntry[K]) => setEntry((e) => ({ ...e, [key]: value }));
  return { entry, setEntry, set, ...useDirectorySave(initial.id) };
}
