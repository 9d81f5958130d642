import type { DirectoryEntry } from '@shared';

/**
 * The people whose entries change when a group's members become `memberIds`: newcomers gain the group, leavers
 * lose it. Membership lives on each person (their `groupIds`), which is what access and routing read.
 */
export function membershipChanges(
  groupId: string,
  memberIds: readonly string[],
  users: readonly DirectoryEntry[],
): DirectoryEntry[] {
  const wanted = new Set(memberIds);
  return users.flatMap((user) => {
    const isMember = user.groupIds.includes(groupId);
    if (isMember === wanted.has(user.id)) return [];
    const groupIds = isMember ? user.groupIds.filter((id) => id !== groupId) : [...user.groupIds, groupId];
    return [{ ...user, groupIds }];
  });
}
