import { defineConfig } from 'vitest/config';
import { lessonsPlugin } from './src/lessons/vite-plugin';
import { sandboxAssetsPlugin } from './src/runner/vite-plugin';
import { sucraseTrimVitePlugin } from './src/runner/sucrase-bundle-trim';
import { monacoCellLibsPlugin } from './src/editor/vite-plugin';
import { offlinePlugin } from './src/site/pwa-plugin';
import { contentSecurityPolicyPlugin } from './src/site/csp-plugin';

// GitHub Pages serves a project site under /<repository>/: the base path comes from BASE_PATH.
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  plugins: [lessonsPlugin(), sandboxAssetsPlugin(), sucraseTrimVitePlugin(), offlinePlugin(), contentSecurityPolicyPlugin()],
  worker: { format: 'es', plugins: () => [monacoCellLibsPlugin()] },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 8000 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
