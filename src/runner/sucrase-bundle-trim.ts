import { readFile } from 'node:fs/promises';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

/**
 * Sucrase modules the playground never reaches: it calls `transform` with exactly
 * `{ transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true }`
 * (strip-types.ts) and the parser without JSX or Flow. Their code is more than a third of sucrase;
 * the sandbox runtime is downloaded before a learner runs anything, so bundles replace them with
 * stubs that throw if ever called (a test compiles every lesson cell through the trimmed bundle).
 * Paths are of sucrase 3.35's ES module build.
 */
const UNUSED_MODULE =
  /[\\/]sucrase[\\/]dist[\\/]esm[\\/](CJSImportProcessor|computeSourceMap|Options|Options-gen-types|util[\\/]formatTokens|transformers[\\/](CJSImportTransformer|FlowTransformer|JestHoistTransformer|JSXTransformer|NumericSeparatorTransformer|OptionalCatchBindingTransformer|OptionalChainingNullishTransformer|ReactDisplayNameTransformer|ReactHotLoaderTransformer)|parser[\\/]plugins[\\/](flow|jsx[\\/]index))\.js$/;

/** The source code imports sucrase's CommonJS paths (what Node loads); bundles use the ES module twins. */
const COMMONJS_DEEP_IMPORT = /^sucrase\/dist\/(?!esm\/|types\/)(.+)$/;

/** Exports of stubbed modules that code we do run still calls. */
const KEPT_EXPORTS: Record<string, string> = {
  // `transform` validates its options on every call: ours are fixed, so validation is a no-op.
  validateOptions: 'export function validateOptions() {}',
  // JSXTransformer's helper, imported by the identifier scan the TypeScript transform runs.
  startsWithLowerCase: 'export function startsWithLowerCase(s) { const c = s.charCodeAt(0); return c >= 97 && c <= 122; }',
};

/** An ES module with the same export names as `source`, each a function that throws. */
export function sucraseStubSource(modulePath: string, source: string): string {
  const label = modulePath.replace(/^.*[\\/]dist[\\/]esm[\\/]/, '').replace(/\\/g, '/');
  const names = new Set([...source.matchAll(/^export (?:async )?(?:function\*?|const|let|var|class) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!));
  const lines = [`function unavailable() { throw new Error("sucrase's ${label} is not part of the playground's bundle"); }`];
  for (const name of names) {
    lines.push(KEPT_EXPORTS[name] ?? `export const ${name} = unavailable;`);
  }
  if (/^export default /m.test(source)) lines.push('export default unavailable;');
  return lines.join('\n');
}

/** For the sandbox runtime's esbuild bundle. */
export function sucraseTrimEsbuildPlugin(): EsbuildPlugin {
  return {
    name: 'tp-sucrase-trim',
    setup(build) {
      // esbuild filters are Go regular expressions (no lookahead): narrow down in the callback.
      build.onResolve({ filter: /^sucrase\/dist\// }, (args) => {
        const rest = COMMONJS_DEEP_IMPORT.exec(args.path)?.[1];
        if (rest === undefined) return undefined;
        return build.resolve(`sucrase/dist/esm/${rest}`, { kind: args.kind, resolveDir: args.resolveDir });
      });
      build.onLoad({ filter: UNUSED_MODULE }, async (args) => ({
        contents: sucraseStubSource(args.path, await readFile(args.path, 'utf8')),
        loader: 'js',
      }));
    },
  };
}

/** For the page's production bundle (the lazily loaded declaration scan). Dev and tests use sucrase as is. */
export function sucraseTrimVitePlugin(): VitePlugin {
  return {
    name: 'tp-sucrase-trim',
    apply: 'build',
    enforce: 'pre',
    // Hook filters keep the other modules of the build from calling into this plugin at all.
    resolveId: {
      filter: { id: /^sucrase\/dist\// },
      async handler(source, importer, options) {
        const rest = COMMONJS_DEEP_IMPORT.exec(source)?.[1];
        if (rest === undefined) return null;
        return this.resolve(`sucrase/dist/esm/${rest}`, importer, { ...options, skipSelf: true });
      },
    },
    load: {
      filter: { id: UNUSED_MODULE },
      async handler(id) {
        const path = id.split('?')[0] ?? id;
        return sucraseStubSource(path, await readFile(path, 'utf8'));
      },
    },
  };
}
