import { gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import type { DiagnosticsInfo } from '@shared/ipc/contract.js';
import { diagnosticsFileName, exportDiagnostics, MAX_LOG_CHARS, type DiagnosticsDeps } from './export.js';
import { readTar } from './read-tar.test-helper.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const info: DiagnosticsInfo = {
  syncStatus: { pendingSync: 3, unread: 1, lastSyncAt: 1_767_225_600_000, lastError: `HTTP 401 with Bearer ${JWT}` },
  schemaVersions: { tickets: 2, ticket_events: 1 },
};
const versions = {
  app: '0.1.0',
  electron: '45.4.1',
  chrome: '140.0',
  node: '22.20.0',
  os: '6.8.0',
  platform: 'linux',
  arch: 'x64',
};

function setup(overrides: Partial<DiagnosticsDeps> = {}) {
  const written = new Map<string, Buffer>();
  const deps: DiagnosticsDeps = {
    chooseSavePath: vi.fn((name: string) => Promise.resolve(`/home/agent/${name}`)),
    readLogs: () =>
      Promise.resolve([
        { name: 'main.log', content: `[info] started\n[warn] refresh failed for refreshToken=${'Ab1'.repeat(15)}\n` },
        { name: 'renderer.log', content: `[renderer] login {"password":"demo-pass-2026"}\n` },
      ]),
    writeFile: (path, data) => Promise.resolve(void written.set(path, data)),
    versions,
    now: () => new Date('2026-03-04T05:06:07Z'),
    ...overrides,
  };
  return { deps, written };
}

describe('exportDiagnostics', () => {
  it('writes a redacted .tar.gz where the user chose', async () => {
    const { deps, written } = setup();
    const result = await exportDiagnostics(info, deps);
    expect(deps.chooseSavePath).toHaveBeenCalledWith('service-desk-diagnostics-20260304-0506.tar.gz');
    expect(result).toEqual({ saved: true, path: '/home/agent/service-desk-diagnostics-20260304-0506.tar.gz' });
    const files = readTar(gunzipSync(written.get(result.saved ? result.path : '')!));
    expect(files.map((f) => f.name)).toEqual(['README.txt', 'diagnostics.json', 'logs/main.log', 'logs/renderer.log']);
    const all = files.map((f) => f.text).join('\n');
    expect(all).not.toContain(JWT);
    expect(all).not.toContain('demo-pass-2026');
    expect(all).not.toContain('Ab1Ab1Ab1');
    const summary = JSON.parse(files[1].text) as Record<string, unknown>;
    expect(summary).toMatchObject({
      generatedAt: '2026-03-04T05:06:07.000Z',
      versions,
      schemaVersions: { tickets: 2, ticket_events: 1 },
      syncStatus: { pendingSync: 3, unread: 1, lastSyncAt: 1_767_225_600_000, lastError: 'HTTP 401 with Bearer [redacted]' },
    });
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { deps, written } = setup({ chooseSavePath: () => Promise.resolve(null) });
    expect(await exportDiagnostics(info, deps)).toEqual({ saved: false });
    expect(written.size).toBe(0);
  });

  it('keeps only the newest part of large logs, from a line start, and sanitises names', async () => {
    const big = `${'old line\n'.repeat(MAX_LOG_CHARS / 9)}newest line\n`;
    const { deps, written } = setup({ readLogs: () => Promise.resolve([{ name: '../../etc/passwd', content: big }]) });
    await exportDiagnostics(info, deps);
    const files = readTar(gunzipSync([...written.values()][0]));
    expect(files[2].name).toBe('logs/_.._etc_passwd');
    expect(files[2].text.length).toBeLessThanOrEqual(MAX_LOG_CHARS);
    expect(files[2].text.startsWith('old line\n')).toBe(true);
    expect(files[2].text.endsWith('newest line\n')).toBe(true);
    expect(JSON.parse(files[1].text)).toMatchObject({ logs: [{ name: 'logs/_.._etc_passwd', truncated: true }] });
  });

  it('names the file by date and time', () => {
    expect(diagnosticsFileName(new Date('2026-12-31T23:59:59Z'))).toBe('service-desk-diagnostics-20261231-2359.tar.gz');
  });
});
