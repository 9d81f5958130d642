import type { CiHistoryEntry, ConfigItem } from '@shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConfigItem } from '../../../../shared/src/cmdb/build-config-item.js';
import { DEMO_USERS } from '../../seed/index.js';
import type { Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeTicket, uniqueId } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

/** A CI as it travels: the tombstone flag instead of the model's `deleted`. */
function wire(ci: ConfigItem): Doc {
  const { deleted, ...fields } = ci;
  return { ...fields, _deleted: deleted };
}

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('CMDB: deleting a CI', backend), () => {
    const env = useTestServers(backend, { tickets: 10 });
    const tokens: Record<string, string> = {};
    const u = uniqueId('del');
    const site = buildConfigItem({ id: `ci-site-${u}`, name: 'Site', ciClass: 'location_site', ownerGroupId: 'grp-field' });
    const server = buildConfigItem({
      id: `ci-srv-${u}`,
      name: 'GAT-SRV-09',
      ciClass: 'server_physical',
      ownerGroupId: 'grp-network',
      locationId: site.id,
      attributes: { serialNumber: 'SN-09' },
      relations: [{ type: 'hosted_at', targetKind: 'ci', targetId: site.id }],
    });
    const app = buildConfigItem({
      id: `ci-app-${u}`,
      name: 'Paie',
      ownerGroupId: 'grp-apps',
      relations: [
        { type: 'runs_on', targetKind: 'ci', targetId: server.id },
        { type: 'used_by', targetKind: 'org', targetId: 'Ville de Gatineau' },
      ],
    });
    const ticket = makeTicket({ ciIds: [server.id] });

    beforeAll(async () => {
      const { api } = env();
      tokens.admin = (await api.login(DEMO_USERS.admin.email)).accessToken;
      tokens.tech = (await api.login(DEMO_USERS.technician.email)).accessToken;
      const cis = [site, server, app].map((ci) => wire({ ...ci, updatedBy: DEMO_USERS.admin.id, updatedAt: Date.now() }));
      const pushed = await api.push(
        tokens.admin,
        'config_items',
        cis.map((newDocumentState) => ({ newDocumentState })),
      );
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
      const linked = await api.push(tokens.admin, 'tickets', [{ newDocumentState: ticket }]);
      expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    });

    const pullAll = async (who: string, collection: string): Promise<Map<string, Doc>> =>
      (await env().api.pullAll(tokens[who], collection, null, 1000)).docs;

    it('refuses an organisation named by spaces, padded or too long, with a code, and stores nothing', async () => {
      const { api } = env();
      const master = (await pullAll('admin', 'config_items')).get(app.id)!;
      for (const targetId of ['   ', ' Ville de Gatineau', 'x'.repeat(41)]) {
        const next = {
          ...master,
          relations: [...(master.relations as ConfigItem['relations']), { type: 'used_by', targetKind: 'org', targetId }],
          updatedBy: DEMO_USERS.admin.id,
          updatedAt: Date.now(),
        };
        const refused = await api.push(tokens.admin, 'config_items', [{ assumedMasterState: master, newDocumentState: next }]);
        expect(refused.status, targetId).toBeGreaterThanOrEqual(400);
        expect(refused.status, targetId).toBeLessThan(500);
      }
      const padded = {
        ...master,
        relations: [{ type: 'used_by', targetKind: 'org', targetId: 'Ville ' }],
        updatedBy: DEMO_USERS.admin.id,
        updatedAt: Date.now(),
      };
      const coded = await api.push(tokens.admin, 'config_items', [{ assumedMasterState: master, newDocumentState: padded }]);
      expect(coded.status).toBe(422);
      expect(coded.body).toMatchObject({ details: [{ documentId: app.id, code: 'ci_relation_target_invalid' }] });
      expect((await pullAll('admin', 'config_items')).get(app.id)?.relations).toEqual(app.relations);
    });

    it('refuses a technician’s deletion of a CI at their site with a code, and nothing changes', async () => {
      const { api } = env();
      const master = (await pullAll('tech', 'config_items')).get(server.id)!;
      const tombstone = { ...master, _deleted: true, updatedBy: DEMO_USERS.technician.id, updatedAt: Date.now() };
      const refused = await api.push(tokens.tech, 'config_items', [{ assumedMasterState: master, newDocumentState: tombstone }]);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ details: [{ documentId: server.id, code: 'ci_manage_forbidden' }] });
      const stored = await pullAll('admin', 'config_items');
      expect(stored.get(server.id)?._deleted).toBe(false);
      expect(stored.get(app.id)?.relations).toEqual(app.relations);
    });

    it('stores an admin’s deletion as a tombstone with its name, removes the edges to it, and records both', async () => {
      const { api } = env();
      const master = (await pullAll('admin', 'config_items')).get(server.id)!;
      // The device that deletes may not hold every CI pointing at it: the server removes those edges itself.
      const tombstone = { ...master, _deleted: true, updatedBy: DEMO_USERS.admin.id, updatedAt: Date.now() };
      const ok = await api.push(tokens.admin, 'config_items', [{ assumedMasterState: master, newDocumentState: tombstone }]);
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);

      const stored = await pullAll('admin', 'config_items');
      expect(stored.get(server.id)).toMatchObject({ _deleted: true, name: 'GAT-SRV-09' });
      // The application keeps its other edges (the organisation using it), in the deleter's name.
      expect(stored.get(app.id)).toMatchObject({
        _deleted: false,
        relations: [{ type: 'used_by', targetKind: 'org', targetId: 'Ville de Gatineau' }],
        updatedBy: DEMO_USERS.admin.id,
      });
      const live = [...stored.values()].filter((doc) => !doc._deleted);
      const dangling = live.filter((doc) =>
        (doc.relations as ConfigItem['relations']).some((r) => r.targetKind === 'ci' && r.targetId === server.id),
      );
      expect(dangling).toEqual([]);

      const history = [...(await pullAll('admin', 'ci_history')).values()] as unknown as CiHistoryEntry[];
      expect(history.find((h) => h.ciId === server.id && h.kind === 'deleted')).toMatchObject({ authorId: DEMO_USERS.admin.id });
      expect(history.find((h) => h.ciId === app.id && h.kind === 'updated')?.changes).toEqual([
        { field: 'relations', from: `runs_on ci:${server.id}`, to: '' },
      ]);

      // The ticket still names the CI (its name is on the tombstone); a new link to it is deferred.
      expect((await pullAll('admin', 'tickets')).get(ticket.id)?.ciIds).toEqual([server.id]);
      const late = makeTicket({ ciIds: [server.id] });
      const deferred = await api.push(tokens.admin, 'tickets', [{ newDocumentState: late }]);
      expect(deferred.status).toBe(422);
      expect(JSON.stringify(deferred.body)).toContain('ticket_ci_unknown');
    });

    it('deleting a site clears the place of the CIs that stood in it', async () => {
      const { api } = env();
      const pc = wire(
        buildConfigItem({
          id: `ci-pc-${u}`,
          ciClass: 'workstation',
          locationId: site.id,
          attributes: { serialNumber: 'PC-1' },
          updatedBy: DEMO_USERS.admin.id,
          updatedAt: Date.now(),
        }),
      );
      expect((await api.push(tokens.admin, 'config_items', [{ newDocumentState: pc }])).status).toBe(200);
      const master = (await pullAll('admin', 'config_items')).get(site.id)!;
      const tombstone = { ...master, _deleted: true, updatedBy: DEMO_USERS.admin.id, updatedAt: Date.now() };
      const ok = await api.push(tokens.admin, 'config_items', [{ assumedMasterState: master, newDocumentState: tombstone }]);
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect((await pullAll('admin', 'config_items')).get(pc.id)).toMatchObject({ locationId: '', _deleted: false });
    });
  });
});
