/**
 * Build-time: the service worker that makes the playground work offline after one visit (Workbox, through
 * vite-plugin-pwa). It precaches the whole production build — every lesson chunk, the editor with its
 * TypeScript worker and the SDK's types, the sandbox runtime and the emulator — under the site's base path.
 *
 * `registerType: 'prompt'`: a new deployment installs in the background and waits; the page shows
 * "Updated — reload when ready" (src/ui/tp-site-status.ts) instead of swapping files under a running
 * lesson, and the old precache keeps serving the old chunks until the learner reloads.
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

/** The TypeScript worker (~4.3 MB) is the largest file; Workbox skips files above its 2 MB default. */
const LARGEST_PRECACHED_FILE = 8 * 1024 * 1024;

export function offlinePlugin(): PluginOption {
  return VitePWA({
    registerType: 'prompt',
    // The page registers the worker itself, at idle time (src/site/register-service-worker.ts), so it stays off the
    // critical path and nothing is injected into index.html.
    injectRegister: false,
    manifest: {
      name: 'Claude API Playground',
      short_name: 'Claude Playground',
      description: 'Learn the Claude Messages API with live, editable TypeScript lessons.',
      theme_color: '#b0502c',
      background_color: '#ffffff',
      display: 'standalone',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
    },
    workbox: {
      globPatterns: ['**/*.{js,mjs,css,html,svg,ttf,woff2,json,webmanifest}'],
      maximumFileSizeToCacheInBytes: LARGEST_PRECACHED_FILE,
      // Routes are hash-based (#/lesson), so every navigation is index.html.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
    },
    devOptions: { enabled: false },
  });
}
