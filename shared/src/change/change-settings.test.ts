import { describe, expect, it } from 'vitest';
import { checkChangeBoardGroups, DEFAULT_CHANGE_SETTINGS } from './change-settings.js';

describe('checkChangeBoardGroups', () => {
  it('accepts boards that are groups of the directory', () => {
    expect(checkChangeBoardGroups(DEFAULT_CHANGE_SETTINGS, ['grp-cab', 'grp-ecab', 'grp-network'])).toEqual([]);
  });

  it('names each board the directory does not hold, by field', () => {
    const found = checkChangeBoardGroups({ cabGroupId: 'grp-gone', emergencyCabGroupId: 'grp-also-gone' }, ['grp-cab']);
    expect(found.map((v) => [v.code, v.field])).toEqual([
      ['change.setting.unknown_group', 'data.cabGroupId'],
      ['change.setting.unknown_group', 'data.emergencyCabGroupId'],
    ]);
  });
});
