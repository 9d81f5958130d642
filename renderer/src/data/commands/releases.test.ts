import type { Ticket } from '@shared';
import { buildChange } from '@shared/testing/build-change.js';
import { BUILD_NOW, buildTicket } from '@shared/testing/build-records.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import {
  bundleChange,
  recordDeployment,
  releaseNotesDraft,
  saveReleaseNotes,
  saveReleaseSchedule,
  unbundleChange,
} from './releases.js';

const agent = { id: 'u-agent', role: 'agent' as const, groupIds: ['grp-field', 'grp-apps'] };
const HOUR = 3_600_000;

describe('release commands', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.tickets.bulkInsert([
      buildTicket({ id: 'rls', type: 'release', number: 'RLS0000001', title: 'Spring release' }),
      buildChange({ id: 'chg-s', number: 'CHG0000001', changePhase: 'scheduled', fixesTicketIds: ['inc'] }),
      buildChange({ id: 'chg-c', number: 'CHG0000002', changePhase: 'closed', status: 'closed', changeOutcome: 'successful' }),
      buildChange({ id: 'chg-a', number: 'CHG0000003' }),
      buildTicket({ id: 'inc', number: 'INC0000009' }),
    ]);
  });
  afterEach(async () => {
    await db.close();
  });
  const ticket = async (id: string) => (await db.tickets.findOne(id).exec())!.toJSON() as Ticket;
  const codes = (violations: readonly { code: string }[]) => violations.map((v) => v.code);

  it('bundles approved changes by number or id, refusing unapproved ones, non-changes and repeats', async () => {
    expect(await bundleChange(db, 'rls', ' chg0000001 ', agent)).toEqual([]);
    expect(await bundleChange(db, 'rls', 'chg-c', agent)).toEqual([]);
    expect((await ticket('rls')).releaseChangeIds).toEqual(['chg-s', 'chg-c']);
    expect(codes(await bundleChange(db, 'rls', 'CHG0000003', agent))).toEqual(['release_change_not_approved']);
    expect(codes(await bundleChange(db, 'rls', 'INC0000009', agent))).toEqual(['release_change_not_change']);
    expect(codes(await bundleChange(db, 'rls', 'CHG0000001', agent))).toEqual(['release_change_duplicate']);
    expect(codes(await bundleChange(db, 'rls', 'CHG9999999', agent))).toEqual(['not_found']);
    expect(codes(await bundleChange(db, 'chg-s', 'CHG0000002', agent))).toEqual(['change_field_type']);
    expect((await ticket('rls')).releaseChangeIds).toEqual(['chg-s', 'chg-c']);
  });

  it('takes a change out of the release', async () => {
    await bundleChange(db, 'rls', 'chg-s', agent);
    await bundleChange(db, 'rls', 'chg-c', agent);
    expect(await unbundleChange(db, 'rls', 'chg-s', agent)).toEqual([]);
    expect(await unbundleChange(db, 'rls', 'chg-s', agent)).toEqual([]);
    expect((await ticket('rls')).releaseChangeIds).toEqual(['chg-c']);
  });

  it('keeps every deployment record with its environment, and refuses one without', async () => {
    const failed = { stage: 'test' as const, environment: ' UAT ', result: 'failed' as const };
    expect(await recordDeployment(db, 'rls', failed, agent, BUILD_NOW)).toEqual([]);
    expect(await recordDeployment(db, 'rls', { ...failed, result: 'succeeded' }, agent, BUILD_NOW + HOUR)).toEqual([]);
    expect((await ticket('rls')).releaseDeployments).toEqual([
      { stage: 'test', environment: 'UAT', result: 'failed', at: BUILD_NOW },
      { stage: 'test', environment: 'UAT', result: 'succeeded', at: BUILD_NOW + HOUR },
    ]);
    expect(codes(await recordDeployment(db, 'rls', { ...failed, environment: '  ' }, agent))).toEqual([
      'release_environment_required',
    ]);
    expect(codes(await recordDeployment(db, 'inc', failed, agent))).toEqual(['change_field_type']);
  });

  it('saves the planned and actual windows, each end after its start', async () => {
    const schedule = { plannedStart: BUILD_NOW, plannedEnd: BUILD_NOW + HOUR, actualStart: BUILD_NOW, actualEnd: BUILD_NOW };
    expect(codes(await saveReleaseSchedule(db, 'rls', schedule, agent))).toEqual(['release_actual_order']);
    expect(await saveReleaseSchedule(db, 'rls', { ...schedule, actualEnd: BUILD_NOW + 2 * HOUR }, agent)).toEqual([]);
    expect(await ticket('rls')).toMatchObject({ ...schedule, actualEnd: BUILD_NOW + 2 * HOUR });
  });

  it('drafts the notes in both languages from the changes, and saves them as edited', async () => {
    await bundleChange(db, 'rls', 'chg-s', agent);
    const release = await ticket('rls');
    const hostile = { ...(await ticket('chg-s')), title: 'Patch <script>alert(1)</script>' };
    const draft = releaseNotesDraft(release, [hostile], (id) => (id === 'inc' ? 'INC0000009' : id));
    expect(draft.en).toContain('# Release notes: RLS0000001 Spring release');
    expect(draft.en).toContain('Fixes: INC0000009');
    expect(draft.en).not.toContain('<script>');
    expect(draft.fr).toContain('# Notes de version');
    expect(await saveReleaseNotes(db, 'rls', { en: ` ${draft.en}`, fr: 'Édité' }, agent)).toEqual([]);
    expect((await ticket('rls')).releaseNotes).toEqual({ en: draft.en.trim(), fr: 'Édité' });
  });
});
