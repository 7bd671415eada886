import type { Plugin } from 'vite';

/** Placeholder: builds the sandbox worker runtime and the SDK bundle as static assets. */
export function sandboxAssetsPlugin(): Plugin {
  return { name: 'tp-sandbox-assets' };
}
