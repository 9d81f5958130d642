import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Size {
  width: number;
  height: number;
}

/** What userData/window-state.json holds: the normal (unmaximised) bounds and whether the window was maximised. */
export interface WindowState {
  bounds: Rect;
  isMaximized: boolean;
}

/** Where to open the window: x/y omitted means "let the OS centre it". */
export interface RestoredWindow {
  bounds: Size & { x?: number; y?: number };
  isMaximized: boolean;
}

const int = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({
  version: z.literal(1),
  bounds: z.object({ x: int, y: int, width: int.min(1), height: int.min(1) }),
  isMaximized: z.boolean(),
});

export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const { bounds, isMaximized } = stateSchema.parse(JSON.parse(text));
    return { bounds, isMaximized };
  } catch {
    return null;
  }
}

export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify({ version: 1, ...state })}\n`;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));
const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

function fitSize(size: Size, area: Rect | undefined, min: Size): Size {
  if (!area) return { width: size.width, height: size.height };
  return {
    width: Math.min(Math.max(size.width, min.width), area.width),
    height: Math.min(Math.max(size.height, min.height), area.height),
  };
}

/**
 * Restores saved bounds onto the displays present now (`workAreas`, primary first): the window goes back on
 * the display it overlaps most, resized to fit and moved fully inside it. If it overlaps none (a monitor was
 * unplugged), only its size is kept, fitted to the primary display, and the OS centres it.
 */
export function restoreWindowState(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  defaults: { size: Size; min: Size },
): RestoredWindow {
  if (!saved) return { bounds: fitSize(defaults.size, workAreas[0], defaults.min), isMaximized: false };
  const ranked = workAreas.map((area) => ({ area, shared: overlap(saved.bounds, area) })).sort((a, b) => b.shared - a.shared);
  const best = ranked[0]?.shared > 0 ? ranked[0].area : undefined;
  if (!best) return { bounds: fitSize(saved.bounds, workAreas[0], defaults.min), isMaximized: saved.isMaximized };
  const size = fitSize(saved.bounds, best, defaults.min);
  return {
    bounds: {
      ...size,
      x: clamp(saved.bounds.x, best.x, best.x + best.width - size.width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - size.height),
    },
    isMaximized: saved.isMaximized,
  };
}
