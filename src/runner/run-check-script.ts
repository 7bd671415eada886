import { describeError } from './cell-errors';
import { CheckHarness } from './check-harness';
import { expect } from './expect';
import { compileCell, type NotebookHooks } from './notebook-compile';
import { evaluateCompiledScript } from './notebook-scope';
import type { CheckResult, ExchangeRecord, SerializedError } from './protocol';

/** How long all of one exercise's checks may take together. */
const CHECK_TIMEOUT_MS = 20_000;

export interface CheckScriptOptions {
  /** `//# sourceURL` of the compiled checks, for stack traces. */
  sourceUrl: string;
  /** The lesson's notebook scope, so checks see the learner's declarations. */
  hooks: NotebookHooks;
  /** The exchanges the learner's code made in this run (the `exchanges` global of the checks). */
  exchanges: ExchangeRecord[];
  /** The learner's code threw: every check fails with this error. */
  learnerError?: SerializedError;
  /** Called once the checks compiled, with the line offset error mapping needs. */
  onCompiled?: (lineOffset: number) => void;
}

/**
 * Runs an exercise's `ts check` block after the learner's code, in the same notebook scope: compiles
 * it, lets it register its `check(...)`s, then runs them. Shared by the sandbox worker and the Node
 * lesson harness in the tests, so both judge exercises the same way.
 */
export async function runCheckScript(code: string, options: CheckScriptOptions): Promise<CheckResult[]> {
  const harness = new CheckHarness();
  try {
    const compiled = compileCell(code, { sourceUrl: options.sourceUrl, params: ['check', 'expect', 'exchanges'] });
    options.onCompiled?.(compiled.lineOffset);
    const registerChecks = evaluateCompiledScript<
      (hooks: NotebookHooks, check: CheckHarness['check'], expectFn: typeof expect, exchanges: ExchangeRecord[]) => Promise<void>
    >(compiled.script);
    await registerChecks(options.hooks, harness.check, expect, options.exchanges);
  } catch (thrown) {
    if (options.learnerError) return harness.failAll(options.learnerError);
    const problem = describeError(thrown, [{ sourceUrl: options.sourceUrl, lineOffset: 1 }]);
    return [{ name: 'checks', passed: false, message: `The checks could not run: ${problem.name}: ${problem.message}` }];
  }
  if (options.learnerError) return harness.failAll(options.learnerError);
  return harness.run(CHECK_TIMEOUT_MS);
}
