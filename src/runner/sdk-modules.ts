/**
 * The SDK module cells import. Every `@anthropic-ai/sdk/…` specifier resolves to one module (cell-kernel.ts):
 * the SDK's main entry plus the exports of the subpath helpers below, which the lessons teach but the main entry
 * does not re-export. The sandbox bundle (vite-plugin.ts) and the Node lesson runner (test/lessons) both build
 * that module from this list. `helpers/zod` is left out: it needs zod, which cells cannot import.
 */
export const SDK_HELPER_MODULES = ['@anthropic-ai/sdk/helpers/json-schema'] as const;
