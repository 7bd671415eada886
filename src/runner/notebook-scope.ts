import type { NotebookHooks } from './notebook-compile';

/**
 * The hooks compiled cells run with, over `scope` (the worker's global object): `declare` makes each
 * top-level name an own writable property, which also shadows worker built-ins a learner reuses as a
 * name (`name`, `location`…), so cells can assign them in strict mode.
 */
export function createNotebookHooks(
  scope: Record<string, unknown>,
  importModule: (specifier: string) => Promise<Record<string, unknown>>,
): NotebookHooks {
  return {
    scope,
    declare(names) {
      for (const name of names) {
        const descriptor = Object.getOwnPropertyDescriptor(scope, name);
        if (descriptor && ('value' in descriptor ? descriptor.writable : descriptor.set)) continue;
        try {
          Object.defineProperty(scope, name, { value: undefined, writable: true, configurable: true, enumerable: true });
        } catch {
          // non-configurable globals (`undefined`, `NaN`): the assignment itself will report it
        }
      }
    },
    import: importModule,
  };
}

const indirectEval = eval;

/** Evaluates a compiled cell's script as a global script (not in this module's scope) and returns its function. */
export function evaluateCompiledScript<F>(script: string): F {
  return indirectEval(script) as F;
}
