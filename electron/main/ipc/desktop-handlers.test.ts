import { describe, expect, it, vi } from 'vitest';
import { createSettingsStore } from '../settings/settings-store.js';
import { createServerUrlState } from '../connection/server-url.js';
import { createDesktopHandlers, type DesktopServices } from './desktop.js';
import { createServerHandlers } from './connection.js';

function services(): DesktopServices & { order: string[] } {
  const order: string[] = [];
  return {
    order,
    outbox: { subscribe: vi.fn(() => [{ kind: 'kb', id: 'kb-1' }]) as never },
    notify: vi.fn(),
    setCounts: vi.fn(),
    exportDiagnostics: vi.fn(() => Promise.resolve({ saved: false as const })),
    printToPdf: vi.fn(() => Promise.resolve({ saved: true as const, path: '/tmp/r.pdf' })),
    removeSession: vi.fn(() => Promise.resolve(void order.push('session'))),
    clearStorage: vi.fn(() => Promise.resolve(void order.push('storage'))),
  };
}

describe('desktop handlers', () => {
  it('forward to their services', async () => {
    const s = services();
    const handlers = createDesktopHandlers(s);
    expect(await handlers['events:subscribe']('deep-link:open')).toEqual([{ kind: 'kb', id: 'kb-1' }]);
    await handlers['notification:show']({ title: 't', body: '', route: '/kb' });
    await handlers['tray:set-counts']({ pendingSync: 1, unread: 0 });
    const info = { syncStatus: { pendingSync: 0, lastSyncAt: null, lastError: null }, schemaVersions: {} };
    expect(await handlers['diagnostics:export'](info)).toEqual({ saved: false });
    expect(s.notify).toHaveBeenCalledWith({ title: 't', body: '', route: '/kb' });
    expect(s.setCounts).toHaveBeenCalledWith({ pendingSync: 1, unread: 0 });
    expect(s.exportDiagnostics).toHaveBeenCalledWith(info);
    const request = { fileName: 'report.pdf', landscape: true };
    expect(await handlers['report:print-pdf'](request)).toEqual({ saved: true, path: '/tmp/r.pdf' });
    expect(s.printToPdf).toHaveBeenCalledWith(request);
  });

  it('wipes the session before the local databases', async () => {
    const s = services();
    await createDesktopHandlers(s)['data:clear-local']();
    expect(s.order).toEqual(['session', 'storage']);
  });
});

describe('server handlers', () => {
  function setup() {
    let contents: string | null = null;
    const settings = createSettingsStore({
      readFile: () => Promise.resolve(contents),
      writeFile: (t) => Promise.resolve(void (contents = t)),
    });
    const state = createServerUrlState({ serverUrl: 'http://127.0.0.1:8787', serverUrlFromEnv: false }, settings);
    const check = vi.fn(() => Promise.resolve({ status: 'unreachable' as const, reason: 'timed out' }));
    const onChange = vi.fn();
    return { handlers: createServerHandlers(state, check, onChange), check, onChange };
  }

  it('reads, saves and checks the server URL, reporting changes', async () => {
    const { handlers, check, onChange } = setup();
    expect(await handlers['server:get-url']()).toEqual({ url: 'http://127.0.0.1:8787', source: 'default', savedUrl: null });
    expect(await handlers['server:set-url']('https://desk.example.org/')).toMatchObject({
      url: 'https://desk.example.org',
      source: 'settings',
    });
    expect(onChange).toHaveBeenCalledWith('https://desk.example.org');
    await handlers['server:set-url']('https://desk.example.org');
    expect(onChange).toHaveBeenCalledOnce();
    expect(await handlers['server:check']('https://x.example')).toEqual({ status: 'unreachable', reason: 'timed out' });
    expect(check).toHaveBeenCalledWith('https://x.example');
  });

  it('refuses unsafe URLs with a reason', async () => {
    const { handlers, onChange } = setup();
    await expect(handlers['server:set-url']('javascript:alert(1)')).rejects.toThrow(
      'Server address refused: only http:// and https://',
    );
    expect(onChange).not.toHaveBeenCalled();
  });
});
