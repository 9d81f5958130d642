import { isAppRoute } from '@shared/ipc/channels.js';
import type { NotifyRequest } from '@shared/ipc/channels.js';
import { notifications } from '@mantine/notifications';

function openRoute(route: string): void {
  if (isAppRoute(route)) location.hash = `#${route}`;
}

/**
 * The web build's desk.notify(): an in-page Mantine notification (click it to open the route), plus a system
 * notification through the Web Notifications API when the page is in the background and the user has already
 * granted the permission (never asked for here). The route is the tag, so several tabs show it once.
 */
export function webNotify({ title, body, route }: NotifyRequest): void {
  notifications.show({
    title,
    message: body,
    autoClose: 10_000,
    style: { cursor: 'pointer' },
    'data-testid': 'desk-notification',
    'data-route': route,
    onClick: (event) => {
      if ((event.target as Element | null)?.closest?.('button')) return;
      openRoute(route);
    },
  });
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || document.visibilityState !== 'hidden')
    return;
  try {
    const native = new Notification(title, { body, tag: route });
    native.onclick = () => {
      window.focus();
      openRoute(route);
      native.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the in-page one is shown anyway.
  }
}
