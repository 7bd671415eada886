import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PLACEHOLDER_API_KEY, requireApiOrigin } from '../../src/anthropic-api';
import { createBackendSwitch, redactHeaders, type BackendSwitch, type FaultScenario } from '../../src/backend';
import { COURSE_MODULES, isCourseModule } from '../../src/runner/course-modules';
import { PROJECT_ROOT } from './course-files';
import { CellKernel } from '../../src/runner/cell-kernel';
import { SDK_HELPER_MODULES } from '../../src/runner/sdk-modules';
import type { NotebookKernel } from '../../src/runner/notebook-kernel';
import type { CheckResult, ExchangeRecord, RunEvent, RunRequest, RunResult, SerializedError } from '../../src/runner/protocol';
import { serializeValue } from '../../src/runner/serialize';
import { NotebookSession } from '../../src/session/notebook-session';

export { matchesExpectedError } from '../../src/session/notebook-session';

/**
 * Runs lesson cells in Node through the same notebook session as the page and the same cell kernel as
 * the sandbox worker (`src/runner/cell-kernel.ts`: compile, scope, checks, `expect`), with `fetch`
 * answered by the emulator, so tests can run a whole lesson in order: each plain cell, each exercise's
 * starter (its checks must fail) and solution (its checks must pass). The scope is this process's global
 * object, as in the worker; `close()` restores every global the cells added or changed.
 */
export interface CellOutcome {
  error?: SerializedError;
  checks?: CheckResult[];
  /** What the cell printed, for failure messages. */
  logs: string[];
}

export class LessonNotebook {
  private readonly kernel = new InProcessKernel();
  private readonly session = new NotebookSession({ cells: [], createKernel: async () => this.kernel });
  private runs = 0;

  /** Runs one cell (and, when given, its checks), like one "Run cell" or "Check" on the page. */
  async run(code: string, options: { checks?: string; timeoutMs?: number } = {}): Promise<CellOutcome> {
    const logs: string[] = [];
    const onEvent = (event: RunEvent) => {
      if (event.type === 'console') logs.push(event.args.map((arg) => ('value' in arg ? String(arg.value) : JSON.stringify(arg))).join(' '));
    };
    const request: RunRequest = { cellId: `cell-${++this.runs}`, code, ...options };
    const result = await this.session.run(request, onEvent);
    if (!result) throw new Error('the notebook session dropped the run');
    return { logs, ...(result.error ? { error: result.error } : {}), ...(result.checks ? { checks: result.checks } : {}) };
  }

  /** Restores the globals and environment as they were before the notebook was created. */
  close(): void {
    this.session.dispose();
    // Now, not when the session gets to it: the next notebook saves the globals it finds.
    this.kernel.dispose();
  }
}

/**
 * The kernel of the Node harness: this process's global object is the notebook scope; the emulator answers `fetch`
 * through the backend layer, the one door the page uses too (src/backend: origin check, emulator behind `Backend`).
 */
export class InProcessKernel implements NotebookKernel {
  readonly api: BackendSwitch = createBackendSwitch({ pacing: 'instant' });
  private readonly scope = globalThis as unknown as Record<string, unknown>;
  private readonly savedGlobals = new Map<string, PropertyDescriptor | undefined>();
  private readonly cells: CellKernel;
  private exchanges: ExchangeRecord[] = [];
  private onEvent: (event: RunEvent) => void = () => {};
  private executionCount = 0;
  private disposed = false;
  private readonly savedApiKey = process.env.ANTHROPIC_API_KEY;

  constructor() {
    this.cells = new CellKernel({
      scope: this.scope,
      sourceUrlPrefix: 'tp-lesson-run',
      // The course's own modules are the files the sandbox build bundles (src/runner/course-modules.ts).
      loadModule: async (key) => {
        if (isCourseModule(key)) return (await import(/* @vite-ignore */ pathToFileURL(path.join(PROJECT_ROOT, COURSE_MODULES[key])).href)) as Record<string, unknown>;
        // The SDK module as the sandbox bundles it: the main entry plus the helpers lessons teach (src/runner/sdk-modules.ts).
        const helpers = await Promise.all(SDK_HELPER_MODULES.map((specifier) => import(/* @vite-ignore */ specifier) as Promise<Record<string, unknown>>));
        return Object.assign({}, ...helpers, (await import(/* @vite-ignore */ key)) as Record<string, unknown>);
      },
    });
    // Everything the cells may replace is saved first, so dispose() can put it back.
    for (const name of Object.getOwnPropertyNames(globalThis)) this.savedGlobals.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    process.env.ANTHROPIC_API_KEY = PLACEHOLDER_API_KEY;
    const api = this.api;
    this.define('fetch', (input: RequestInfo | URL, init?: RequestInit) => this.fetch(input, init));
    this.define('playground', {
      mode: 'emulator',
      emulator: {
        inject: async (scenario: FaultScenario) => (await api.emulator()).inject(scenario),
        advanceTime: async (ms: number) => (await api.emulator()).advanceTime(ms),
        reset: async () => (await api.emulator()).reset(),
      },
    });
    const print =
      (level: 'log' | 'info' | 'warn' | 'error' | 'debug') =>
      (...args: unknown[]) =>
        this.onEvent({ type: 'console', level, args: args.map((arg) => serializeValue(arg)) });
    this.define('console', { ...console, log: print('log'), info: print('info'), warn: print('warn'), error: print('error'), debug: print('debug') });
  }

  async run(request: RunRequest, onEvent: (event: RunEvent) => void): Promise<RunResult> {
    this.exchanges = [];
    this.onEvent = onEvent;
    const executionCount = ++this.executionCount;
    const started = performance.now();
    const { error, checks } = await this.cells.run(executionCount, request.code, {
      checks: request.checks,
      exchanges: this.exchanges,
      timeoutMs: request.timeoutMs ?? 30_000,
      onError: (failure) => onEvent({ type: 'error', error: failure }),
    });
    return {
      status: error ? 'error' : 'ok',
      executionCount,
      durationMs: Math.round(performance.now() - started),
      ...(error ? { error } : {}),
      ...(checks ? { checks } : {}),
    };
  }

  /** A cell running in this process cannot be ended from outside; its time limit ends it instead. */
  stop(): void {}

  async restart(): Promise<void> {
    throw new Error('The Node harness cannot reset its scope (it is the process global object).');
  }

  private define(name: string, value: unknown): void {
    Object.defineProperty(this.scope, name, { value, writable: true, configurable: true, enumerable: false });
  }

  private async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    requireApiOrigin(request.url); // as the page's FetchBridge: refused before it is recorded
    const record: ExchangeRecord = {
      id: `exchange-${this.exchanges.length + 1}`,
      route: 'emulator',
      startedAt: Date.now(),
      request: { method: request.method, url: request.url, headers: redactHeaders(request.headers), body: await request.clone().text() },
    };
    this.exchanges.push(record);
    let response: Response;
    try {
      response = await this.api.handle(request);
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

  /** Restores the globals and environment as they were before the kernel was created. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
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
