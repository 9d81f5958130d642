import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '@shared/ipc/contract.js';
import { IPC_CHANNEL_LIST, isIpcChannel } from './channels.js';
import { IpcRejectedError, validateIpcArgs } from './validate.js';

const diagnostics = {
  syncStatus: { pendingSync: 1, unread: 0, conflicts: 2, online: true, paused: false, lastSyncAt: 1, lastError: null },
  schemaVersions: { tickets: 1, ticket_events: 0 },
};

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
    expect(validateIpcArgs('events:subscribe', ['deep-link:open'])).toEqual(['deep-link:open']);
    expect(validateIpcArgs('notification:show', [{ title: 'Assigned', body: 'INC1', route: '/tickets/t-1' }])).toHaveLength(1);
    expect(validateIpcArgs('tray:set-counts', [{ pendingSync: 2, unread: 0, syncPaused: true }])).toHaveLength(1);
    expect(validateIpcArgs('diagnostics:export', [diagnostics])).toEqual([diagnostics]);
    expect(validateIpcArgs('server:set-url', [null])).toEqual([null]);
    expect(validateIpcArgs('server:check', ['https://desk.example.org'])).toHaveLength(1);
    expect(validateIpcArgs('data:clear-local', [])).toEqual([]);
    const pdf = { fileName: 'service-desk-report-2026-01-31.pdf', landscape: true };
    expect(validateIpcArgs('report:print-pdf', [pdf])).toEqual([pdf]);
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
    ['events:subscribe', ['ipc:raw']],
    ['events:subscribe', []],
    ['notification:show', [{ title: '', body: 'x', route: '/tickets' }]],
    ['notification:show', [{ title: 'x'.repeat(121), body: '', route: '/tickets' }]],
    ['notification:show', [{ title: 't', body: 'x'.repeat(501), route: '/tickets' }]],
    ['notification:show', [{ title: 't', body: '', route: 'https://evil.example/' }]],
    ['notification:show', [{ title: 't', body: '', route: '/tickets/../../etc' }]],
    ['notification:show', [{ title: 't', body: '', route: '/admin' }]],
    ['notification:show', [{ title: 't', body: '', route: '/tickets/1', icon: '/etc/passwd' }]],
    ['tray:set-counts', [{ pendingSync: -1, unread: 0 }]],
    ['tray:set-counts', [{ pendingSync: 1.5, unread: 0 }]],
    ['tray:set-counts', [{ pendingSync: 1 }]],
    ['diagnostics:export', [{ ...diagnostics, tickets: [{ title: 'secret' }] }]],
    ['diagnostics:export', [{ ...diagnostics, syncStatus: { ...diagnostics.syncStatus, lastTicket: 'x' } }]],
    ['diagnostics:export', [{ ...diagnostics, schemaVersions: { 'a b': 1 } }]],
    ['server:set-url', [42]],
    ['server:set-url', []],
    ['server:check', ['x'.repeat(2049)]],
    ['data:clear-local', [true]],
    ['report:print-pdf', [{ fileName: '../../etc/passwd.pdf', landscape: true }]],
    ['report:print-pdf', [{ fileName: 'report.exe', landscape: true }]],
    ['report:print-pdf', [{ fileName: 'report.pdf' }]],
    ['report:print-pdf', [{ fileName: 'report.pdf', landscape: true, path: '/tmp/x.pdf' }]],
    ['report:print-pdf', []],
  ])('rejects %s with %j', (channel, args) => {
    expect(() => validateIpcArgs(channel as 'app:info', args)).toThrow(IpcRejectedError);
  });

  it('never passes a __proto__ key through', () => {
    const [info] = validateIpcArgs('diagnostics:export', [
      { ...diagnostics, schemaVersions: JSON.parse('{"__proto__": 1, "kb": 2}') as unknown },
    ]);
    expect(Object.getOwnPropertyNames(info.schemaVersions)).toEqual(['kb']);
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
