/**
 * How the editor's TypeScript sees a notebook cell: Monaco's `typescriptDefaults` (load-monaco.ts), the lib
 * trimming of the worker bundle (vite-plugin.ts) and the editor tests. Plain numbers, not Monaco's enums, so
 * the build and the tests can read them without loading Monaco.
 */
export const CELL_COMPILER_OPTIONS = {
  target: 99, // ScriptTarget.ESNext
  module: 99, // ModuleKind.ESNext
  moduleResolution: 2, // ModuleResolutionKind.NodeJs
  // ES2023, what the lessons are type-checked with (test/lessons/cell-typecheck.ts). The worker globals
  // (fetch, Response…) come as an extra lib cut from lib.webworker.d.ts (cell-extra-libs.ts): the whole
  // file, or lib.dom (2.3 MB), would be parsed before the first completion. A file name, not tsconfig's
  // short name: the worker's host only knows `lib.*.d.ts` keys, and a short name silently loads no lib
  // at all (no Promise, no Array methods; hidden because "Cannot find name" is ignored in cells).
  lib: ['lib.es2023.d.ts'],
  // Each cell is its own module: the same `const` in two cells is not a redeclaration,
  // and top-level await is allowed. (3 = ts.ModuleDetectionKind.Force.)
  moduleDetection: 3,
  strict: true,
  esModuleInterop: true,
  allowNonTsExtensions: true,
  skipLibCheck: true,
} as const;

/**
 * Diagnostics that are wrong for notebook cells: names declared by other cells, which the
 * sandbox shares at run time (2304 "Cannot find name", 2552 "Did you mean", 18004 "No value
 * exists in scope for the shorthand property").
 */
export const NOTEBOOK_IGNORED_DIAGNOSTICS = [2304, 2552, 18004];
