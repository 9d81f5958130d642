import type { DiagnosticsInfo, ExportDiagnosticsResult } from '@shared/ipc/contract.js';
import { redactDiagnostics, redactText } from './redact.js';
import { createTarGz, type TarEntry } from './tar.js';

export interface VersionInfo {
  app: string;
  electron: string;
  chrome: string;
  node: string;
  os: string;
  platform: string;
  arch: string;
}

export interface LogFile {
  /** File name, e.g. `main.log` or `renderer.old.log`. */
  name: string;
  content: string;
}

export interface DiagnosticsDeps {
  /** The save dialog: the chosen path, or null when cancelled. */
  chooseSavePath(defaultName: string): Promise<string | null>;
  readLogs(): Promise<LogFile[]>;
  writeFile(path: string, data: Buffer): Promise<void>;
  versions: VersionInfo;
  now(): Date;
}

/** Only the newest part of each log goes in the bundle. */
export const MAX_LOG_CHARS = 2 * 1024 * 1024;

const README = `Service Desk diagnostics bundle
diagnostics.json: app, Electron, Chromium, Node and OS versions; database schema versions; sync status.
logs/: the newest part of the application logs.
Tokens, passwords and cookies are redacted; ticket and article contents are never included.
`;

export function diagnosticsFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `service-desk-diagnostics-${stamp}.tar.gz`;
}

function tail(content: string): { text: string; truncated: boolean } {
  if (content.length <= MAX_LOG_CHARS) return { text: content, truncated: false };
  const cut = content.slice(-MAX_LOG_CHARS);
  return { text: cut.slice(cut.indexOf('\n') + 1), truncated: true };
}

export function buildDiagnosticsBundle(
  info: DiagnosticsInfo,
  logs: readonly LogFile[],
  versions: VersionInfo,
  now: Date,
): Buffer {
  const files = logs.map((log, index) => {
    const safeName =
      log.name
        .replace(/[^A-Za-z0-9._-]/g, '_')
        .replace(/^\.+/, '')
        .slice(0, 80) || `log-${index}`;
    return { name: `logs/${safeName}`, ...tail(log.content) };
  });
  const summary = redactDiagnostics({
    generatedAt: now.toISOString(),
    versions,
    schemaVersions: info.schemaVersions,
    syncStatus: info.syncStatus,
    logs: files.map((file) => ({ name: file.name, truncated: file.truncated })),
  });
  const entries: TarEntry[] = [
    { name: 'README.txt', data: README },
    { name: 'diagnostics.json', data: `${JSON.stringify(summary, null, 2)}\n` },
    ...files.map((file) => ({ name: file.name, data: redactText(file.text) })),
  ];
  return createTarGz(entries, now);
}

export async function exportDiagnostics(info: DiagnosticsInfo, deps: DiagnosticsDeps): Promise<ExportDiagnosticsResult> {
  const now = deps.now();
  const path = await deps.chooseSavePath(diagnosticsFileName(now));
  if (!path) return { saved: false };
  const bundle = buildDiagnosticsBundle(info, await deps.readLogs(), deps.versions, now);
  await deps.writeFile(path, bundle);
  return { saved: true, path };
}
