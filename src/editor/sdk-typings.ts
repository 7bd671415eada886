/**
 * The `.d.ts` files of the official SDK, as text, so Monaco can type-check
 * `import Anthropic from '@anthropic-ai/sdk'` and suggest model ids after `model: `.
 * This module is large and only ever imported dynamically, after an editor is open.
 */
const files = import.meta.glob<string>(
  ['/node_modules/@anthropic-ai/sdk/**/*.d.ts', '!/node_modules/@anthropic-ai/sdk/src/**'],
  { query: '?raw', import: 'default', eager: true },
);

/** `[path inside a virtual node_modules, file text]` pairs. */
export const SDK_TYPINGS: [string, string][] = Object.entries(files).map(([path, text]) => [
  `file://${path}`,
  text,
]);
