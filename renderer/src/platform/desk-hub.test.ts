import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeepLink, DeskApi, MenuCommand, TrayCommand } from '@shared/ipc/channels.js';
import { DeskHub, connectDesk } from './desk-hub.js';
import type { DeskTarget } from './desk-hub.js';

const link: DeepLink = { kind: 'ticket', number: 'INC0001003' };
const target = (handled: MenuCommand[] = []): DeskTarget & { opened: unknown[]; trayed: TrayCommand[] } => {
  const opened: unknown[] = [];
  const trayed: TrayCommand[] = [];
  return { opened, trayed, open: (d) => opened.push(d), menu: (c) => handled.includes(c), tray: (c) => trayed.push(c) };
};

describe('DeskHub', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a link that arrives before sign-in and opens it once the console attaches', () => {
    const hub = new DeskHub(undefined);
    hub.open({ kind: 'link', link });
    expect(hub.waiting).toEqual({ kind: 'link', link });
    const console = target();
    hub.attach(console);
    expect(console.opened).toEqual([{ kind: 'link', link }]);
    expect(hub.waiting).toBeNull();
  });

  it('keeps only the latest destination while signed out', () => {
    const hub = new DeskHub(undefined);
    hub.open({ kind: 'link', link });
    hub.open({ kind: 'route', route: '/kb' });
    const console = target();
    hub.attach(console);
    expect(console.opened).toEqual([{ kind: 'route', route: '/kb' }]);
  });

  it('delivers straight to the attached console, and keeps links again after it detaches (sign-out)', () => {
    const hub = new DeskHub(undefined);
    const console = target();
    const detach = hub.attach(console);
    hub.open({ kind: 'route', route: '/conflicts' });
    expect(console.opened).toHaveLength(1);
    detach();
    hub.open({ kind: 'link', link });
    expect(console.opened).toHaveLength(1);
    expect(hub.waiting).toEqual({ kind: 'link', link });
  });

  it('gives menu commands the console does not handle to the fallbacks', () => {
    const hub = new DeskHub(undefined);
    const fallback = vi.fn();
    hub.setFallbacks({ menu: fallback });
    hub.menu('show-shortcuts');
    hub.attach(target(['go-kb']));
    hub.menu('go-kb');
    hub.menu('show-shortcuts');
    expect(fallback.mock.calls).toEqual([['show-shortcuts'], ['show-shortcuts']]);
  });

  it('sends tray commands to the console; signed out it tells the tray nothing is paused', async () => {
    const setCounts = vi.fn(() => Promise.resolve());
    const hub = new DeskHub(setCounts, 100);
    hub.tray('pause-sync');
    await vi.advanceTimersByTimeAsync(100);
    expect(setCounts).toHaveBeenLastCalledWith({ pendingSync: 0, unread: 0, syncPaused: false });
    const console = target();
    hub.attach(console);
    hub.tray('sync-now');
    expect(console.trayed).toEqual(['sync-now']);
  });

  it('debounces the counts and resets them when the console detaches', async () => {
    const setCounts = vi.fn(() => Promise.resolve());
    const hub = new DeskHub(setCounts, 100);
    const detach = hub.attach(target());
    hub.reportCounts({ pendingSync: 1, unread: 0, syncPaused: false });
    hub.reportCounts({ pendingSync: 2, unread: 1, syncPaused: false });
    await vi.advanceTimersByTimeAsync(100);
    expect(setCounts.mock.calls).toEqual([[{ pendingSync: 2, unread: 1, syncPaused: false }]]);
    detach();
    await vi.advanceTimersByTimeAsync(100);
    expect(setCounts).toHaveBeenLastCalledWith({ pendingSync: 0, unread: 0, syncPaused: false });
  });
});

describe('connectDesk', () => {
  it('subscribes to the events the platform offers and unsubscribes all', () => {
    const unsubscribed: string[] = [];
    const listeners: Record<string, (payload: never) => void> = {};
    const on = (name: string) => (cb: (payload: never) => void) => {
      listeners[name] = cb;
      return () => unsubscribed.push(name);
    };
    const desk = {
      onDeepLink: on('deep-link'),
      onNavigate: on('navigate'),
      onMenuCommand: on('menu'),
      onTrayCommand: on('tray'),
    } as unknown as DeskApi;
    const hub = new DeskHub(undefined);
    const stop = connectDesk(desk, hub);
    listeners['deep-link'](link as never);
    expect(hub.waiting).toEqual({ kind: 'link', link });
    listeners.navigate('/kb' as never);
    expect(hub.waiting).toEqual({ kind: 'route', route: '/kb' });
    stop();
    expect(unsubscribed.sort()).toEqual(['deep-link', 'menu', 'navigate', 'tray']);
  });

  it('does nothing in the web build (no desktop events)', () => {
    const stop = connectDesk({} as DeskApi, new DeskHub(undefined));
    expect(() => stop()).not.toThrow();
  });
});
