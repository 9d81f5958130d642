import { servedOverHttp } from './server-url.js';

/**
 * Registers the app-shell service worker so a reload while offline still opens the console (the data is local).
 * Only in production builds served over http(s): never from file:// (Electron) nor the Vite dev server.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !servedOverHttp() || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((err: unknown) => {
    console.warn('Service worker not registered', err);
  });
}
