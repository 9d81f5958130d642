import { isAppRoute, type NotifyRequest } from '@shared/ipc/contract.js';

/** The slice of Electron's Notification used here. */
export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

export interface NotifierDeps {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationLike;
  /** A notification was clicked: focus (or recreate) the window and send the route to the renderer. */
  open(route: string): void;
  onError?(message: string): void;
}

export interface Notifier {
  /** False when the platform has no notifications (the renderer may fall back to an in-app toast). */
  show(request: NotifyRequest): boolean;
  /** How many notifications are referenced (for tests). */
  readonly live: number;
}

/**
 * Shows native notifications and routes clicks. Keeps a reference to each live notification: Electron drops
 * the click handler of a garbage-collected one. At most `max` are kept, oldest forgotten first.
 */
export function createNotifier(deps: NotifierDeps, max = 20): Notifier {
  const live = new Set<NotificationLike>();
  return {
    get live() {
      return live.size;
    },
    show({ title, body, route }) {
      if (!isAppRoute(route)) throw new Error('Notification route is not an app route');
      if (!deps.isSupported()) return false;
      const notification = deps.create({ title, body });
      const forget = () => live.delete(notification);
      notification.on('click', () => {
        forget();
        deps.open(route);
      });
      notification.on('close', forget);
      notification.on('failed', () => {
        forget();
        deps.onError?.('A notification could not be shown');
      });
      live.add(notification);
      for (const oldest of live) {
        if (live.size <= max) break;
        live.delete(oldest);
      }
      notification.show();
      return true;
    },
  };
}
