import { boundNames, scanTopLevel } from './top-level-scan';
import { stripTypes, tokenizeCell } from './strip-types';

/**
 * Names a cell declares at top level (`const`/`let`/`var` incl. destructuring, `function`, `class`,
 * `import` bindings, `enum`), i.e. what it adds to the lesson's notebook scope. Type-only declarations
 * (`type`, `interface`, `import type`) bind nothing at run time and are not listed. A cell that does not
 * parse declares nothing.
 *
 * This pulls in sucrase (~50 KB gzipped): load it with `await import()` when it is needed
 * (e.g. after a ReferenceError), not in the page's initial bundle.
 */
export function topLevelDeclarations(code: string): string[] {
  let js: string;
  let tokens;
  try {
    js = stripTypes(code);
    tokens = tokenizeCell(js);
  } catch {
    return [];
  }
  const names = new Set<string>();
  for (const item of scanTopLevel(js, tokens)) for (const name of boundNames(item)) names.add(name);
  return [...names];
}
