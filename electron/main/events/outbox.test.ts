import { describe, expect, it, vi } from 'vitest';
import { createEventOutbox, type SendEvent } from './outbox.js';

function setup(max?: number) {
  const sent: unknown[][] = [];
  let windowOpen = true;
  const send = vi.fn((event: string, payload: unknown) => {
    if (windowOpen) sent.push([event, payload]);
    return windowOpen;
  }) as unknown as SendEvent;
  return { outbox: createEventOutbox(send, max), sent, closeWindow: () => (windowOpen = false) };
}

describe('createEventOutbox', () => {
  it('buffers events until the renderer subscribes, then sends directly', () => {
    const { outbox, sent } = setup();
    outbox.emit('deep-link:open', { kind: 'ticket', number: 'INC1' });
    outbox.emit('deep-link:open', { kind: 'kb', id: 'kb-1' });
    expect(sent).toEqual([]);
    expect(outbox.subscribe('deep-link:open')).toEqual([
      { kind: 'ticket', number: 'INC1' },
      { kind: 'kb', id: 'kb-1' },
    ]);
    expect(outbox.subscribe('deep-link:open')).toEqual([]);
    outbox.emit('deep-link:open', { kind: 'ticket', number: 'INC2' });
    expect(sent).toEqual([['deep-link:open', { kind: 'ticket', number: 'INC2' }]]);
  });

  it('keeps each event separate', () => {
    const { outbox, sent } = setup();
    outbox.subscribe('menu:command');
    outbox.emit('menu:command', 'go-kb');
    outbox.emit('app:navigate', '/tickets/t1');
    expect(sent).toEqual([['menu:command', 'go-kb']]);
    expect(outbox.subscribe('app:navigate')).toEqual(['/tickets/t1']);
  });

  it('buffers again after a reload, and when the window is gone', () => {
    const { outbox, sent, closeWindow } = setup();
    outbox.subscribe('tray:command');
    outbox.reset();
    outbox.emit('tray:command', 'sync-now');
    expect(sent).toEqual([]);
    expect(outbox.subscribe('tray:command')).toEqual(['sync-now']);
    closeWindow();
    outbox.emit('tray:command', 'pause-sync');
    expect(outbox.subscribe('tray:command')).toEqual(['pause-sync']);
  });

  it('keeps only the newest payloads', () => {
    const { outbox } = setup(2);
    for (const id of ['a', 'b', 'c']) outbox.emit('deep-link:open', { kind: 'kb', id });
    expect(outbox.subscribe('deep-link:open')).toEqual([
      { kind: 'kb', id: 'b' },
      { kind: 'kb', id: 'c' },
    ]);
  });
});
