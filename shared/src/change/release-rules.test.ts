import { describe, expect, it } from 'vitest';
import { checkTicketRules } from '../domain/ticket-rules.js';
import { CHANGE_LIMITS } from '../schemas/limits.js';
import { CHANGE_LINKS_MAX } from '../schemas/ticket.js';
import { buildChange } from '../testing/build-change.js';
import { BUILD_NOW, buildTicket } from '../testing/build-records.js';
import { RELEASE_DEPLOYMENTS_MAX, bundleRefusals, checkReleaseRules } from './release-rules.js';

const HOUR = 3_600_000;
const codes = (violations: readonly { code: string }[]) => violations.map((v) => v.code);

describe('release rules', () => {
  const release = buildTicket({ type: 'release', number: 'RLS0000001', title: 'Spring release' });

  it('accepts a release with distinct changes, deployments and an ordered actual window', () => {
    const ok = {
      ...release,
      releaseChangeIds: ['chg-1', 'chg-2'],
      releaseDeployments: [{ stage: 'build' as const, environment: 'CI', result: 'succeeded' as const, at: BUILD_NOW }],
      actualStart: BUILD_NOW,
      actualEnd: BUILD_NOW + HOUR,
    };
    expect(checkReleaseRules(ok)).toEqual([]);
    expect(checkTicketRules(ok, release)).toEqual([]);
  });

  it('refuses a change bundled twice and more changes than the schema allows', () => {
    expect(codes(checkReleaseRules({ ...release, releaseChangeIds: ['chg-1', 'chg-1'] }))).toEqual(['release_change_duplicate']);
    const many = Array.from({ length: CHANGE_LINKS_MAX + 1 }, (_, i) => `chg-${i}`);
    expect(codes(checkTicketRules({ ...release, releaseChangeIds: many }, release))).toContain('release_change_limit');
  });

  it('wants the actual end after the actual start, once both are known', () => {
    expect(codes(checkReleaseRules({ ...release, actualStart: BUILD_NOW, actualEnd: BUILD_NOW }))).toEqual([
      'release_actual_order',
    ]);
    expect(checkReleaseRules({ ...release, actualStart: BUILD_NOW })).toEqual([]);
  });

  it('wants every deployment to name its environment, and the notes and records within the schema', () => {
    const deploy = (environment: string) => ({
      stage: 'deploy' as const,
      environment,
      result: 'planned' as const,
      at: BUILD_NOW,
    });
    expect(codes(checkReleaseRules({ ...release, releaseDeployments: [deploy('  ')] }))).toEqual([
      'release_environment_required',
    ]);
    expect(
      codes(checkReleaseRules({ ...release, releaseDeployments: [deploy('x'.repeat(CHANGE_LIMITS.environment + 1))] })),
    ).toEqual(['too_long']);
    const many = Array.from({ length: RELEASE_DEPLOYMENTS_MAX + 1 }, () => deploy('Prod'));
    expect(codes(checkReleaseRules({ ...release, releaseDeployments: many }))).toEqual(['release_deployment_limit']);
    const long = { en: 'x'.repeat(CHANGE_LIMITS.releaseNotes + 1), fr: '' };
    expect(codes(checkReleaseRules({ ...release, releaseNotes: long }))).toEqual(['too_long']);
  });

  it('leaves other ticket types to their own rules', () => {
    expect(checkReleaseRules(buildChange())).toEqual([]);
  });
});

describe('bundling a change', () => {
  const release = buildTicket({ type: 'release', number: 'RLS0000001', releaseChangeIds: ['chg-in'] });

  it('takes only changes approved or past it', () => {
    for (const phase of ['scheduled', 'implementing', 'review', 'closed'] as const) {
      expect(bundleRefusals(release, buildChange({ changePhase: phase }))).toEqual([]);
    }
    for (const phase of ['draft', 'assessment', 'awaiting_approval', 'cancelled', 'rejected'] as const) {
      expect(codes(bundleRefusals(release, buildChange({ changePhase: phase })))).toEqual(['release_change_not_approved']);
    }
    expect(codes(bundleRefusals(release, buildTicket({ number: 'INC0000001' })))).toEqual(['release_change_not_change']);
  });

  it('refuses a change already bundled and a full release', () => {
    const scheduled = buildChange({ id: 'chg-in', changePhase: 'scheduled' });
    expect(codes(bundleRefusals(release, scheduled))).toEqual(['release_change_duplicate']);
    const full = { ...release, releaseChangeIds: Array.from({ length: CHANGE_LINKS_MAX }, (_, i) => `chg-${i}`) };
    expect(codes(bundleRefusals(full, { ...scheduled, id: 'chg-new' }))).toEqual(['release_change_limit']);
  });
});
