import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '@shared/ipc/channels.js';
import { createDeskApi, type Invoke, type Listen } from './api.js';

function setup(buffered: Record<string, unknown[]> = {}) {
  const calls: unknown[][] = [];
  const invoke = vi.fn((...args: unknown[]) => {
    calls.push(args);
    return Promise.resolve((args[0] === IPC_CHANNELS.eventsSubscribe ? (buffered[args[1] as string] ?? []) : undefined) as never);
  }) as unknown as Invoke;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const listen: Listen = (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { api: createDeskApi(invoke, listen), calls, emit, listeners };
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createDeskApi', () => {
  it('identifies the desktop shell', () => {
    expect(setup().api.isDesktop).toBe(true);
  });

  it('maps every method onto its contract channel with exactly its parameters', async () => {
    const { api, calls } = setup();
    await api.appInfo();
    await api.secrets.get('session');
    await api.secrets.set('session', 'tok');
    await api.secrets.remove('session');
    await api.log('info', 'hi');
    await api.openExternal('https://example.org/');
    // Extra arguments from page code are dropped, never forwarded.
    await (api.log as (...args: unknown[]) => Promise<void>)('info', 'x', { extra: true });
    const notification = { title: 't', body: 'b', route: '/tickets/1' };
    await api.notify(notification);
    await api.setCounts({ pendingSync: 1, unread: 2 });
    const info = { syncStatus: { pendingSync: 0, lastSyncAt: null, lastError: null }, schemaVersions: { tickets: 1 } };
    await api.exportDiagnostics(info);
    await api.getServerUrl();
    await (api.setServerUrl as (...args: unknown[]) => Promise<unknown>)('https://d.example', 'extra');
    await api.checkServer('https://d.example');
    await api.clearLocalData();
    expect(calls).toEqual([
      [IPC_CHANNELS.appInfo],
      [IPC_CHANNELS.secretGet, 'session'],
      [IPC_CHANNELS.secretSet, 'session', 'tok'],
      [IPC_CHANNELS.secretRemove, 'session'],
      [IPC_CHANNELS.log, 'info', 'hi'],
      [IPC_CHANNELS.openExternal, 'https://example.org/'],
      [IPC_CHANNELS.log, 'info', 'x'],
      [IPC_CHANNELS.notify, notification],
      [IPC_CHANNELS.setCounts, { pendingSync: 1, unread: 2 }],
      [IPC_CHANNELS.exportDiagnostics, info],
      [IPC_CHANNELS.serverGetUrl],
      [IPC_CHANNELS.serverSetUrl, 'https://d.example'],
      [IPC_CHANNELS.serverCheck, 'https://d.example'],
      [IPC_CHANNELS.clearLocalData],
    ]);
  });

  it('delivers buffered events on subscribing, then live ones, with the payload only', async () => {
    const { api, calls, emit } = setup({ 'deep-link:open': [{ kind: 'ticket', number: 'INC1' }] });
    const received: unknown[][] = [];
    const stop = api.onDeepLink((...args: unknown[]) => received.push(args));
    expect(calls).toEqual([[IPC_CHANNELS.eventsSubscribe, 'deep-link:open']]);
    await flush();
    emit('deep-link:open', { kind: 'kb', id: 'kb-1' });
    expect(received).toEqual([[{ kind: 'ticket', number: 'INC1' }], [{ kind: 'kb', id: 'kb-1' }]]);
    stop();
    emit('deep-link:open', { kind: 'kb', id: 'kb-2' });
    expect(received).toHaveLength(2);
  });

  it('wires each subscription to its own event', async () => {
    const { api, emit } = setup();
    const got: unknown[] = [];
    api.onNavigate((route) => got.push(['navigate', route]));
    api.onTrayCommand((command) => got.push(['tray', command]));
    api.onMenuCommand((command) => got.push(['menu', command]));
    await flush();
    emit('app:navigate', '/kb/1');
    emit('tray:command', 'sync-now');
    emit('menu:command', 'new-ticket');
    expect(got).toEqual([
      ['navigate', '/kb/1'],
      ['tray', 'sync-now'],
      ['menu', 'new-ticket'],
    ]);
  });

  it('survives a throwing callback and refuses a missing one', async () => {
    const { api, emit } = setup();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api.onMenuCommand(() => {
      throw new Error('boom');
    });
    await flush();
    expect(() => emit('menu:command', 'go-kb')).not.toThrow();
    expect(error).toHaveBeenCalled();
    expect(() => api.onMenuCommand(undefined as never)).toThrow(TypeError);
    error.mockRestore();
  });

  it('is frozen and exposes no IPC primitives', () => {
    const { api } = setup();
    expect(Object.isFrozen(api) && Object.isFrozen(api.secrets)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'checkServer',
      'clearLocalData',
      'exportDiagnostics',
      'getServerUrl',
      'isDesktop',
      'log',
      'notify',
      'onDeepLink',
      'onMenuCommand',
      'onNavigate',
      'onTrayCommand',
      'openExternal',
      'printToPDF',
      'secrets',
      'setCounts',
      'setServerUrl',
    ]);
  });
});
