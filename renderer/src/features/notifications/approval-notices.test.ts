import { DEFAULT_CHANGE_SETTINGS, changeBoardsOf } from '@shared';
import { buildChange } from '@shared/testing/build-change.js';
import { buildDirectoryEntry } from '@shared/testing/build-records.js';
import { describe, expect, it } from 'vitest';
import { approvalRequestsForMe } from './approval-notices.js';

const boards = changeBoardsOf(
  [],
  ['u-me', 'usr-requester'].map((id) =>
    buildDirectoryEntry({ id, role: 'supervisor', groupIds: [DEFAULT_CHANGE_SETTINGS.cabGroupId] }),
  ),
);
const ctx = { userId: 'u-me', firstSync: false, boards };

describe('approval notices', () => {
  const asked = buildChange({ updatedBy: 'u-manager' });
  const assessed = { ...asked, changePhase: 'assessment' as const };

  it('tells a board member when a change arrives awaiting their decision, and again when it was replanned', () => {
    expect(approvalRequestsForMe([{ previous: assessed, current: asked }], ctx).map((t) => t.id)).toEqual([asked.id]);
    expect(approvalRequestsForMe([{ previous: null, current: asked }], ctx)).toHaveLength(1);
    const moved = { ...asked, plannedEnd: asked.plannedEnd! + 60_000 };
    expect(approvalRequestsForMe([{ previous: asked, current: moved }], ctx)).toHaveLength(1);
    expect(approvalRequestsForMe([{ previous: asked, current: { ...asked, title: 'Renamed' } }], ctx)).toEqual([]);
  });

  it('tells nobody off the board, not the requester, not the one who made the write, and nothing on first sync', () => {
    const arrival = [{ previous: assessed, current: asked }];
    expect(approvalRequestsForMe(arrival, { ...ctx, userId: 'u-outsider' })).toEqual([]);
    expect(approvalRequestsForMe(arrival, { ...ctx, userId: 'usr-requester' })).toEqual([]);
    expect(approvalRequestsForMe([{ previous: assessed, current: { ...asked, updatedBy: 'u-me' } }], ctx)).toEqual([]);
    expect(approvalRequestsForMe(arrival, { ...ctx, firstSync: true })).toEqual([]);
  });
});
