import { CI_CLASSES } from '@shared';
import type { CiAttributeSpec, CiHistoryEntry } from '@shared';
import { buildConfigItem } from '@shared/cmdb/build-config-item.js';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { blankDraft, draftOf, editableFields, newCiOf, parseAttribute, patchOf, withClass } from './ci-form.js';
import { historyRows } from './ci-history-rows.js';

const server = buildConfigItem({
  id: 'srv',
  ciClass: 'server_physical',
  ownerGroupId: 'grp-network',
  locationId: 'site-ott',
  attributes: { serialNumber: 'A1', cpuCores: 8 },
});

describe('the CI form', () => {
  it('makes a draft of every class attribute and a patch of only what changed, typed', () => {
    const draft = draftOf(server);
    expect(draft.attributes).toMatchObject({ serialNumber: 'A1', cpuCores: '8', model: '' });
    expect(patchOf(server, draft)).toEqual({});
    const edited = {
      ...draft,
      status: 'under_maintenance' as const,
      attributes: { ...draft.attributes, cpuCores: '16', model: 'R650' },
    };
    expect(patchOf(server, edited)).toEqual({ status: 'under_maintenance', attributes: { cpuCores: 16, model: 'R650' } });
    expect(patchOf(server, { ...draft, attributes: { ...draft.attributes, serialNumber: ' ' } })).toEqual({
      attributes: { serialNumber: null },
    });
  });

  it('makes a new CI of a blank draft: the class attributes typed, the empty ones left out', () => {
    const draft = blankDraft('server_physical', 'grp-network');
    expect(draft).toMatchObject({ name: '', status: 'in_service', ownerGroupId: 'grp-network' });
    expect(Object.keys(draft.attributes)).toContain('serialNumber');
    const typed = { ...draft, name: 'OTT-FS-09', attributes: { ...draft.attributes, serialNumber: 'SN-9', cpuCores: '16' } };
    expect(newCiOf('server_physical', typed)).toEqual({
      name: 'OTT-FS-09',
      ciClass: 'server_physical',
      status: 'in_service',
      criticality: 'medium',
      ownerGroupId: 'grp-network',
      locationId: '',
      attributes: { serialNumber: 'SN-9', cpuCores: 16 },
    });
    // Another class keeps what both classes share and drops the rest.
    const workstation = withClass(typed, 'workstation');
    expect(workstation.attributes).toEqual({ serialNumber: 'SN-9', model: '', os: '', assetTag: '' });
    expect(newCiOf('workstation', workstation).attributes).toEqual({ serialNumber: 'SN-9' });
  });

  it('keeps text typed into a number field as text, so the shared validation names the attribute', () => {
    const count: CiAttributeSpec = { type: 'number', min: 0 };
    expect(parseAttribute(count, '4,5')).toBe(4.5);
    expect(parseAttribute(count, 'many')).toBe('many');
    expect(parseAttribute(count, '')).toBeNull();
  });

  it('offers a technician on site only status, location, serial number and asset tag; an admin everything', () => {
    const sites = { siteIds: ['site-ott'] };
    const tech = { id: 'u', role: 'technician' as const, groupIds: ['grp-field'] };
    expect([...editableFields(tech, server, sites)].sort()).toEqual(['attributes.serialNumber', 'locationId', 'status']);
    expect(editableFields(tech, server, { siteIds: [] }).size).toBe(0);
    const admin = { id: 'a', role: 'admin' as const, groupIds: [] };
    expect(editableFields(admin, server, sites).has('name')).toBe(true);
    expect(editableFields({ id: 'g', role: 'agent' as const, groupIds: [] }, server, sites).size).toBe(0);
  });
});

describe('CMDB labels', () => {
  it('name every class attribute and every listed value in English and French', () => {
    const specs = Object.values(CI_CLASSES).flatMap((c: Readonly<Record<string, CiAttributeSpec>>) => Object.entries(c));
    for (const [key, spec] of specs) {
      expect(en.cmdb.attributes, key).toHaveProperty(key);
      expect(fr.cmdb.attributes, key).toHaveProperty(key);
      for (const value of spec.values ?? []) {
        expect(en.cmdb.values, value).toHaveProperty(value);
        expect(fr.cmdb.values, value).toHaveProperty(value);
      }
    }
  });
});

describe('CI history rows', () => {
  const entry = (id: string, occurredAt: number, changes: CiHistoryEntry['changes']): CiHistoryEntry => ({
    id,
    ciId: 'srv',
    authorId: 'usr-tech',
    occurredAt,
    kind: 'updated',
    changes,
  });
  const names = {
    user: (id: string) => (id === 'usr-tech' ? 'Théo Tremblay' : undefined),
    group: (id: string) => (id === 'grp-field' ? 'Field Services' : undefined),
    ci: (id: string) => (id === 'site-ott' ? 'Ottawa' : undefined),
    value: (field: string, value: string) => (field === 'status' && value === 'in_service' ? 'In service' : undefined),
  };

  it('shows the newest first, with names instead of ids and translated values', () => {
    const rows = historyRows(
      [
        entry('h1', 1, [{ field: 'status', from: '', to: 'in_service' }]),
        entry('h2', 2, [
          { field: 'locationId', from: '', to: 'site-ott' },
          { field: 'relations', from: '', to: 'hosted_at ci:site-ott' },
          { field: 'ownerGroupId', from: 'grp-x', to: 'grp-field' },
        ]),
      ],
      names,
    );
    expect(rows.map((r) => r.id)).toEqual(['h2', 'h1']);
    expect(rows[0].authorName).toBe('Théo Tremblay');
    expect(rows[0].changes.map((c) => c.to)).toEqual(['Ottawa', 'hosted_at Ottawa', 'Field Services']);
    expect(rows[0].changes[2].from).toBe('grp-x');
    expect(rows[1].changes[0].to).toBe('In service');
  });
});
