// The CI list's search at the benchmark's size (see cmdb-bench.ts): realistic names, serial numbers and attribute
// values given to the generated CIs, queries as people type them, and a plain scan as the floor.
import type { CiClass, ConfigItem } from '../../../shared/src/cmdb/ci-model.js';
import { foldText } from '../../../renderer/src/data/queue-index/fold-text.js';
import { buildCiIndex, EMPTY_CI_FILTER, listCis } from '../../../renderer/src/features/cmdb/ci-search.js';

const SITES = ['Gatineau', 'Montréal', 'Québec', 'Genève', 'Lyon', 'Trois-Rivières', 'Sherbrooke', 'Lévis', 'Zürich'];
const WORDS: Partial<Record<CiClass, string[]>> = {
  location_site: ['Centre de données', 'Bureau', 'Entrepôt'],
  network_device: ['Commutateur', 'Routeur', 'Pare-feu', 'Borne Wi-Fi'],
  business_service: ['Rémunération', 'Facturation', 'Messagerie', 'Dossier patient', 'Réservations', 'Téléphonie'],
  technical_service: ['Annuaire', 'Sauvegarde', 'Impression', 'Accès à distance', 'Authentification'],
  application: ['Comptabilité', 'Paie', 'Gestion des congés', 'Intranet', 'Portail client', 'Entrepôt de données'],
  database: ['Base', 'Réplique', 'Entrepôt'],
};
const CODES: Partial<Record<CiClass, string>> = {
  server_physical: 'SRV',
  server_virtual: 'VM',
  database: 'DB',
  network_device: 'SW',
  workstation: 'PC',
};
const VENDORS = ['Dell', 'HPE', 'Lenovo', 'Cisco', 'Fortinet', 'Aruba', 'Microsoft', 'Oracle'];
const MODELS = ['PowerEdge R750', 'ProLiant DL380', 'ThinkPad T14', 'Catalyst 9300', 'FortiGate 200F', 'OptiPlex 7010'];
const OSES = ['Windows 11', 'Windows Server 2022', 'Debian 12', 'Red Hat 9', 'macOS Sonoma'];
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** Gives CI i a name, serial number and attributes like a real inventory's (sites and services in French). */
export function realisticCi(ci: ConfigItem, i: number, rnd: () => number): ConfigItem {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const site = pick(SITES);
  const code = CODES[ci.ciClass];
  const words = WORDS[ci.ciClass];
  const siteCode = foldText(site).slice(0, 3).toUpperCase();
  const name = code ? `${siteCode}-${code}-${String(i).padStart(5, '0')}` : `${pick(words ?? ['Service'])} ${site} ${i}`;
  const serial = Array.from({ length: 10 }, () => ALNUM[Math.floor(rnd() * ALNUM.length)]).join('');
  const attributes: ConfigItem['attributes'] = code
    ? {
        serialNumber: serial,
        manufacturer: pick(VENDORS),
        model: pick(MODELS),
        os: pick(OSES),
        ipAddress: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`,
      }
    : { vendor: pick(VENDORS) };
  return { ...ci, name, attributes, externalId: `EXT-${i}` };
}

/** 2–8 characters of a word of the name (from its start, as people type), sometimes with the next word. */
function nameFragment(ci: ConfigItem, rnd: () => number): string {
  const words = ci.name.split(/[\s,-]+/).filter((w) => w.length >= 2);
  const at = Math.floor(rnd() * words.length);
  const fragment = words[at].slice(0, 2 + Math.floor(rnd() * 7));
  return rnd() < 0.3 && at + 1 < words.length ? `${words[at]} ${words[at + 1].slice(0, 3)}` : fragment;
}

/** Queries as typed in the CI list: name fragments, full serials, attribute values; accents dropped in half. */
export function searchQueries(cis: readonly ConfigItem[], count: number, rnd: () => number): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const ci = cis[Math.floor(rnd() * cis.length)];
    const kind = rnd();
    let q: string;
    if (kind < 0.55) q = nameFragment(ci, rnd);
    else if (kind < 0.75) {
      const serial = ci.attributes.serialNumber;
      if (typeof serial !== 'string') continue;
      q = serial;
    } else {
      const values = Object.entries(ci.attributes)
        .filter(([k]) => k !== 'serialNumber')
        .map(([, v]) => String(v));
      q = values[Math.floor(rnd() * values.length)];
    }
    out.push(rnd() < 0.5 ? q.normalize('NFD').replace(/\p{M}/gu, '') : q);
  }
  return out;
}

export interface SearchTimings {
  search: number[];
  baseline: number[];
  results: number[];
  indexMs: number;
}

/** Times the list's search (index → listCis, as CiListPage runs it) and a lowercase `includes` scan of every CI. */
export function timeSearch(cis: readonly ConfigItem[], queries: readonly string[], warmUps: number): SearchTimings {
  const t0 = performance.now();
  const index = buildCiIndex(cis);
  const indexMs = performance.now() - t0;
  // The floor: one folded string per CI, every query term searched with `includes`.
  const haystacks = cis.map((ci) => foldText(`${ci.name} ${Object.values(ci.attributes).join(' ')}`));
  const scan = (query: string): number => {
    const terms = foldText(query).split(/\s+/).filter(Boolean);
    let found = 0;
    for (const h of haystacks) if (terms.every((t) => h.includes(t))) found++;
    return found;
  };
  const search: number[] = [];
  const baseline: number[] = [];
  const results: number[] = [];
  queries.forEach((q, k) => {
    let t = performance.now();
    const size = listCis(index, q, EMPTY_CI_FILTER).length;
    const searchMs = performance.now() - t;
    t = performance.now();
    scan(q);
    const scanMs = performance.now() - t;
    if (k < warmUps) return;
    search.push(searchMs);
    baseline.push(scanMs);
    results.push(size);
  });
  return { search, baseline, results, indexMs };
}
