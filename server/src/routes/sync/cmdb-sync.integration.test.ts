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
  describe.skipIf(!backend.available)(variantTitle('CMDB sync: who pulls and who changes which CIs', backend), () => {
    const env = useTestServers(backend, { tickets: 10 });
    const tokens: Record<string, string> = {};
    const u = uniqueId('t');
    // The technician's group (grp-field) serves site A; site B belongs to another group.
    const siteA = buildConfigItem({ id: `ci-siteA-${u}`, name: 'Site A', ciClass: 'location_site', ownerGroupId: 'grp-field' });
    const siteB = buildConfigItem({ id: `ci-siteB-${u}`, name: 'Site B', ciClass: 'location_site', ownerGroupId: 'grp-network' });
    const serverA = buildConfigItem({
      id: `ci-srvA-${u}`,
      name: 'SRV-A01',
      ciClass: 'server_physical',
      ownerGroupId: 'grp-network',
      locationId: siteA.id,
      attributes: { serialNumber: 'SN-A01' },
      relations: [{ type: 'hosted_at', targetKind: 'ci', targetId: siteA.id }],
    });
    const serverB = buildConfigItem({
      id: `ci-srvB-${u}`,
      name: 'SRV-B01',
      ciClass: 'server_physical',
      ownerGroupId: 'grp-network',
      locationId: siteB.id,
      attributes: { serialNumber: 'SN-B01' },
    });
    const app = buildConfigItem({
      id: `ci-app-${u}`,
      name: 'Payroll',
      ownerGroupId: 'grp-apps',
      relations: [{ type: 'runs_on', targetKind: 'ci', targetId: serverA.id }],
    });
    const service = buildConfigItem({
      id: `ci-svc-${u}`,
      name: 'Pay employees',
      ciClass: 'business_service',
      ownerGroupId: 'grp-apps',
      relations: [{ type: 'depends_on', targetKind: 'ci', targetId: app.id }],
    });
    const all = [siteA, siteB, serverA, serverB, app, service];

    beforeAll(async () => {
      const { api } = env();
      tokens.admin = (await api.login(DEMO_USERS.admin.email)).accessToken;
      tokens.tech = (await api.login(DEMO_USERS.technician.email)).accessToken;
      tokens.agent = (await api.login(DEMO_USERS.agent.email)).accessToken;
      const cis = all.map((ci) => wire({ ...ci, updatedBy: DEMO_USERS.admin.id, updatedAt: Date.now() }));
      const pushed = await api.push(
        tokens.admin,
        'config_items',
        cis.map((newDocumentState) => ({ newDocumentState })),
      );
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    });

    const pull = async (who: string, collection: string): Promise<Map<string, Doc>> =>
      (await env().api.pullAll(tokens[who], collection, null, 500)).docs;

    it('stores the admin’s CIs with their edges and writes who created each in the history', async () => {
      const cis = await pull('admin', 'config_items');
      expect(cis.get(serverA.id)?.relations).toEqual(serverA.relations);
      expect(cis.get(service.id)?.relations).toEqual(service.relations);
      const history = [...(await pull('admin', 'ci_history')).values()] as unknown as CiHistoryEntry[];
      const created = history.find((h) => h.ciId === serverA.id);
      expect(created).toMatchObject({ kind: 'created', authorId: DEMO_USERS.admin.id });
      expect(created?.changes).toContainEqual({ field: 'relations', from: '', to: `hosted_at ci:${siteA.id}` });
    });

    it('gives a technician exactly their site’s CIs and the services above them, and only their history', async () => {
      const cis = await pull('tech', 'config_items');
      const mine = all.filter((ci) => cis.has(ci.id)).map((ci) => ci.id);
      expect(mine.sort()).toEqual([siteA.id, serverA.id, app.id, service.id].sort());
      const history = [...(await pull('tech', 'ci_history')).values()];
      expect(history.some((h) => h.ciId === serverA.id)).toBe(true);
      expect(history.some((h) => h.ciId === serverB.id || h.ciId === siteB.id)).toBe(false);
      // Agents receive every CI.
      const agent = await pull('agent', 'config_items');
      expect(all.every((ci) => agent.has(ci.id))).toBe(true);
    });

    it('lets a technician change the status of a CI at their site (with history in their name), not its name', async () => {
      const { api } = env();
      const master = (await pull('tech', 'config_items')).get(serverA.id)!;
      const next = { ...master, status: 'under_maintenance', updatedBy: DEMO_USERS.technician.id, updatedAt: Date.now() };
      const ok = await api.push(tokens.tech, 'config_items', [{ assumedMasterState: master, newDocumentState: next }]);
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      const history = [...(await pull('tech', 'ci_history')).values()] as unknown as CiHistoryEntry[];
      expect(history.find((h) => h.ciId === serverA.id && h.authorId === DEMO_USERS.technician.id)?.changes).toEqual([
        { field: 'status', from: 'in_service', to: 'under_maintenance' },
      ]);

      const renamed = { ...next, name: 'Mine now', updatedAt: Date.now() };
      const refused = await api.push(tokens.tech, 'config_items', [{ assumedMasterState: next, newDocumentState: renamed }]);
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body)).toContain('ci_field_forbidden');
      const other = (await pull('admin', 'config_items')).get(serverB.id)!;
      const away = { ...other, status: 'retired', updatedBy: DEMO_USERS.technician.id };
      const notMine = await api.push(tokens.tech, 'config_items', [{ assumedMasterState: other, newDocumentState: away }]);
      expect(notMine.status).toBe(403);
      expect((await pull('admin', 'config_items')).get(serverB.id)?.status).toBe('in_service');
    });

    it('refuses an agent’s new CI with a code, and nothing is stored', async () => {
      const { api } = env();
      const ci = wire(buildConfigItem({ id: `ci-agent-${u}`, updatedBy: DEMO_USERS.agent.id, updatedAt: Date.now() }));
      const response = await api.push(tokens.agent, 'config_items', [{ newDocumentState: ci }]);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ details: [{ documentId: ci.id, code: 'ci_manage_forbidden' }] });
      expect((await pull('admin', 'config_items')).has(ci.id)).toBe(false);
    });

    it('refuses forged history, a CI that breaks its class rules, another person’s name and a far-future time', async () => {
      const { api } = env();
      const forged = {
        id: `cih-${u}`,
        ciId: siteA.id,
        authorId: DEMO_USERS.agent.id,
        occurredAt: 1,
        kind: 'deleted',
        changes: [],
      };
      const history = await api.push(tokens.admin, 'ci_history', [{ newDocumentState: { ...forged, _deleted: false } }]);
      expect(history.status).toBe(403);
      expect(JSON.stringify(history.body)).toContain('ci_history_server_only');

      const base = { updatedBy: DEMO_USERS.admin.id, updatedAt: Date.now() };
      const noSerial = wire(buildConfigItem({ id: `ci-bad-${u}`, ciClass: 'server_physical', ...base }));
      const otherName = wire(buildConfigItem({ id: `ci-name-${u}`, updatedBy: DEMO_USERS.agent.id, updatedAt: Date.now() }));
      const future = wire(
        buildConfigItem({ id: `ci-future-${u}`, updatedBy: DEMO_USERS.admin.id, updatedAt: Date.now() + 86_400_000 }),
      );
      const response = await api.push(
        tokens.admin,
        'config_items',
        [noSerial, otherName, future].map((newDocumentState) => ({ newDocumentState })),
      );
      expect(response.status).toBe(403);
      const codes = (response.body as unknown as { details: { documentId: string; code?: string }[] }).details;
      expect(codes).toContainEqual(expect.objectContaining({ documentId: noSerial.id, code: 'ci_attribute_required' }));
      expect(codes).toContainEqual(expect.objectContaining({ documentId: otherName.id, code: 'ci_updated_by_other' }));
      expect(codes).toContainEqual(expect.objectContaining({ documentId: future.id, code: 'ci_time_in_future' }));
      const stored = await pull('admin', 'config_items');
      expect([noSerial, otherName, future].some((ci) => stored.has(ci.id))).toBe(false);
    });

    it('stores hostile text in a CI name as text', async () => {
      const { api } = env();
      const name = "<img src=x onerror=alert(1)>'); DROP TABLE sync_documents;--";
      const ci = wire(buildConfigItem({ id: `ci-xss-${u}`, name, updatedBy: DEMO_USERS.admin.id, updatedAt: Date.now() }));
      const response = await api.push(tokens.admin, 'config_items', [{ newDocumentState: ci }]);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect((await pull('agent', 'config_items')).get(ci.id)?.name).toBe(name);
    });

    it('accepts a ticket that names existing CIs and defers one that names an unknown CI, with a code', async () => {
      const { api } = env();
      const linked = makeTicket({ ciIds: [serverA.id] });
      const ok = await api.push(tokens.admin, 'tickets', [{ newDocumentState: linked }]);
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      const unknown = makeTicket({ ciIds: [`ci-nowhere-${u}`] });
      const refused = await api.push(tokens.admin, 'tickets', [{ newDocumentState: unknown }]);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ details: [{ documentId: unknown.id, code: 'ticket_ci_unknown', retryable: true }] });
    });

    it('sends a technician a CI moved to their site, with its earlier history, after their checkpoint', async () => {
      const { api } = env();
      const checkpoint = (await api.pullAll(tokens.tech, 'config_items', null, 500)).checkpoint;
      const historyCheckpoint = (await api.pullAll(tokens.tech, 'ci_history', null, 500)).checkpoint;
      const master = (await pull('admin', 'config_items')).get(serverB.id)!;
      const moved = { ...master, locationId: siteA.id, updatedBy: DEMO_USERS.admin.id, updatedAt: Date.now() };
      const push = await api.push(tokens.admin, 'config_items', [{ assumedMasterState: master, newDocumentState: moved }]);
      expect(push.status, JSON.stringify(push.body)).toBe(200);
      expect((await api.pullAll(tokens.tech, 'config_items', checkpoint, 500)).docs.has(serverB.id)).toBe(true);
      const history = [...(await api.pullAll(tokens.tech, 'ci_history', historyCheckpoint, 500)).docs.values()];
      const kinds = history.filter((h) => h.ciId === serverB.id).map((h) => h.kind);
      expect(kinds.sort()).toEqual(['created', 'updated']);
    });
  });
});
