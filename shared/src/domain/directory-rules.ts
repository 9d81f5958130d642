import type { Actor } from './access-policy.js';
import { isEmailAddress } from './email-address.js';
import type { DirectoryEntry } from '../schemas/directory.js';

/** Stable identifiers of a refused directory write; the UI translates each under `admin.violations.<code>`. */
export const DIRECTORY_VIOLATION_CODES = [
  'contact_email_invalid',
  'directory_kind_fixed',
  'directory_name_required',
  'directory_email_required',
  'directory_email_taken',
  'directory_role_required',
  'directory_group_unknown',
  'directory_own_account',
  'directory_lead_unknown',
  'directory_parent_unknown',
  'directory_category_cycle',
] as const;
export type DirectoryViolationCode = (typeof DIRECTORY_VIOLATION_CODES)[number];

/** A broken directory rule, naming the field to fix; `message` is the English fallback. */
export interface DirectoryViolation {
  code: DirectoryViolationCode;
  field: string;
  message: string;
  params?: Record<string, string>;
}

/** The directory as a write sees it: every entry by id, with the write's own batch applied. */
export type DirectoryIndex = ReadonlyMap<string, DirectoryEntry>;

const fold = (email: string): string => email.trim().toLowerCase();

/** The fields of their own entry nobody may change: an account cannot raise, widen or revive itself. */
const OWN_ACCOUNT_FIELDS = ['role', 'groupIds', 'active'] as const;

function userViolations(next: DirectoryEntry, previous: DirectoryEntry | undefined, actor: Actor, index: DirectoryIndex) {
  const out: DirectoryViolation[] = [];
  if (!next.role) out.push({ code: 'directory_role_required', field: 'role', message: 'Choose the role of this person.' });
  if (!next.email.trim())
    out.push({
      code: 'directory_email_required',
      field: 'email',
      message: 'People sign in with their e-mail address: give one.',
    });
  else {
    const email = fold(next.email);
    const holder = [...index.values()].find((e) => e.kind === 'user' && e.id !== next.id && fold(e.email) === email);
    if (holder)
      out.push({
        code: 'directory_email_taken',
        field: 'email',
        message: `${next.email} is already the address of ${holder.name}.`,
        params: { name: holder.name },
      });
  }
  for (const groupId of next.groupIds) {
    if (index.get(groupId)?.kind === 'group') continue;
    out.push({
      code: 'directory_group_unknown',
      field: 'groupIds',
      message: `There is no group "${groupId}".`,
      params: { id: groupId },
    });
  }
  if (next.id === actor.id) {
    const changed = OWN_ACCOUNT_FIELDS.filter((field) => JSON.stringify(next[field]) !== JSON.stringify(previous?.[field]));
    for (const field of changed)
      out.push({
        code: 'directory_own_account',
        field,
        message: 'Nobody changes their own role, groups or access: ask another administrator.',
      });
  }
  return out;
}

function groupViolations(next: DirectoryEntry, index: DirectoryIndex): DirectoryViolation[] {
  // Leads are people; that they are members is the form's to arrange (it offers members only), not a rule, because a
  // group and the members it gains reach the server in separate pushes and the group comes first.
  return (next.leadIds ?? [])
    .filter((id) => index.get(id)?.kind !== 'user')
    .map((id) => ({
      code: 'directory_lead_unknown' as const,
      field: 'leadIds',
      message: `There is no person "${id}" to lead this group.`,
      params: { id },
    }));
}

function categoryViolations(next: DirectoryEntry, index: DirectoryIndex): DirectoryViolation[] {
  const out: DirectoryViolation[] = [];
  if (next.groupId && index.get(next.groupId)?.kind !== 'group')
    out.push({
      code: 'directory_group_unknown',
      field: 'groupId',
      message: `There is no group "${next.groupId}".`,
      params: { id: next.groupId },
    });
  if (!next.parentId) return out;
  if (index.get(next.parentId)?.kind !== 'category') {
    out.push({
      code: 'directory_parent_unknown',
      field: 'parentId',
      message: `There is no category "${next.parentId}" to file this one under.`,
      params: { id: next.parentId },
    });
    return out;
  }
  // Walk up from the new parent: meeting this category again means it would sit under itself.
  const seen = new Set<string>();
  for (let at = index.get(next.parentId); at && !seen.has(at.id); at = at.parentId ? index.get(at.parentId) : undefined) {
    if (at.id === next.id) {
      out.push({
        code: 'directory_category_cycle',
        field: 'parentId',
        message: 'A category cannot sit under itself or under one of its own subcategories.',
      });
      break;
    }
    seen.add(at.id);
  }
  return out;
}

/**
 * Checks a directory write (a person, a group or a category) against the whole directory: a person has a role and an e-mail address no one else has; groups and parent
 * categories named exist; the category tree has no cycle; a group's leads are people; and nobody changes their
 * own role, groups or access. `index` holds every entry with the write's batch applied, so one push may create a
 * group and the category routed to it. The client's commands and the server's push run this same function.
 */
export function directoryViolations(
  next: DirectoryEntry & { _deleted?: boolean },
  previous: DirectoryEntry | undefined,
  actor: Actor,
  index: DirectoryIndex,
): DirectoryViolation[] {
  // Erasing an entry (a person's right to be forgotten) is the access policy's to allow; the console deactivates.
  if (next._deleted) return [];
  if (previous && previous.kind !== next.kind)
    return [{ code: 'directory_kind_fixed', field: 'kind', message: 'A person, group or category cannot become another kind.' }];
  if (!next.name.trim()) return [{ code: 'directory_name_required', field: 'name', message: 'Give a name.' }];
  // The address the desk mails (a person, a group's shared box) is one valid address, judged when set or changed so
  // an entry stored before the rule stays editable.
  const email = next.email.trim();
  if (email !== '' && next.email !== previous?.email && !isEmailAddress(email))
    return [
      {
        code: 'contact_email_invalid',
        field: 'email',
        message: 'Give exactly one valid e-mail address (no list, no name, no line break).',
      },
    ];
  if (next.kind === 'user') return userViolations(next, previous, actor, index);
  if (next.kind === 'group') return groupViolations(next, index);
  return categoryViolations(next, index);
}
