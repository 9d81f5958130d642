import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createNotifier, type NotificationLike, type NotifierDeps } from './notifier.js';

class FakeNotification extends EventEmitter implements NotificationLike {
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    this.shown = true;
  }
}

function setup(supported = true) {
  const created: FakeNotification[] = [];
  const deps: NotifierDeps = {
    isSupported: () => supported,
    create: (options) => {
      const n = new FakeNotification(options);
      created.push(n);
      return n;
    },
    open: vi.fn(),
    onError: vi.fn(),
  };
  return { deps, created };
}

describe('createNotifier', () => {
  it('shows a notification whose click opens its route', () => {
    const { deps, created } = setup();
    const notifier = createNotifier(deps);
    expect(notifier.show({ title: 'Assigned to you', body: 'INC1042 VPN down', route: '/tickets/t-1' })).toBe(true);
    expect(created[0]).toMatchObject({ shown: true, options: { title: 'Assigned to you', body: 'INC1042 VPN down' } });
    expect(notifier.live).toBe(1);
    created[0].emit('click');
    expect(deps.open).toHaveBeenCalledWith('/tickets/t-1');
    expect(notifier.live).toBe(0);
  });

  it('forgets closed and failed notifications', () => {
    const { deps, created } = setup();
    const notifier = createNotifier(deps);
    notifier.show({ title: 'a', body: '', route: '/kb/kb-1' });
    notifier.show({ title: 'b', body: '', route: '/kb' });
    created[0].emit('close');
    created[1].emit('failed');
    expect(notifier.live).toBe(0);
    expect(deps.onError).toHaveBeenCalledOnce();
  });

  it('keeps at most `max` references', () => {
    const { deps } = setup();
    const notifier = createNotifier(deps, 2);
    for (let i = 0; i < 5; i++) notifier.show({ title: `n${i}`, body: '', route: '/tickets' });
    expect(notifier.live).toBe(2);
  });

  it('reports unsupported platforms without creating anything', () => {
    const { deps, created } = setup(false);
    expect(createNotifier(deps).show({ title: 'a', body: '', route: '/tickets' })).toBe(false);
    expect(created).toEqual([]);
  });

  it.each(['https://evil.example/', '/tickets/../admin', 'javascript:alert(1)', '/settings', '#/tickets/1'])(
    'refuses the non-app route %s even past the contract',
    (route) => {
      const { deps, created } = setup();
      expect(() => createNotifier(deps).show({ title: 'a', body: '', route })).toThrow('app route');
      expect(created).toEqual([]);
    },
  );
});
