/**
 * The `.d.ts` files of the official SDK that cells need, as text, so Monaco can type-check
 * `import Anthropic from '@anthropic-ai/sdk'` and suggest model ids after `model: `.
 *
 * Monaco's TypeScript worker parses every extra lib before its first answer: the whole SDK (362 files,
 * ~3 MB, mostly the beta and admin APIs) made the first completion take ~10–20 s. Only what
 * `index.d.ts` reaches is kept, without the API areas the course does not use; imports of those
 * resolve to nothing, so e.g. `client.beta` is `any` (declaration files are not type-checked).
 * Reached only through cell-extra-libs.ts: a chunk the page imports after an editor is asked for, and
 * the editor's TypeScript worker, which bundles it.
 */
const PACKAGE_ROOT = '/node_modules/@anthropic-ai/sdk/';
const ENTRY = `${PACKAGE_ROOT}index.d.ts`;
/**
 * Subpath modules cells import besides the entry: the structured-output helper lesson 10 teaches. Its result
 * type comes from the json-schema-to-ts package, which is not bundled, so there `parsed_output` is `any`
 * (an unresolved import in a declaration file), while the lesson tests check the cells with the real types.
 */
const EXTRA_ENTRIES = [`${PACKAGE_ROOT}helpers/json-schema.d.ts`];

const files = import.meta.glob<string>(
  [
    '/node_modules/@anthropic-ai/sdk/**/*.d.ts',
    '!/node_modules/@anthropic-ai/sdk/src/**',
    // Not taught here; together ~2.3 MB of declarations.
    '!/node_modules/@anthropic-ai/sdk/resources/beta/**',
    '!/node_modules/@anthropic-ai/sdk/resources/organization/**',
    '!/node_modules/@anthropic-ai/sdk/resources/user-profiles/**',
    '!/node_modules/@anthropic-ai/sdk/resources/skills/**',
    '!/node_modules/@anthropic-ai/sdk/**/*beta*.d.ts',
    '!/node_modules/@anthropic-ai/sdk/**/*Beta*.d.ts',
    '!/node_modules/@anthropic-ai/sdk/**/beta/**',
    // Tool runners, toolsets and agent helpers: not reachable from the entry point (see below).
    '!/node_modules/@anthropic-ai/sdk/tools/**',
    '!/node_modules/@anthropic-ai/sdk/helpers/{beta,zod}/**',
    '!/node_modules/@anthropic-ai/sdk/helpers/{index,zod}.d.ts',
    '!/node_modules/@anthropic-ai/sdk/_vendor/**',
    '!/node_modules/@anthropic-ai/sdk/lib/tools/**',
    '!/node_modules/@anthropic-ai/sdk/lib/environments/**',
    '!/node_modules/@anthropic-ai/sdk/lib/internal/toolsets/**',
    '!/node_modules/@anthropic-ai/sdk/lib/internal/threads/**',
    '!/node_modules/@anthropic-ai/sdk/internal/data/**',
  ],
  { query: '?raw', import: 'default', eager: true },
);

/** Relative module specifiers in a declaration file (`from './x'`, `import('./x')`, `import './x'`). */
const RELATIVE_IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The glob key a relative specifier in `fromPath` resolves to (`x.d.ts` or `x/index.d.ts`), if bundled. */
function resolveDeclaration(fromPath: string, specifier: string): string | undefined {
  const base = new URL(specifier.replace(/\.m?js$/, ''), `file://${fromPath}`).pathname;
  return [`${base}.d.ts`, `${base}/index.d.ts`].find((candidate) => candidate in files);
}

/** The bundled declaration files reachable from the SDK's entry point. */
function reachableFromEntry(): string[] {
  const reached = new Set<string>();
  const pending = [ENTRY, ...EXTRA_ENTRIES];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    const text = files[path];
    if (text === undefined || reached.has(path)) continue;
    reached.add(path);
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolveDeclaration(path, match[1]!);
      if (target && !reached.has(target)) pending.push(target);
    }
  }
  return [...reached];
}

/** `[path inside a virtual node_modules, file text]` pairs. */
export const SDK_TYPINGS: [string, string][] = reachableFromEntry().map((path) => [`file://${path}`, files[path]!]);
