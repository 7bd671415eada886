/**
 * The notebook kernel: runs one cell in a shared scope (compile with the notebook rewrite, evaluate,
 * map errors back to the learner's lines), then an exercise's checks in the same scope. The sandbox
 * worker (`sandbox-worker.ts`) and the Node lesson harness (`test/lessons/lesson-notebook.ts`) both
 * run cells through this one class, so a lesson behaves the same in the page and in the tests; only
 * where the scope lives, how `fetch` and `console` reach the outside and how time limits are
 * enforced differ between them.
 */
import { describeError, type RunSource } from './cell-errors';
import { COURSE_MODULES, isCourseModule } from './course-modules';
import { compileCell, type NotebookHooks } from './notebook-compile';
import { createNotebookHooks, evaluateCompiledScript } from './notebook-scope';
import type { CheckResult, ExchangeRecord, SerializedError } from './protocol';
import { runCheckScript } from './run-check-script';

/**
 * The SDK, which cells may import, besides the course modules. Its subpaths resolve to the same module: the
 * sandbox bundle re-exports the main entry and the helpers lessons teach (sdk-modules.ts).
 */
export const SDK_SPECIFIER = '@anthropic-ai/sdk';

/**
 * The module an import specifier loads: the SDK for it and its subpaths, a course module by its own
 * name; `undefined` for anything else (cells cannot import it).
 */
export function importableModule(specifier: string): string | undefined {
  if (specifier === SDK_SPECIFIER || specifier.startsWith(`${SDK_SPECIFIER}/`)) return SDK_SPECIFIER;
  return isCourseModule(specifier) ? specifier : undefined;
}

export interface CellKernelOptions {
  /** The notebook scope: the global object the cells' top-level declarations are assigned to. */
  scope: Record<string, unknown>;
  /** Loads a module cells may import: `SDK_SPECIFIER` or a course module's specifier (see `importableModule`). */
  loadModule: (key: string) => Promise<Record<string, unknown>>;
  /** Prefix of the `//# sourceURL` of compiled cells (`tp-run` → `tp-run-3.ts`). */
  sourceUrlPrefix?: string;
}

export interface CellRunOptions {
  /** The exercise's check code, run after the cell in the same scope. */
  checks?: string;
  /** The exchanges this run made so far (the `exchanges` global of the checks); updated in place. */
  exchanges?: ExchangeRecord[];
  /** Called as soon as the cell's code failed, before the checks run. */
  onError?: (error: SerializedError) => void;
  /**
   * Where the host cannot end a run by terminating it (the Node harness): the cell's code fails with
   * this message after `timeoutMs`. The page's worker leaves this unset: the page terminates it.
   */
  timeoutMs?: number;
}

export interface CellRunOutcome {
  error?: SerializedError;
  checks?: CheckResult[];
}

export class CellKernel {
  readonly hooks: NotebookHooks;
  /** Every source compiled so far: errors thrown later (timers, un-awaited promises) map back through them. */
  private readonly sources: RunSource[] = [];
  private readonly sourceUrlPrefix: string;

  constructor(options: CellKernelOptions) {
    this.sourceUrlPrefix = options.sourceUrlPrefix ?? 'tp-run';
    this.hooks = createNotebookHooks(options.scope, (specifier) => {
      const key = importableModule(specifier);
      if (key === undefined) {
        const known = [SDK_SPECIFIER, ...Object.keys(COURSE_MODULES)].map((name) => `'${name}'`).join(', ');
        return Promise.reject(new Error(`Cells can import only ${known}; '${specifier}' is not available in the playground.`));
      }
      return options.loadModule(key);
    });
  }

  /** Runs cell `runId` (and, when given, its checks). */
  async run(runId: number, code: string, options: CellRunOptions = {}): Promise<CellRunOutcome> {
    const sourceUrl = `${this.sourceUrlPrefix}-${runId}.ts`;
    const ownSources: RunSource[] = [];
    let error: SerializedError | undefined;
    try {
      const compiled = compileCell(code, { sourceUrl });
      const source = { sourceUrl, lineOffset: compiled.lineOffset, toSourceColumn: compiled.toSourceColumn };
      ownSources.push(source);
      this.sources.push(source);
      const cell = evaluateCompiledScript<(hooks: NotebookHooks) => Promise<void>>(compiled.script);
      const running = cell(this.hooks);
      await (options.timeoutMs === undefined ? running : withTimeout(running, options.timeoutMs));
    } catch (thrown) {
      error = describeError(thrown, ownSources);
      options.onError?.(error);
    }
    if (options.checks === undefined) return error ? { error } : {};
    const checksUrl = `${this.sourceUrlPrefix}-${runId}-checks.ts`;
    const checks = await runCheckScript(options.checks, {
      sourceUrl: checksUrl,
      hooks: this.hooks,
      exchanges: options.exchanges ?? [],
      learnerError: error,
      onCompiled: (lineOffset) => this.sources.push({ sourceUrl: checksUrl, lineOffset }),
    });
    return { ...(error ? { error } : {}), checks };
  }

  /** An error thrown after its cell settled, mapped back through every source compiled so far. */
  describeLateError(thrown: unknown): SerializedError {
    return describeError(thrown, this.sources);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the cell did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
