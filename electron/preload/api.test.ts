import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '@shared/ipc/channels.js';
import { createDeskApi, type Invoke } from './api.js';

function setup() {
  const calls: unknown[][] = [];
  const invoke = vi.fn((...args: unknown[]) => {
    calls.push(args);
    return Promise.resolve(undefined as never);
  }) as unknown as Invoke;
  return { api: createDeskApi(invoke), calls };
}

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
    expect(calls).toEqual([
      [IPC_CHANNELS.appInfo],
      [IPC_CHANNELS.secretGet, 'session'],
      [IPC_CHANNELS.secretSet, 'session', 'tok'],
      [IPC_CHANNELS.secretRemove, 'session'],
      [IPC_CHANNELS.log, 'info', 'hi'],
      [IPC_CHANNELS.openExternal, 'https://example.org/'],
      [IPC_CHANNELS.log, 'info', 'x'],
    ]);
  });

  it('is frozen and exposes no IPC primitives', () => {
    const { api } = setup();
    expect(Object.isFrozen(api) && Object.isFrozen(api.secrets)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'isDesktop', 'log', 'openExternal', 'secrets']);
  });
});
