import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildConfigItem } from './build-config-item.js';
import type { ConfigItem } from './ci-model.js';
import {
  CI_CSV_COLUMNS,
  CMDB_IMPORT_LIMITS,
  RELATION_CSV_COLUMNS,
  exportCisCsv,
  exportRelationsCsv,
  importKeyOf,
  parseCmdbImport,
  planCmdbImport,
  type CmdbImportInput,
  type CmdbImportPlan,
} from './ci-csv.js';

const GROUPS = new Set(['grp-apps', 'grp-field', 'grp-network']);
const USERS = new Set(['usr-tech']);

function plan(input: CmdbImportInput, stored: readonly ConfigItem[] = []): CmdbImportPlan {
  let n = 0;
  const parsed = parseCmdbImport(input);
  return planCmdbImport(
    parsed,
    { cis: stored, hasParty: (kind, id) => (kind === 'group' ? GROUPS.has(id) : USERS.has(id)) },
    { actorId: 'usr-admin', now: 1_000, newId: () => `ci-new-${++n}` },
  );
}

/** The CIs a plan would leave in the database, starting from `stored`. */
function apply(stored: readonly ConfigItem[], result: CmdbImportPlan): ConfigItem[] {
  const byId = new Map(stored.map((ci) => [ci.id, ci]));
  for (const ci of result.created) byId.set(ci.id, ci);
  for (const { after } of result.updated) byId.set(after.id, after);
  return [...byId.values()];
}

const CIS = [
  'external_id,name,class,status,criticality,owner_group,location_external_id,serialNumber,cpuCores',
  'SITE-1,Head office,location_site,in_service,high,grp-field,,,',
  'SRV-1,Mail server,server_physical,in_service,critical,grp-network,SITE-1,SN-001,16',
  'APP-1,Webmail,application,in_service,high,grp-apps,,,',
].join('\n');
const RELATIONS = [
  'source_external_id,type,target_kind,target',
  'SRV-1,hosted_at,ci,SITE-1',
  'APP-1,runs_on,ci,SRV-1',
  'APP-1,used_by,user,usr-tech',
].join('\n');

describe('CMDB CSV import', () => {
  it('plans a valid file: creates the CIs with their attributes, location and edges', () => {
    const result = plan({ cis: CIS, relations: RELATIONS });
    expect(result.violations).toEqual([]);
    expect(result.created.map((ci) => ci.externalId)).toEqual(['SITE-1', 'SRV-1', 'APP-1']);
    const server = result.created.find((ci) => ci.externalId === 'SRV-1')!;
    const site = result.created.find((ci) => ci.externalId === 'SITE-1')!;
    const app = result.created.find((ci) => ci.externalId === 'APP-1')!;
    expect(server).toMatchObject({
      name: 'Mail server',
      ciClass: 'server_physical',
      locationId: site.id,
      ownerGroupId: 'grp-network',
      attributes: { serialNumber: 'SN-001', cpuCores: 16 },
      relations: [{ type: 'hosted_at', targetKind: 'ci', targetId: site.id }],
      updatedBy: 'usr-admin',
    });
    expect(app.relations).toEqual([
      { type: 'runs_on', targetKind: 'ci', targetId: server.id },
      { type: 'used_by', targetKind: 'user', targetId: 'usr-tech' },
    ]);
  });

  it('reports every bad row with its line, column and code, and leaves those rows out', () => {
    const cis = [
      'external_id,name,class,status,criticality,owner_group,location_external_id,serialNumber,cpuCores',
      'SRV-1,Mail server,server_physical,in_service,critical,grp-network,,SN-1,16',
      'SRV-2,Db server,mainframe,in_service,critical,grp-network,,SN-2,',
      'SRV-3,,server_physical,in_service,critical,grp-network,,,lots',
      'SRV-1,Mail again,server_physical,in_service,low,grp-nobody,NOWHERE,SN-9,',
      'APP-1,Webmail,application,in_service,high,grp-apps,,,',
      'APP-2,Intranet,application,in_service,high,grp-apps,,SN-0,',
    ].join('\n');
    const relations = [
      'source_external_id,type,target_kind,target',
      'SRV-1,runs_on,ci,GHOST',
      'SRV-1,depends_on,ci,SRV-3',
      'APP-1,runs_on,ci,SRV-1',
      'APP-1,runs_on,ci,SRV-1',
      'APP-1,used_by,ci,SRV-1',
      'APP-1,used_by,group,grp-nobody',
      'APP-1,depends_on,ci,APP-1',
    ].join('\n');
    const result = plan({ cis, relations });
    const found = result.violations.map((v) => [v.file, v.line, v.column, v.code]);
    expect(found).toEqual([
      ['cis', 3, 'class', 'ci_class_unknown'],
      ['cis', 4, 'name', 'ci_name_required'],
      ['cis', 4, 'cpuCores', 'ci_attribute_type'],
      ['cis', 4, 'serialNumber', 'ci_attribute_required'],
      ['cis', 5, 'external_id', 'csv_external_id_duplicate'],
      ['cis', 7, 'serialNumber', 'ci_attribute_unknown'],
      ['relations', 2, 'target', 'csv_relation_target_unknown'],
      ['relations', 3, 'target', 'csv_reference_row_invalid'],
      ['relations', 5, 'target', 'ci_relation_duplicate'],
      ['relations', 6, 'target_kind', 'ci_relation_target_kind'],
      ['relations', 7, 'target', 'csv_relation_target_unknown'],
      ['relations', 8, 'target', 'ci_relation_self'],
    ]);
    expect(result.violations[4].params).toMatchObject({ value: 'SRV-1', other: 2 });
    expect(result.invalidRows).toEqual({ cis: 4, relations: 6 });
    // Only the good rows would be imported (with "valid rows only").
    expect(result.created.map((ci) => ci.externalId)).toEqual(['SRV-1', 'APP-1']);
    expect(result.created[0].relations).toEqual([]);
    expect(result.created[1].relations).toEqual([{ type: 'runs_on', targetKind: 'ci', targetId: result.created[0].id }]);
  });

  it('reports unknown owner groups, locations that are not locations, missing columns and ragged rows', () => {
    const cis = [
      'external_id,name,class,status,criticality,owner_group,location_external_id,colour',
      'WS-1,Laptop,workstation,in_service,low,grp-nobody,APP-1,',
      'APP-1,Webmail,application,in_service,high,grp-apps,,',
      'APP-2,Other,application,in_service',
    ].join('\r\n');
    const result = plan({ cis });
    expect(result.violations.map((v) => [v.line, v.column, v.code])).toEqual([
      [1, 'colour', 'csv_column_unknown'],
      [2, 'owner_group', 'csv_owner_group_unknown'],
      [2, 'serialNumber', 'ci_attribute_required'],
      [2, 'location_external_id', 'csv_location_unknown'],
      [4, '', 'csv_field_count'],
      [4, 'criticality', 'csv_value_required'],
    ]);
    const missing = plan({ relations: 'source_external_id,type\nA,runs_on' });
    expect(missing.violations.map((v) => [v.line, v.column, v.code])).toEqual([
      [1, 'target_kind', 'csv_column_missing'],
      [1, 'target', 'csv_column_missing'],
    ]);
    expect(plan({ cis: '' }).violations.map((v) => v.code)).toEqual(['csv_empty']);
  });

  it('counts lines as the file has them when a quoted cell spans lines', () => {
    const cis = [
      'external_id,name,class,status,criticality,owner_group,location_external_id,description',
      'SVC-1,"Pay\nemployees",business_service,in_service,high,grp-apps,,"two\nlines"',
      'SVC-2,Broken,business_service,sideways,high,grp-apps,,',
    ].join('\n');
    const result = plan({ cis });
    expect(result.violations.map((v) => [v.line, v.code])).toEqual([[5, 'ci_status_unknown']]);
    expect(result.created[0]).toMatchObject({ name: 'Pay\nemployees', attributes: { description: 'two\nlines' } });
  });

  it('refuses a location that names a bad row, and in turn the rows standing in that one', () => {
    const cis = [
      'external_id,name,class,status,criticality,owner_group,location_external_id',
      'ROOM-1,Room 101,location_room,in_service,low,grp-field,BLDG-1',
      'BLDG-1,Tower,location_building,in_service,low,grp-field,SITE-1',
      'SITE-1,Campus,location_site,in_service,low,grp-field,APP-1',
      'APP-1,Webmail,application,in_service,high,grp-apps,',
    ].join('\n');
    const result = plan({ cis });
    expect(result.violations.map((v) => [v.line, v.code, v.params?.other])).toEqual([
      [2, 'csv_reference_row_invalid', 3],
      [3, 'csv_reference_row_invalid', 4],
      [4, 'csv_location_unknown', undefined],
    ]);
    expect(result.created.map((ci) => ci.externalId)).toEqual(['APP-1']);
  });

  it('plans the largest file it accepts quickly', () => {
    const rows = Array.from(
      { length: CMDB_IMPORT_LIMITS.rowsMax - 1 },
      (_, i) => `WS-${i},Workstation ${i},workstation,in_service,low,grp-field,SITE-1,SN-${i}`,
    );
    const cis = [
      'external_id,name,class,status,criticality,owner_group,location_external_id,serialNumber',
      'SITE-1,Campus,location_site,in_service,low,grp-field,,',
      ...rows,
    ].join('\n');
    const relations = ['source_external_id,type,target_kind,target', ...rows.map((_, i) => `WS-${i},hosted_at,ci,SITE-1`)].join(
      '\n',
    );
    const started = performance.now();
    const result = plan({ cis, relations });
    expect(result.violations).toEqual([]);
    expect(result.created).toHaveLength(CMDB_IMPORT_LIMITS.rowsMax);
    // About a second on the 2-core machine; a plan quadratic in the rows takes minutes.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('refuses more rows than the limit', () => {
    const header = 'source_external_id,type,target_kind,target\n';
    const result = plan({ relations: header + 'A,runs_on,ci,B\n'.repeat(CMDB_IMPORT_LIMITS.rowsMax + 1) });
    expect(result.violations.map((v) => v.code)).toEqual(['csv_too_many_rows']);
  });

  it('is idempotent: importing the same files again over what they created changes nothing', () => {
    const first = plan({ cis: CIS, relations: RELATIONS });
    const stored = apply([], first);
    const again = plan({ cis: CIS, relations: RELATIONS }, stored);
    expect(again.violations).toEqual([]);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged.map((ci) => ci.externalId).sort()).toEqual(['APP-1', 'SITE-1', 'SRV-1']);
  });

  it('updates matched CIs in place, keeping attributes the file has no column for and existing edges', () => {
    const site = buildConfigItem({ id: 'ci-site', externalId: 'SITE-1', ciClass: 'location_site', ownerGroupId: 'grp-field' });
    const server = buildConfigItem({
      id: 'ci-srv',
      externalId: 'SRV-1',
      ciClass: 'server_physical',
      ownerGroupId: 'grp-network',
      attributes: { serialNumber: 'OLD', os: 'Linux' },
      relations: [{ type: 'connected_to', targetKind: 'ci', targetId: 'ci-site' }],
    });
    const result = plan(
      {
        cis: 'external_id,name,class,status,criticality,owner_group,location_external_id,serialNumber\nSRV-1,Mail,server_physical,retired,low,grp-network,SITE-1,NEW',
        relations: 'source_external_id,type,target_kind,target\nSRV-1,hosted_at,ci,SITE-1',
      },
      [site, server],
    );
    expect(result.violations).toEqual([]);
    expect(result.created).toEqual([]);
    expect(result.updated).toHaveLength(1);
    expect(result.updated[0].after).toMatchObject({
      id: 'ci-srv',
      status: 'retired',
      locationId: 'ci-site',
      attributes: { serialNumber: 'NEW', os: 'Linux' },
      relations: [
        { type: 'connected_to', targetKind: 'ci', targetId: 'ci-site' },
        { type: 'hosted_at', targetKind: 'ci', targetId: 'ci-site' },
      ],
    });
  });

  it('keeps hostile text as text and escapes spreadsheet formulas on export, both ways', () => {
    const hostile = buildConfigItem({
      id: 'ci-x',
      externalId: 'X-1',
      name: '<script>alert(1)</script>',
      attributes: { vendor: '=HYPERLINK("http://evil")', version: "'1.0" },
    });
    const csv = exportCisCsv([hostile]);
    expect(csv).toContain(`'=HYPERLINK`);
    const result = plan({ cis: csv });
    expect(result.violations).toEqual([]);
    expect(result.created[0]).toMatchObject({ name: '<script>alert(1)</script>', attributes: hostile.attributes });
  });
});

describe('CMDB CSV import of arbitrary text', () => {
  it('never throws, and every problem names a line of the file and a code (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        'SRV-1',
        'SITE-1',
        'application',
        'location_site',
        'in_service',
        'low',
        'grp-apps',
        'ci',
        'runs_on',
        '"',
        '\n',
        ',',
      ),
      fc.string({ maxLength: 8 }),
    );
    const csv = (columns: readonly string[]) =>
      fc
        .array(fc.array(cell, { minLength: 0, maxLength: columns.length + 1 }), { maxLength: 8 })
        .map((rows) => [columns.join(','), ...rows.map((row) => row.join(','))].join('\n'));
    const ciColumns = [...CI_CSV_COLUMNS, 'serialNumber'];
    const relationColumns = RELATION_CSV_COLUMNS;
    fc.assert(
      fc.property(csv(ciColumns), csv(relationColumns), fc.string({ maxLength: 60 }), (cis, relations, noise) => {
        for (const input of [{ cis, relations }, { cis: noise }, { relations: noise }]) {
          const text = [input.cis, input.relations].filter((t) => t !== undefined).join('\n');
          const lines = text.split('\n').length;
          const result = plan(input);
          for (const v of result.violations) {
            expect(v.line).toBeGreaterThanOrEqual(1);
            expect(v.line).toBeLessThanOrEqual(lines);
            expect(v.code).toMatch(/^(csv|ci)_[a-z_]+$/);
          }
          const bad = result.invalidRows.cis + result.invalidRows.relations;
          expect(bad <= result.rows.cis + result.rows.relations).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('CMDB CSV export', () => {
  const site = buildConfigItem({ id: 'ci-site', externalId: 'SITE-1', ciClass: 'location_site', ownerGroupId: 'grp-field' });
  // Made by hand: no external id, so it is exported (and matched again) by its id.
  const server = buildConfigItem({
    id: 'ci-srv',
    externalId: '',
    name: 'Mail, "primary"',
    ciClass: 'server_physical',
    ownerGroupId: 'grp-network',
    locationId: 'ci-site',
    attributes: { serialNumber: 'SN-1', cpuCores: 8 },
    relations: [{ type: 'hosted_at', targetKind: 'ci', targetId: 'ci-site' }],
  });
  const app = buildConfigItem({
    id: 'ci-app',
    externalId: 'APP-1',
    relations: [
      { type: 'runs_on', targetKind: 'ci', targetId: 'ci-srv' },
      { type: 'used_by', targetKind: 'group', targetId: 'grp-apps' },
    ],
  });
  const gone = buildConfigItem({ id: 'ci-gone', externalId: 'GONE', deleted: true });

  it('writes one row per live CI and one per edge, CI targets by their import key', () => {
    const cis = exportCisCsv([site, server, app, gone]);
    expect(cis.split('\r\n')[0]).toBe(
      'external_id,name,class,status,criticality,owner_group,location_external_id,vendor,version,url,licenceCount,serialNumber,manufacturer,model,os,cpuCores,ramGb,ipAddress,address,city,province',
    );
    expect(cis).not.toContain('GONE');
    expect(cis).toContain('ci-srv,"Mail, ""primary""",server_physical,in_service,medium,grp-network,SITE-1');
    expect(exportRelationsCsv([site, server, app])).toBe(
      'source_external_id,type,target_kind,target\r\nAPP-1,runs_on,ci,ci-srv\r\nAPP-1,used_by,group,grp-apps\r\nci-srv,hosted_at,ci,SITE-1\r\n',
    );
  });

  it('round-trips: importing an export over the same CIs changes nothing', () => {
    const stored = [site, server, app];
    const result = plan({ cis: exportCisCsv(stored), relations: exportRelationsCsv(stored) }, stored);
    expect(result.violations).toEqual([]);
    expect(result.created).toEqual([]);
    expect(result.updated).toEqual([]);
    expect(result.unchanged).toHaveLength(3);
  });

  it('round-trips into an empty database: the same CIs under new ids', () => {
    const stored = [site, server, app];
    const result = plan({ cis: exportCisCsv(stored), relations: exportRelationsCsv(stored) });
    expect(result.violations).toEqual([]);
    const created = apply([], result);
    expect(exportCisCsv(created)).toBe(exportCisCsv(stored));
    expect(exportRelationsCsv(created)).toBe(exportRelationsCsv(stored));
    expect(importKeyOf(created.find((ci) => ci.name === 'Mail, "primary"')!)).toBe('ci-srv');
  });

  it('round-trips any text in names and attributes (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.trim() !== ''),
        fc.string({ maxLength: 40 }).filter((s) => s.trim() === s),
        (name, vendor) => {
          const ci = buildConfigItem({ id: 'ci-p', externalId: 'P-1', name, attributes: vendor ? { vendor } : {} });
          const result = plan({ cis: exportCisCsv([ci]) }, [ci]);
          expect(result.violations).toEqual([]);
          expect(result.unchanged).toHaveLength(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
