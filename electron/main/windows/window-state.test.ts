import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce.js';
import { parseWindowState, restoreWindowState, serializeWindowState, type Rect, type WindowState } from './window-state.js';

const defaults = { size: { width: 1280, height: 820 }, min: { width: 900, height: 600 } };
const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };
const state = (bounds: Rect, isMaximized = false): WindowState => ({ bounds, isMaximized });

describe('parseWindowState', () => {
  it('round-trips and rejects anything malformed', () => {
    const saved = state({ x: 10, y: 20, width: 1000, height: 700 }, true);
    expect(parseWindowState(serializeWindowState(saved))).toEqual(saved);
    for (const text of [
      null,
      '',
      '{',
      '{"version":1}',
      '{"version":1,"bounds":{"x":"1","y":0,"width":1,"height":1},"isMaximized":false}',
    ])
      expect(parseWindowState(text)).toBeNull();
    expect(
      parseWindowState(JSON.stringify({ version: 1, bounds: { x: 0, y: 0, width: 1e9, height: 10 }, isMaximized: false })),
    ).toBeNull();
  });
});

describe('restoreWindowState', () => {
  it('uses the default size, centred, the first time', () => {
    expect(restoreWindowState(null, [laptop], defaults)).toEqual({ bounds: { width: 1280, height: 820 }, isMaximized: false });
    expect(restoreWindowState(null, [{ x: 0, y: 0, width: 1024, height: 700 }], defaults).bounds).toEqual({
      width: 1024,
      height: 700,
    });
  });

  it('restores bounds that fit, and the maximised flag', () => {
    expect(
      restoreWindowState(state({ x: 1500, y: 0, width: 1600, height: 1000 }, true), [laptop, rightMonitor], defaults),
    ).toEqual({
      bounds: { x: 1500, y: 0, width: 1600, height: 1000 },
      isMaximized: true,
    });
  });

  it('pulls a window hanging off a display edge back inside it', () => {
    const restored = restoreWindowState(state({ x: 1000, y: 600, width: 1000, height: 700 }), [laptop], defaults);
    expect(restored.bounds).toEqual({ x: 440, y: 175, width: 1000, height: 700 });
  });

  it('shrinks a window larger than its display, but not below the minimum unless the display is smaller', () => {
    expect(restoreWindowState(state({ x: 0, y: 0, width: 5000, height: 3000 }), [laptop], defaults).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 875,
    });
    expect(restoreWindowState(state({ x: 0, y: 0, width: 300, height: 200 }), [laptop], defaults).bounds).toMatchObject({
      width: 900,
      height: 600,
    });
  });

  it('centres on the primary display when the saved display is gone', () => {
    const restored = restoreWindowState(state({ x: 3000, y: 100, width: 2000, height: 1200 }, true), [laptop], defaults);
    expect(restored).toEqual({ bounds: { width: 1440, height: 875 }, isMaximized: true });
  });

  it('picks the display the window overlaps most', () => {
    const restored = restoreWindowState(state({ x: 1300, y: 0, width: 1000, height: 800 }), [laptop, rightMonitor], defaults);
    expect(restored.bounds).toEqual({ x: 1440, y: 0, width: 1000, height: 800 });
  });

  it('survives having no display information', () => {
    expect(restoreWindowState(state({ x: 5, y: 5, width: 1000, height: 700 }), [], defaults).bounds).toEqual({
      width: 1000,
      height: 700,
    });
  });
});

describe('debounce', () => {
  afterEach(() => vi.useRealTimers());

  it('runs once after the last call, and flushes on demand', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const saver = debounce(fn, 500);
    saver.schedule();
    vi.advanceTimersByTime(400);
    saver.schedule();
    vi.advanceTimersByTime(400);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledOnce();
    saver.flush();
    expect(fn).toHaveBeenCalledOnce();
    saver.schedule();
    saver.flush();
    expect(fn).toHaveBeenCalledTimes(2);
    saver.schedule();
    saver.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
