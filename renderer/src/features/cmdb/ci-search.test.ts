import { buildConfigItem } from '@shared/cmdb/build-config-item.js';
import { describe, expect, it } from 'vitest';
import { ciFilterFromParams } from './ci-list-url.js';
import { buildCiIndex, EMPTY_CI_FILTER, listCis, LiveCiIndex, pickCis } from './ci-search.js';

const cis = [
  buildConfigItem({
    id: 'srv',
    name: 'GAT-DB-01',
    ciClass: 'server_physical',
    criticality: 'critical',
    attributes: { serialNumber: 'CZ2041XK7Q', manufacturer: 'HPE', model: 'ProLiant DL380' },
  }),
  buildConfigItem({ id: 'svc', name: 'Rémunération des employés', ciClass: 'business_service', criticality: 'critical' }),
  buildConfigItem({
    id: 'site',
    name: 'Centre de données, Gatineau',
    ciClass: 'location_site',
    status: 'planned',
    criticality: 'high',
  }),
  buildConfigItem({
    id: 'ws',
    name: 'Poste 12',
    ciClass: 'workstation',
    attributes: { serialNumber: 'PF3XQ21', os: 'Windows 11' },
  }),
];
const index = buildCiIndex(cis);
const ids = (query: string, filter = EMPTY_CI_FILTER) => listCis(index, query, filter).map((ci) => ci.id);

describe('CI search', () => {
  it('finds a CI by name, ignoring accents and case', () => {
    expect(ids('remuneration')).toEqual(['svc']);
    expect(ids('RÉMUNÉRATION employes')).toEqual(['svc']);
    expect(ids('centre donnees')).toEqual(['site']);
  });

  it('finds a CI by (part of) its serial number or host name', () => {
    expect(ids('cz2041xk7q')).toEqual(['srv']);
    expect(ids('CZ20')).toEqual(['srv']);
    expect(ids('gat-db')).toEqual(['srv']);
  });

  it('looks a serial number, external id or IP address up exactly, without matching its parts elsewhere', () => {
    const more = [
      ...cis,
      buildConfigItem({ id: 'a', name: 'Poste 40', externalId: 'SN-881', attributes: { ipAddress: '10.0.1.5' } }),
      buildConfigItem({ id: 'b', name: 'Poste 41', attributes: { ipAddress: '10.0.5.1' } }),
    ];
    const search = buildCiIndex(more).search;
    expect(search('10.0.1.5')).toEqual(['a']);
    expect(search('sn-881')).toEqual(['a']);
    expect(search('pf3xq21')).toEqual(['ws']);
    // Not a whole value: searched by its words, so both addresses hold 10, 0, 1 and 5.
    expect(search('10.0.1').sort()).toEqual(['a', 'b']);
  });

  it('answers a whole attribute value shared by many CIs in name order, CIs named after it first', () => {
    const fleet = [
      ...Array.from({ length: 30 }, (_, i) =>
        buildConfigItem({ id: `pc-${i}`, name: `Poste ${String(29 - i).padStart(2, '0')}`, attributes: { os: 'Windows 11' } }),
      ),
      buildConfigItem({ id: 'img', name: 'Image Windows 11 standard', ciClass: 'document' }),
      buildConfigItem({ id: 'old', name: 'Poste 99', attributes: { os: 'Windows 10' } }),
    ];
    const found = buildCiIndex(fleet).search('WINDOWS 11');
    expect(found[0]).toBe('img');
    expect(found.slice(1)).toEqual(Array.from({ length: 30 }, (_, i) => `pc-${29 - i}`));
    // A value differs from its words: "windows" alone is searched, and finds every Windows CI.
    expect(buildCiIndex(fleet).search('windows')).toHaveLength(32);
  });

  it('takes only the last word as a prefix and forgives no typo in numbers', () => {
    expect(ids('poste 12')).toEqual(['ws']);
    expect(ids('pos 12')).toEqual([]);
    expect(ids('gatineau')).toEqual(['site']);
    expect(ids('gatinaeu')).toEqual(['site']);
    expect(ids('cz2041xk7r')).toEqual([]);
  });

  it('finds a CI by any attribute value', () => {
    expect(ids('proliant')).toEqual(['srv']);
    expect(ids('windows')).toEqual(['ws']);
  });

  it('lists every CI by name when the query is empty, and nothing for an unknown word', () => {
    expect(ids('')).toEqual(['site', 'srv', 'ws', 'svc']);
    expect(ids('zzzz')).toEqual([]);
  });

  it('filters by class, status and criticality on top of the search', () => {
    expect(ids('', { ...EMPTY_CI_FILTER, criticality: 'critical' })).toEqual(['srv', 'svc']);
    expect(ids('', { ...EMPTY_CI_FILTER, status: 'planned' })).toEqual(['site']);
    expect(ids('', { ...EMPTY_CI_FILTER, ciClass: 'workstation' })).toEqual(['ws']);
    expect(ids('gat', { ...EMPTY_CI_FILTER, ciClass: 'location_site' })).toEqual(['site']);
  });

  it('reads the filters from the address and ignores values that are not the model’s', () => {
    expect(ciFilterFromParams(new URLSearchParams('class=database&status=retired&criticality=low'))).toEqual({
      ciClass: 'database',
      status: 'retired',
      criticality: 'low',
    });
    expect(ciFilterFromParams(new URLSearchParams('class=<script>&status=&criticality=huge'))).toEqual(EMPTY_CI_FILTER);
  });
});

describe('the live CI index', () => {
  it('follows added, renamed and removed CIs without being rebuilt', () => {
    const live = new LiveCiIndex();
    const first = cis.slice(0, 2);
    expect(live.update(first).search('gat')).toEqual(['srv']);
    const renamed = { ...cis[0], name: 'OTT-DB-09', updatedAt: 99 };
    const next = live.update([renamed, cis[1], cis[3]]);
    expect(next.search('gat')).toEqual([]);
    expect(next.search('ott')).toEqual(['srv']);
    expect(next.search('windows')).toEqual(['ws']);
    expect(next.search('')).toEqual(['srv', 'ws', 'svc']);
    expect(live.update([cis[3]]).search('remuneration')).toEqual([]);
  });
});

describe('pickCis', () => {
  it('offers the first matches by name or serial, accents aside, of the classes asked, up to the limit', () => {
    expect(pickCis(index, 'remuneration', 5).map((ci) => ci.id)).toEqual(['svc']);
    expect(pickCis(index, 'cz2041', 5).map((ci) => ci.id)).toEqual(['srv']);
    expect(pickCis(index, '', 2).length).toBe(2);
    expect(pickCis(index, '', 10, ['business_service', 'application']).map((ci) => ci.id)).toEqual(['svc']);
  });
});
