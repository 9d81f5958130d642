import { describe, expect, it } from 'vitest';
import { buildConfigItem } from '../cmdb/build-config-item.js';
import { buildCmdbGraph } from '../cmdb/impact.js';
import { buildChange } from '../testing/build-change.js';
import { BUILD_NOW, buildTicket } from '../testing/build-records.js';
import { suggestCausingChanges } from './caused-incidents.js';
import { generateReleaseNotes } from './release-notes.js';

const HOUR = 3_600_000;

describe('changes that caused incidents', () => {
  const implemented = buildChange({
    id: 'chg-1',
    changePhase: 'review',
    changeOutcome: 'successful',
    implementedAt: BUILD_NOW,
    ciIds: ['ci-srv'],
  });
  const incident = (hours: number, ciIds: string[]) => buildTicket({ createdAt: BUILD_NOW + hours * HOUR, ciIds });

  it('suggests a change implemented within the window on the incident’s CI, nearest first', () => {
    const earlier = { ...implemented, id: 'chg-0', implementedAt: BUILD_NOW - 10 * HOUR };
    expect(
      suggestCausingChanges(incident(5, ['ci-srv']), [earlier, implemented], 72).map((s) => [s.changeId, s.hoursAfter]),
    ).toEqual([
      ['chg-1', 5],
      ['chg-0', 15],
    ]);
    expect(suggestCausingChanges(incident(80, ['ci-srv']), [implemented], 72)).toEqual([]);
    expect(suggestCausingChanges(incident(-1, ['ci-srv']), [implemented], 72)).toEqual([]);
    expect(suggestCausingChanges(incident(5, ['ci-other']), [implemented], 72)).toEqual([]);
    expect(suggestCausingChanges(incident(5, ['ci-srv']), [{ ...implemented, implementedAt: undefined }], 72)).toEqual([]);
  });

  it('follows the CMDB to incidents on what depends on the changed CI', () => {
    const graph = buildCmdbGraph([
      buildConfigItem({ id: 'ci-srv', ciClass: 'server_virtual' }),
      buildConfigItem({ id: 'ci-app', relations: [{ type: 'runs_on', targetKind: 'ci', targetId: 'ci-srv' }] }),
    ]);
    expect(suggestCausingChanges(incident(2, ['ci-app']), [implemented], 72, graph)).toEqual([
      { changeId: 'chg-1', ciIds: ['ci-app'], hoursAfter: 2 },
    ]);
  });
});

describe('release notes', () => {
  const release = buildTicket({ type: 'release', number: 'RLS0000001', title: 'Spring release' });
  const changes = [
    buildChange({ number: 'CHG0000002', title: 'Patch payroll', fixesTicketIds: ['t-9'] }),
    buildChange({
      number: 'CHG0000001',
      title: 'Upgrade <script>alert(1)</script> *now*',
      changePlan: { reason: 'Line one\nline two', implementation: 'x', test: 'y', backout: 'z' },
    }),
  ];

  it('lists the bundled changes in number order with why and what they fix, in each language', () => {
    const en = generateReleaseNotes(release, changes, 'en', (id) => (id === 't-9' ? 'INC0000009' : id));
    expect(en.split('\n').slice(0, 4)).toEqual(['# Release notes: RLS0000001 Spring release', '', '## Changes', '']);
    expect(en.indexOf('CHG0000001')).toBeLessThan(en.indexOf('CHG0000002'));
    expect(en).toContain('  - Fixes: INC0000009');
    expect(en).toContain('  - Why: Line one line two');
    expect(generateReleaseNotes(release, changes, 'fr')).toContain('## Changements');
    expect(generateReleaseNotes(release, [], 'fr')).toContain('Aucun changement');
  });

  it('escapes markup in titles and plans, so hostile text stays text', () => {
    const en = generateReleaseNotes(release, changes, 'en');
    expect(en).not.toContain('<script>');
    expect(en).toContain('\\<script\\>alert\\(1\\)\\</script\\> \\*now\\*');
  });
});
