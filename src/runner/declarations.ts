import { compileCell } from './notebook-compile';

/**
 * Names a cell declares at top level (`const`/`let`/`var` incl. destructuring, `function`, `class`,
 * `import` bindings, `enum`), i.e. what it adds to the lesson's notebook scope: exactly what the notebook
 * compile shares when the cell runs. Type-only declarations (`type`, `interface`, `import type`) bind
 * nothing at run time and are not listed. A cell that does not parse declares nothing.
 *
 * This pulls in sucrase (~28 KB gzipped, trimmed): load it with `await import()` when it is needed
 * (e.g. after a ReferenceError), not in the page's initial bundle.
 */
export function topLevelDeclarations(code: string): string[] {
  try {
    return compileCell(code, { sourceUrl: 'declarations.ts' }).declared;
  } catch {
    return [];
  }
}
