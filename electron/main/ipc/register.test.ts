import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL_LIST, type IpcHandlers } from './channels.js';
import { registerIpcHandlers, type InvokeEventLike, type IpcMainLike } from './register.js';

type Listener = Parameters<IpcMainLike['handle']>[1];

function setup() {
  const listeners = new Map<string, Listener>();
  const handlers = {
    ...(Object.fromEntries(IPC_CHANNEL_LIST.map((channel) => [channel, vi.fn()])) as unknown as IpcHandlers),
    'app:info': vi.fn(() => ({ version: '1.0.0', platform: 'linux', shell: 'electron' as const })),
    'secret:get': vi.fn(() => Promise.resolve('token')),
    'secret:set': vi.fn(() => Promise.resolve()),
    'secret:remove': vi.fn(() => Promise.resolve()),
    'log:write': vi.fn(),
    'link:open-external': vi.fn(() => Promise.resolve()),
  } satisfies IpcHandlers;
  const onRejected = vi.fn();
  registerIpcHandlers({ handle: (channel, listener) => listeners.set(channel, listener) }, handlers, {
    isTrustedUrl: (url) => url.startsWith('file:///app/'),
    onRejected,
  });
  const appFrame: InvokeEventLike = { senderFrame: { url: 'file:///app/index.html' } };
  const call = (channel: string, event: InvokeEventLike, ...args: unknown[]) =>
    Promise.resolve(listeners.get(channel)!(event, ...args));
  return { listeners, handlers, onRejected, appFrame, call };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels', () => {
    expect([...setup().listeners.keys()].sort()).toEqual([
      'app:info',
      'data:clear-local',
      'diagnostics:export',
      'events:subscribe',
      'link:open-external',
      'log:write',
      'notification:show',
      'report:print-pdf',
      'secret:get',
      'secret:remove',
      'secret:set',
      'server:check',
      'server:get-url',
      'server:set-url',
      'tray:set-counts',
    ]);
  });

  it('passes validated arguments to the handler and returns its result', async () => {
    const { call, appFrame, handlers } = setup();
    await expect(call('secret:get', appFrame, 'session')).resolves.toBe('token');
    expect(handlers['secret:get']).toHaveBeenCalledWith('session');
    await expect(call('app:info', appFrame)).resolves.toMatchObject({ shell: 'electron' });
  });

  it('rejects invalid arguments without calling the handler', async () => {
    const { call, appFrame, handlers, onRejected } = setup();
    await expect(call('secret:set', appFrame, 'session', { evil: true })).rejects.toThrow('Invalid arguments');
    expect(handlers['secret:set']).not.toHaveBeenCalled();
    expect(onRejected).toHaveBeenCalledWith('secret:set', expect.stringContaining('Invalid arguments'));
  });

  it.each<[string, InvokeEventLike]>([
    ['a foreign page', { senderFrame: { url: 'https://evil.example/' } }],
    ['a destroyed frame', { senderFrame: null }],
    ['another local file', { senderFrame: { url: 'file:///tmp/evil.html' } }],
  ])('rejects calls from %s', async (_label, event) => {
    const { call, handlers } = setup();
    await expect(call('secret:get', event, 'session')).rejects.toThrow('Untrusted sender');
    expect(handlers['secret:get']).not.toHaveBeenCalled();
  });

  it('propagates handler failures without reporting them as rejections', async () => {
    const { call, appFrame, handlers, onRejected } = setup();
    vi.mocked(handlers['secret:set']).mockRejectedValueOnce(new Error('unavailable'));
    await expect(call('secret:set', appFrame, 'session', 'x')).rejects.toThrow('unavailable');
    expect(onRejected).not.toHaveBeenCalled();
  });
});
