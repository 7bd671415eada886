/**
 * Build-time: keeps only the TypeScript lib files cells use in the editor's TypeScript worker.
 *
 * Monaco's worker imports `lib/lib.js`, the text of every lib TypeScript ships (3.2 MB, DOM and all), so
 * the worker script is 7.6 MB and the browser downloads and compiles all of it before the first completion.
 * Cells are checked against CELL_COMPILER_OPTIONS.lib (and the worker globals cut, an extra lib), so this
 * replaces the module, in worker bundles only, with those libs and the ones they reference.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { CELL_COMPILER_OPTIONS } from './cell-compiler-options';

const MONACO_LIB_MODULE = /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]languages[\\/]features[\\/]typescript[\\/]lib[\\/]lib\.js$/;
const LIB_REFERENCE = /^\/\/\/\s*<reference\s+lib="([^"]+)"\s*\/>/gm;

/** The lib files `roots` need, following their `/// <reference lib="…" />` lines. */
export function libClosure(libFiles: Record<string, string>, roots: readonly string[]): string[] {
  const kept = new Set<string>();
  const pending = [...roots];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const text = libFiles[name];
    if (text === undefined) throw new Error(`TypeScript lib ${name} is not in monaco-editor's lib.js`);
    if (kept.has(name)) continue;
    kept.add(name);
    for (const match of text.matchAll(LIB_REFERENCE)) pending.push(`lib.${match[1]!.toLowerCase()}.d.ts`);
  }
  return [...kept].sort();
}

/**
 * Evaluates a lib module's source (Monaco's lib.js, assignments to one `libFileMap` object, or what this
 * plugin emits) without running anything else of Monaco.
 */
export function readLibFileMap(source: string): Record<string, string> {
  const body = source.replace(/^export\s*\{[^}]*\};?\s*$/m, '').replace(/^export\s+const\s+/m, 'const ');
  return new Function(`${body}\nreturn libFileMap;`)() as Record<string, string>;
}

export function monacoCellLibsPlugin(): Plugin {
  return {
    name: 'claude-playground:monaco-cell-libs',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0]!;
      if (!MONACO_LIB_MODULE.test(file)) return null;
      const all = readLibFileMap(readFileSync(file, 'utf8'));
      const kept = Object.fromEntries(libClosure(all, CELL_COMPILER_OPTIONS.lib).map((name) => [name, all[name]!]));
      return `export const libFileMap = ${JSON.stringify(kept)};\n`;
    },
  };
}
