/**
 * Registers the service worker built by src/site/pwa-plugin.ts and reports what the page should say.
 * Loaded lazily at idle time by src/ui/tp-site-status.ts (no service worker in `vite dev`).
 */
import { registerSW } from 'virtual:pwa-register';

export interface ServiceWorkerEvents {
  /** A new deployment is installed and waiting; `reload()` activates it and reloads the page. */
  onUpdateReady(reload: () => Promise<void>): void;
  /** Everything is precached: the playground now works with no network. */
  onOfflineReady(): void;
}

/** How often an open page asks the server for a new deployment (besides each load). */
const UPDATE_CHECK_MS = 30 * 60 * 1000;

export function registerServiceWorker(events: ServiceWorkerEvents): void {
  const update = registerSW({
    onNeedRefresh: () => events.onUpdateReady(() => update(true)),
    onOfflineReady: () => events.onOfflineReady(),
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = () => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      };
      setInterval(check, UPDATE_CHECK_MS);
      // A learner coming back to the tab is the natural moment to find a new deployment.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });
}
