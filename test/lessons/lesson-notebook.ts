import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COURSE_MODULES, isCourseModule } from '../../src/runner/course-modules';
import { PROJECT_ROOT } from './course-files';
import { createEmulator, type Emulator, type FaultScenario } from '../../src/mock/emulator';
import { redactHeaders } from '../../src/live/redact';
import { describeError, type RunSource } from '../../src/runner/cell-errors';
import { compileCell, type NotebookHooks } from '../../src/runner/notebook-compile';
import { createNotebookHooks, evaluateCompiledScript } from '../../src/runner/notebook-scope';
import { runCheckScript } from '../../src/runner/run-check-script';
import type { CheckResult, ExchangeRecord, SerializedError } from '../../src/runner/protocol';
import { PLACEHOLDER_API_KEY, requireApiOrigin } from '../../src/anthropic-api';

/**
 * Runs lesson cells in Node the way the sandbox worker does (the runner's own cell compiler, notebook
 * scope, check harness and `expect`), with `fetch` answered by the emulator, so tests can run a whole
 * lesson in order: each plain cell, each exercise's starter (its checks must fail) and solution (its
 * checks must pass). The scope is this process's global object, as in the worker; `close()` restores
 * every global the cells added or changed.
 */
export interface CellOutcome {
  error?: SerializedError;
  checks?: CheckResult[];
  /** What the cell printed, for failure messages. */
  logs: string[];
}


export class LessonNotebook {
  readonly emulator: Emulator = createEmulator({ pacing: 'instant', browserAccess: 'require-header', seed: 'lesson-runs' });
  private readonly scope = globalThis as unknown as Record<string, unknown>;
  private readonly savedGlobals = new Map<string, PropertyDescriptor | undefined>();
  private readonly hooks: NotebookHooks;
  private exchanges: ExchangeRecord[] = [];
  private logs: string[] = [];
  private runs = 0;
  private readonly savedApiKey = process.env.ANTHROPIC_API_KEY;

  constructor() {
    this.hooks = createNotebookHooks(this.scope, async (specifier) => {
      // The course's own modules are the files the sandbox build bundles (src/runner/course-modules.ts).
      if (isCourseModule(specifier)) {
        return (await import(/* @vite-ignore */ pathToFileURL(path.join(PROJECT_ROOT, COURSE_MODULES[specifier])).href)) as Record<string, unknown>;
      }
      if (specifier !== '@anthropic-ai/sdk' && !specifier.startsWith('@anthropic-ai/sdk/')) {
        throw new Error(`Cells can import only '@anthropic-ai/sdk' and ${Object.keys(COURSE_MODULES).join(', ')}; '${specifier}' is not available`);
      }
      return (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
    });
    // Everything the cells may replace is saved first, so close() can put it back.
    for (const name of Object.getOwnPropertyNames(globalThis)) this.savedGlobals.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    process.env.ANTHROPIC_API_KEY = PLACEHOLDER_API_KEY;
    const emulator = this.emulator;
    this.define('fetch', (input: RequestInfo | URL, init?: RequestInit) => this.fetch(input, init));
    this.define('playground', {
      mode: 'emulator',
      emulator: {
        inject: async (scenario: FaultScenario) => emulator.inject(scenario),
        advanceTime: async (ms: number) => emulator.advanceTime(ms),
        reset: async () => emulator.reset(),
      },
    });
    const print = (...args: unknown[]) => {
      this.logs.push(args.map((arg) => (typeof arg === 'string' ? arg : safeJson(arg))).join(' '));
    };
    this.define('console', { ...console, log: print, info: print, warn: print, error: print, debug: print });
  }

  private define(name: string, value: unknown): void {
    Object.defineProperty(this.scope, name, { value, writable: true, configurable: true, enumerable: false });
  }

  private async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    requireApiOrigin(request.url);
    const record: ExchangeRecord = {
      id: `exchange-${this.exchanges.length + 1}`,
      route: 'emulator',
      startedAt: Date.now(),
      request: { method: request.method, url: request.url, headers: redactHeaders(request.headers), body: await request.clone().text() },
    };
    this.exchanges.push(record);
    let response: Response;
    try {
      response = await this.emulator.handle(request);
    } catch (error) {
      record.error = `${(error as Error).name}: ${(error as Error).message}`;
      throw error;
    }
    const recorded = {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: '',
      streamed: (response.headers.get('content-type') ?? '').includes('text/event-stream'),
    };
    record.response = recorded;
    if (!response.body) return response;
    // Like the page's FetchBridge: the record holds the whole body before the cell sees the end of it.
    const decoder = new TextDecoder();
    const tap = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        recorded.body += decoder.decode(chunk, { stream: true });
        controller.enqueue(chunk);
      },
      flush() {
        recorded.body += decoder.decode();
      },
    });
    return new Response(response.body.pipeThrough(tap), { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  /** Runs one cell (and, when given, its checks), like one RunRequest in the worker. */
  async run(code: string, options: { checks?: string; timeoutMs?: number } = {}): Promise<CellOutcome> {
    this.exchanges = [];
    this.logs = [];
    const runId = ++this.runs;
    const sources: RunSource[] = [];
    let error: SerializedError | undefined;
    try {
      const sourceUrl = `tp-lesson-run-${runId}.ts`;
      const compiled = compileCell(code, { sourceUrl });
      sources.push({ sourceUrl, lineOffset: compiled.lineOffset, toSourceColumn: compiled.toSourceColumn });
      const cell = evaluateCompiledScript<(hooks: NotebookHooks) => Promise<void>>(compiled.script);
      await withTimeout(cell(this.hooks), options.timeoutMs ?? 30_000);
    } catch (thrown) {
      error = describeError(thrown, sources);
    }
    const outcome: CellOutcome = { logs: this.logs, ...(error ? { error } : {}) };
    if (options.checks !== undefined) outcome.checks = await this.runChecks(options.checks, runId, error);
    return outcome;
  }

  private runChecks(code: string, runId: number, learnerError: SerializedError | undefined): Promise<CheckResult[]> {
    return runCheckScript(code, {
      sourceUrl: `tp-lesson-run-${runId}-checks.ts`,
      hooks: this.hooks,
      exchanges: this.exchanges,
      learnerError,
    });
  }

  /** Restores the globals and environment as they were before the notebook was created. */
  close(): void {
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      if (!this.savedGlobals.has(name)) Reflect.deleteProperty(globalThis, name);
    }
    for (const [name, descriptor] of this.savedGlobals) {
      if (descriptor && descriptor.configurable !== false) Object.defineProperty(globalThis, name, descriptor);
    }
    if (this.savedApiKey === undefined) delete process.env.ANTHROPIC_API_KEY;
    else process.env.ANTHROPIC_API_KEY = this.savedApiKey;
  }
}


function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? String(inner) : inner)) ?? String(value);
  } catch {
    return String(value);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the cell did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Whether an error matches a cell's `expect-error` text (name, API error type or message contains it). */
export function matchesExpectedError(error: SerializedError, expected: string): boolean {
  return [error.name, error.apiErrorType ?? '', error.message].some((text) => text.includes(expected));
}
