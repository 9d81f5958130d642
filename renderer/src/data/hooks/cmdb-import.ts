import { CMDB_IMPORT_PATHS, type CmdbImportReport, type CmdbImportRequest } from '@shared';
import { useMemo } from 'react';
import { useDataNetwork } from '../provider.js';
import { joinUrl, requestJson, SyncHttpError, type RequestContext } from '../replication/http.js';

/** What the server made of a file: its report (dry run, import done), or a refusal with a message and maybe the report. */
export type CmdbImportOutcome =
  | { kind: 'report'; report: CmdbImportReport }
  | { kind: 'refused'; message: string; status: number; report: CmdbImportReport | null };

/** The CMDB import calls, or null while there is no server (signed out, tests). */
export interface CmdbImportApi {
  dryRun(request: CmdbImportRequest): Promise<CmdbImportOutcome>;
  importFiles(request: CmdbImportRequest): Promise<CmdbImportOutcome>;
  /** The CSV export of the CIs or of their relationships, as text. */
  exportCsv(file: 'cis' | 'relations'): Promise<string>;
}

async function send(network: RequestContext, path: string, request: CmdbImportRequest): Promise<CmdbImportOutcome> {
  try {
    const report = await requestJson<CmdbImportReport>(network, path, { method: 'POST', body: JSON.stringify(request) });
    return { kind: 'report', report };
  } catch (err) {
    if (!(err instanceof SyncHttpError)) throw err;
    // A refused import (422) carries the per-row report beside the shared error body.
    const report = (err.body as { report?: CmdbImportReport } | null)?.report ?? null;
    return { kind: 'refused', message: err.message, status: err.status, report };
  }
}

async function fetchCsv(network: RequestContext, path: string): Promise<string> {
  const token = await network.getAccessToken();
  const headers = new Headers({ accept: 'text/csv' });
  if (token) headers.set('authorization', `Bearer ${token}`);
  const res = await network.fetchImpl(joinUrl(network.serverUrl, path), { headers });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    throw new SyncHttpError(body?.message ?? `HTTP ${res.status}`, res.status, null);
  }
  return res.text();
}

/** Dry run, import and export of CMDB CSV files against the server (not replicated: the server writes the CIs). */
export function useCmdbImportApi(): CmdbImportApi | null {
  const network = useDataNetwork();
  return useMemo(
    () =>
      network && {
        dryRun: (request) => send(network, CMDB_IMPORT_PATHS.dryRun, { ...request, validOnly: undefined }),
        importFiles: (request) => send(network, CMDB_IMPORT_PATHS.import, request),
        exportCsv: (file) => fetchCsv(network, file === 'cis' ? CMDB_IMPORT_PATHS.exportCis : CMDB_IMPORT_PATHS.exportRelations),
      },
    [network],
  );
}
