import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '@shared/ipc/contract.js';
import { IPC_CHANNEL_LIST, isIpcChannel } from './channels.js';
import { IpcRejectedError, validateIpcArgs } from './validate.js';

describe('validateIpcArgs', () => {
  it('covers every contract channel', () => {
    expect(new Set(IPC_CHANNEL_LIST)).toEqual(new Set(Object.values(IPC_CHANNELS)));
    expect(isIpcChannel('app:info')).toBe(true);
    expect(isIpcChannel('toString')).toBe(false);
    expect(isIpcChannel('__proto__')).toBe(false);
  });

  it('returns the parsed tuple for valid calls', () => {
    expect(validateIpcArgs('app:info', [])).toEqual([]);
    expect(validateIpcArgs('secret:set', ['session', 'token'])).toEqual(['session', 'token']);
    expect(validateIpcArgs('log:write', ['warn', 'hello'])).toEqual(['warn', 'hello']);
    expect(validateIpcArgs('link:open-external', ['https://example.org/'])).toEqual(['https://example.org/']);
  });

  it.each<[string, unknown]>([
    ['app:info', ['extra']],
    ['secret:get', []],
    ['secret:get', ['password']],
    ['secret:get', [{ toString: () => 'session' }]],
    ['secret:set', ['session']],
    ['secret:set', ['session', 42]],
    ['secret:set', ['session', 'x'.repeat(64 * 1024 + 1)]],
    ['secret:set', ['session', 'token', 'extra']],
    ['secret:remove', 'session'],
    ['log:write', ['fatal', 'x']],
    ['log:write', ['info', 'x'.repeat(10_001)]],
    ['link:open-external', ['file:///etc/passwd']],
    ['link:open-external', ['javascript:alert(1)']],
    ['link:open-external', [null]],
    ['app:info', null],
    ['app:info', { length: 0 }],
  ])('rejects %s with %j', (channel, args) => {
    expect(() => validateIpcArgs(channel as 'app:info', args)).toThrow(IpcRejectedError);
  });

  it('rejects unknown channels', () => {
    expect(() => validateIpcArgs('fs:read' as 'app:info', [])).toThrow('Unknown IPC channel');
  });

  it('does not echo rejected values back', () => {
    try {
      validateIpcArgs('secret:set', ['session', 42]);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe('Invalid arguments for secret:set: 1');
    }
  });
});
