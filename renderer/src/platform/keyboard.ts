/** The slice of a keyboard event the in-app shortcuts look at. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
}

interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
  closest?(selector: string): unknown;
}

/** True while the user types: inputs, text areas, selects, editable content, and Mantine comboboxes. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as TargetLike | null;
  if (!el || typeof el !== 'object') return false;
  const tag = el.tagName?.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (el.isContentEditable) return true;
  const role = el.getAttribute?.('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox';
}

export type InAppShortcut = 'show-shortcuts' | 'focus-search';

/**
 * The console's own keys (no modifier, never while typing): `?` opens the shortcuts help (the web build; the desktop
 * menu has CmdOrCtrl+/), `/` puts the cursor in the page's search box.
 */
export function inAppShortcut(event: KeyInput, opts: { isDesktop: boolean }): InAppShortcut | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return null;
  if (event.key === '?' && !opts.isDesktop) return 'show-shortcuts';
  if (event.key === '/') return 'focus-search';
  return null;
}

/** `CmdOrCtrl+Alt+N` -> `Ctrl+Alt+N`, or `⌘⌥N` on a Mac. */
export function formatAccelerator(accelerator: string, isMac: boolean): string {
  const parts = accelerator.split('+').map((part) => {
    switch (part) {
      case 'CmdOrCtrl':
      case 'CommandOrControl':
        return isMac ? '⌘' : 'Ctrl';
      case 'Alt':
      case 'Option':
        return isMac ? '⌥' : 'Alt';
      case 'Shift':
        return isMac ? '⇧' : 'Shift';
      default:
        return part;
    }
  });
  return parts.join(isMac ? '' : '+');
}

export function isMacPlatform(platform: string): boolean {
  return /^(darwin|mac)/i.test(platform);
}
