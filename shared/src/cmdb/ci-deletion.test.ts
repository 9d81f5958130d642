import { describe, expect, it } from 'vitest';
import { buildConfigItem } from './build-config-item.js';
import { ciReferences, refersTo, relationshipCount, withoutReferencesTo } from './ci-deletion.js';
import { buildCmdbGraph, downstreamImpact, upstreamCauses } from './impact.js';

const site = buildConfigItem({ id: 'site', ciClass: 'location_site' });
const srv = buildConfigItem({
  id: 'srv',
  ciClass: 'server_physical',
  locationId: 'site',
  relations: [{ type: 'hosted_at', targetKind: 'ci', targetId: 'site' }],
});
const app = buildConfigItem({
  id: 'app',
  ciClass: 'application',
  relations: [
    { type: 'runs_on', targetKind: 'ci', targetId: 'srv' },
    { type: 'used_by', targetKind: 'group', targetId: 'srv' },
  ],
});
const svc = buildConfigItem({
  id: 'svc',
  ciClass: 'business_service',
  relations: [
    { type: 'depends_on', targetKind: 'ci', targetId: 'app' },
    { type: 'depends_on', targetKind: 'ci', targetId: 'srv' },
  ],
});
const cis = [site, srv, app, svc];

describe('deleting a CI', () => {
  it('counts its own edges, the edges of other CIs to it and the CIs placed in it', () => {
    const refs = ciReferences(srv, cis);
    expect(refs.outgoing).toBe(1);
    expect(refs.incoming.map((e) => `${e.sourceId}:${e.relation.type}`)).toEqual(['app:runs_on', 'svc:depends_on']);
    expect(ciReferences(site, cis).locatedIn).toEqual(['srv']);
    expect(relationshipCount(refs)).toBe(3);
    // A party whose id happens to equal the CI's is not an edge to it.
    expect(refersTo(app, 'srv')).toBe(true);
    expect(withoutReferencesTo(app, new Set(['srv'])).relations).toEqual([
      { type: 'used_by', targetKind: 'group', targetId: 'srv' },
    ]);
  });

  it('leaves no edge or place naming the deleted CI, and the same CI object when it had none', () => {
    const gone = new Set(['srv']);
    const after = cis.filter((ci) => !gone.has(ci.id)).map((ci) => withoutReferencesTo(ci, gone));
    expect(after.some((ci) => refersTo(ci, 'srv'))).toBe(false);
    expect(withoutReferencesTo(site, gone)).toBe(site);
    expect(withoutReferencesTo(srv, new Set(['site']))).toMatchObject({ locationId: '', relations: [] });
    // Traversals over what remains: the service still depends on the application, nothing reaches the server.
    const graph = buildCmdbGraph(after);
    expect(upstreamCauses(graph, ['svc']).nodes.map((n) => n.id)).toEqual(['svc', 'app']);
    expect(downstreamImpact(graph, ['app']).nodes.map((n) => n.id)).toEqual(['app', 'svc']);
  });
});
