import type { DirectoryEntry, DirectoryKind } from '@shared';
import { newId } from '../../data/doc-utils.js';

const PREFIX: Record<DirectoryKind, string> = { user: 'usr', group: 'grp', category: 'cat' };

/** An empty, active entry of a kind as a "new" form opens it: a person starts as an English-speaking agent. */
export function buildNewEntry(kind: DirectoryKind): DirectoryEntry {
  return {
    id: `${PREFIX[kind]}-${newId()}`,
    kind,
    name: '',
    nameFr: '',
    email: '',
    role: kind === 'user' ? 'agent' : '',
    groupIds: [],
    parentId: '',
    groupId: '',
    locale: 'en',
    active: true,
    updatedAt: 0,
  };
}
