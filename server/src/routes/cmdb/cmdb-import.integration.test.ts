import { CMDB_IMPORT_LIMITS, CMDB_IMPORT_PATHS, type CiHistoryEntry, type CmdbImportReport } from '@shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { uniqueId } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

type Refusal = { message: string; report?: CmdbImportReport; details?: { code?: string }[] };

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('CMDB CSV import and export', backend), () => {
    const env = useTestServers(backend);
    const tokens: Record<string, string> = {};
    const u = uniqueId('imp');
    const header = 'external_id,name,class,status,criticality,owner_group,location_external_id,serialNumber,version';
    // The site belongs to the technician's group (grp-field): its server and the application on it reach their devices.
    const goodRows = [
      `SITE-${u},Field office,location_site,in_service,high,grp-field,,,`,
      `SRV-${u},<script>alert('srv')</script>,server_physical,in_service,critical,grp-network,SITE-${u},SN-${u},`,
      `APP-${u},Payroll,application,in_service,high,grp-apps,,,2.1`,
    ];
    const relations = [
      'source_external_id,type,target_kind,target',
      `SRV-${u},hosted_at,ci,SITE-${u}`,
      `APP-${u},runs_on,ci,SRV-${u}`,
      `APP-${u},used_by,group,grp-field`,
    ].join('\n');
    const fixed = [header, ...goodRows].join('\n');
    // Two bad rows: an unknown class (line 3) and a server without its required serial number (line 5).
    const broken = [
      header,
      goodRows[0],
      `SRV-${u},Mail server,mainframe,in_service,critical,grp-network,SITE-${u},SN-${u},`,
      goodRows[2],
      `WS-${u},Laptop,workstation,in_service,low,grp-field,SITE-${u},,`,
    ].join('\n');
    const keys = [`SITE-${u}`, `SRV-${u}`, `APP-${u}`, `WS-${u}`];

    beforeAll(async () => {
      const { api } = env();
      tokens.admin = (await api.login(DEMO_USERS.admin.email)).accessToken;
      tokens.tech = (await api.login(DEMO_USERS.technician.email)).accessToken;
      tokens.agent = (await api.login(DEMO_USERS.agent.email)).accessToken;
      tokens.supervisor = (await api.login(DEMO_USERS.supervisor.email)).accessToken;
    });

    const post = <T>(path: string, who: string, body: object) => env().api.request<T>('POST', path, { token: tokens[who], body });
    const pullFrom = async (who: string, collection: string, from: number | null = null) =>
      env().api.pullAll(tokens[who], collection, from, 500);
    const imported = async () =>
      [...(await pullFrom('admin', 'config_items')).docs.values()].filter((d) => keys.includes(String(d.externalId)));

    it('refuses technicians: no dry run, no import, no export', async () => {
      expect((await post(CMDB_IMPORT_PATHS.dryRun, 'tech', { cis: fixed })).status).toBe(403);
      const refused = await post<Refusal>(CMDB_IMPORT_PATHS.import, 'tech', { cis: fixed, relations });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/configuration managers and administrators/);
      expect((await post(CMDB_IMPORT_PATHS.import, 'agent', { cis: fixed })).status).toBe(403);
      const csv = await fetch(`${env().server.url}${CMDB_IMPORT_PATHS.exportCis}`, {
        headers: { authorization: `Bearer ${tokens.tech}` },
      });
      expect(csv.status).toBe(403);
      expect(await imported()).toEqual([]);
    });

    it('reports both bad rows of a file in the dry run, and the import writes nothing', async () => {
      const { checkpoint } = await pullFrom('admin', 'config_items');
      const history = (await pullFrom('admin', 'ci_history')).checkpoint;
      const dry = await post<CmdbImportReport>(CMDB_IMPORT_PATHS.dryRun, 'admin', { cis: broken, relations });
      expect(dry.status).toBe(200);
      expect(dry.body.valid).toBe(false);
      const cells = dry.body.violations.map((v) => [v.file, v.line, v.column, v.code]);
      expect(cells).toContainEqual(['cis', 3, 'class', 'ci_class_unknown']);
      expect(cells).toContainEqual(['cis', 5, 'serialNumber', 'ci_attribute_required']);
      expect(dry.body.invalidRows.cis).toBe(2);

      const refused = await post<Refusal>(CMDB_IMPORT_PATHS.import, 'admin', { cis: broken, relations });
      expect(refused.status).toBe(422);
      expect(refused.body.message).toMatch(/Nothing was imported/);
      expect(refused.body.report?.violations.map((v) => v.line)).toEqual(expect.arrayContaining([3, 5]));
      // Not a CI, not a history entry, not even a sequence number.
      expect((await pullFrom('admin', 'config_items', checkpoint)).docs.size).toBe(0);
      expect((await pullFrom('admin', 'ci_history', history)).docs.size).toBe(0);
    });

    it('imports the corrected file in one go, hostile text stored as text', async () => {
      const dry = await post<CmdbImportReport>(CMDB_IMPORT_PATHS.dryRun, 'admin', { cis: fixed, relations });
      expect(dry.body).toMatchObject({ valid: true, written: false, created: 3, updated: 0, unchanged: 0 });
      const done = await post<CmdbImportReport>(CMDB_IMPORT_PATHS.import, 'admin', { cis: fixed, relations });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body).toMatchObject({ valid: true, written: true, created: 3 });
      const cis = await imported();
      expect(cis).toHaveLength(3);
      const server = cis.find((d) => d.externalId === `SRV-${u}`)!;
      const site = cis.find((d) => d.externalId === `SITE-${u}`)!;
      expect(server).toMatchObject({
        name: "<script>alert('srv')</script>",
        locationId: site.id,
        updatedBy: DEMO_USERS.admin.id,
        relations: [{ type: 'hosted_at', targetKind: 'ci', targetId: site.id }],
      });
      const history = [...(await pullFrom('admin', 'ci_history')).docs.values()] as unknown as CiHistoryEntry[];
      expect(history.filter((h) => cis.some((ci) => ci.id === h.ciId))).toHaveLength(3);
      expect(history.find((h) => h.ciId === server.id)).toMatchObject({ kind: 'created', authorId: DEMO_USERS.admin.id });
    });

    it('changes nothing when the same files are imported again: no new sequence number, no history', async () => {
      const { checkpoint } = await pullFrom('admin', 'config_items');
      const history = (await pullFrom('admin', 'ci_history')).checkpoint;
      const again = await post<CmdbImportReport>(CMDB_IMPORT_PATHS.import, 'admin', { cis: fixed, relations });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect((await pullFrom('admin', 'config_items', checkpoint)).docs.size).toBe(0);
      expect((await pullFrom('admin', 'ci_history', history)).docs.size).toBe(0);
    });

    it('sends the imported CIs of a technician’s site down to their device, with their history', async () => {
      const cis = (await pullFrom('tech', 'config_items')).docs;
      const mine = [...cis.values()].filter((d) => keys.includes(String(d.externalId))).map((d) => d.externalId);
      expect(mine.sort()).toEqual([`APP-${u}`, `SITE-${u}`, `SRV-${u}`].sort());
      const history = [...(await pullFrom('tech', 'ci_history')).docs.values()] as unknown as CiHistoryEntry[];
      const ids = [...cis.values()].filter((d) => keys.includes(String(d.externalId))).map((d) => d.id);
      expect(new Set(history.filter((h) => ids.includes(h.ciId)).map((h) => h.ciId)).size).toBe(3);
    });

    it('imports only the valid rows when asked, and writes an update with its history', async () => {
      const rows = [
        header,
        `SRV-${u},Mail server,server_physical,under_maintenance,critical,grp-network,SITE-${u},SN-${u},`,
        `WS-${u},Laptop,workstation,in_service,low,grp-field,SITE-${u},,`,
      ].join('\n');
      const done = await post<CmdbImportReport>(CMDB_IMPORT_PATHS.import, 'admin', { cis: rows, validOnly: true });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body).toMatchObject({ valid: false, written: true, created: 0, updated: 1 });
      expect(done.body.violations.map((v) => [v.line, v.code])).toEqual([[3, 'ci_attribute_required']]);
      const server = (await imported()).find((d) => d.externalId === `SRV-${u}`)!;
      expect(server).toMatchObject({ name: 'Mail server', status: 'under_maintenance' });
      expect((await imported()).some((d) => d.externalId === `WS-${u}`)).toBe(false);
      const history = [...(await pullFrom('admin', 'ci_history')).docs.values()] as unknown as CiHistoryEntry[];
      expect(history.find((h) => h.ciId === server.id && h.kind === 'updated')?.changes).toContainEqual({
        field: 'status',
        from: 'in_service',
        to: 'under_maintenance',
      });
    });

    it('exports CSV that imports back without a change', async () => {
      const get = (path: string) => fetch(`${env().server.url}${path}`, { headers: { authorization: `Bearer ${tokens.agent}` } });
      const cisCsv = await get(CMDB_IMPORT_PATHS.exportCis);
      expect(cisCsv.status).toBe(200);
      expect(cisCsv.headers.get('content-type')).toMatch(/^text\/csv/);
      const cisText = await cisCsv.text();
      expect(cisText).toContain(`SRV-${u},Mail server,server_physical`);
      const relationsText = await (await get(CMDB_IMPORT_PATHS.exportRelations)).text();
      expect(relationsText).toContain(`APP-${u},runs_on,ci,SRV-${u}`);
      const back = await post<CmdbImportReport>(CMDB_IMPORT_PATHS.dryRun, 'admin', {
        cis: cisText,
        relations: relationsText,
      });
      expect(back.body.violations).toEqual([]);
      expect(back.body).toMatchObject({ created: 0, updated: 0 });
    });

    it('creates each CI once when the same new file is imported twice at the same time', async () => {
      const v = uniqueId('par');
      const file = [
        header,
        `PAR-1-${v},One,application,in_service,low,grp-apps,,,`,
        `PAR-2-${v},Two,application,in_service,low,grp-apps,,,`,
      ].join('\n');
      const [a, b] = await Promise.all([
        post<CmdbImportReport>(CMDB_IMPORT_PATHS.import, 'admin', { cis: file }),
        post<CmdbImportReport>(CMDB_IMPORT_PATHS.import, 'supervisor', { cis: file }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.created + b.body.created).toBe(2);
      const docs = [...(await pullFrom('admin', 'config_items')).docs.values()];
      expect(docs.filter((d) => String(d.externalId).endsWith(`-${v}`))).toHaveLength(2);
    });

    it('answers a file over the limit with 413 naming the limit, and a request without files with 400', async () => {
      const huge = header + '\n' + 'x'.repeat(CMDB_IMPORT_LIMITS.fileBytes);
      const tooBig = await post<Refusal>(CMDB_IMPORT_PATHS.dryRun, 'admin', { cis: huge });
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.message).toContain(`${CMDB_IMPORT_LIMITS.fileBytes / 1024 / 1024} MB`);
      // A body too large to read at all is refused before it is parsed, with the same limit named.
      const rawBody = JSON.stringify({ cis: 'x'.repeat(4 * CMDB_IMPORT_LIMITS.fileBytes + 100_000) });
      const unread = await env().api.request<Refusal>('POST', CMDB_IMPORT_PATHS.import, { token: tokens.admin, rawBody });
      expect(unread.status).toBe(413);
      expect(unread.body.message).toContain(`at most ${CMDB_IMPORT_LIMITS.fileBytes / 1024 / 1024} MB`);
      const empty = await post<Refusal>(CMDB_IMPORT_PATHS.import, 'admin', {});
      expect(empty.status).toBe(400);
      expect(empty.body.message).toMatch(/Send a CI file/);
      const wrong = await post<Refusal>(CMDB_IMPORT_PATHS.import, 'admin', { cis: 42 });
      expect(wrong.status).toBe(400);
    });
  });
});
