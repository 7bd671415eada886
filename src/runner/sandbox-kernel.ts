import type { BackendSwitch, FaultScenario } from '../backend';
import { FetchBridge } from './fetch-bridge';
import { DEFAULT_TIMEOUT_MS, type NotebookKernel } from './notebook-kernel';
import type { CheckResult, RunEvent, RunRequest, RunResult, SerializedError } from './protocol';
import { fetchText, sandboxHost } from './sandbox-host';
import { sandboxAssets } from 'virtual:sandbox-assets';
import type { PageToWorker, PlaygroundCall, WorkerToPage } from './worker-protocol';

export interface SandboxKernelOptions {
  api: BackendSwitch;
}

/** The only run events the worker reports; the others are the page's own. */
const WORKER_EVENT_TYPES: ReadonlySet<RunEvent['type']> = new Set(['console', 'error', 'check']);

interface ActiveRun {
  runId: number;
  executionCount: number;
  onEvent: (event: RunEvent) => void;
  startedAt: number;
  droppedLines: number;
  settle: (result: RunResult) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * One lesson's kernel in the page: a sandbox worker whose global scope holds the bindings of the cells
 * run so far. Time limits and Stop terminate the worker (the frame swaps in its warm spare), so an
 * endless loop never blocks the page; the notebook scope is lost then, which `RunResult.scopeLost` says.
 */
export function createSandboxKernel(options: SandboxKernelOptions): NotebookKernel {
  return new SandboxKernel(options.api);
}

let runCounter = 0;

class SandboxKernel implements NotebookKernel {
  private connection: Promise<ConnectedWorker> | undefined;
  private executionCount = 0;
  private active: ActiveRun | undefined;
  /** Where output that arrives after its run settled goes (timers, un-awaited promises). */
  private lastOnEvent: ((event: RunEvent) => void) | undefined;
  private disposed = false;

  constructor(private readonly api: BackendSwitch) {
    this.connection = this.connect();
    this.connection.catch(() => {});
  }

  run(request: RunRequest, onEvent: (event: RunEvent) => void): Promise<RunResult> {
    if (this.disposed) return Promise.reject(new Error('This kernel was disposed.'));
    if (typeof request?.code !== 'string') return Promise.reject(new TypeError('run() needs a request with the cell code'));
    // The notebook session queues runs; a second one here would share the first one's worker output.
    if (this.active) return Promise.reject(new Error('Another cell is still running.'));
    return new Promise<RunResult>((resolve) => void this.start(request, onEvent, resolve));
  }

  stop(): void {
    if (this.active) this.abortActive('stopped');
  }

  async restart(): Promise<void> {
    const stoppedARun = this.active !== undefined;
    this.stop(); // a stopped run already replaced the worker
    if (!stoppedARun) this.replaceWorker();
    this.executionCount = 0;
    await this.connection;
  }

  dispose(): void {
    this.disposed = true; // first: stopping must not start a replacement worker
    this.stop();
    void this.connection?.then((connection) => connection.close(), () => {});
    this.connection = undefined;
  }

  private async start(request: RunRequest, onEvent: (event: RunEvent) => void, resolve: (result: RunResult) => void): Promise<void> {
    const runId = ++runCounter;
    const executionCount = ++this.executionCount;
    const startedAt = performance.now();
    const active: ActiveRun = {
      runId,
      executionCount,
      onEvent,
      startedAt,
      droppedLines: 0,
      settle: (result) => {
        if (this.active !== active) return;
        clearTimeout(active.timer);
        this.active = undefined;
        if (active.droppedLines > 0) safeEmit(onEvent, { type: 'truncated', droppedLines: active.droppedLines });
        resolve(result);
      },
    };
    this.active = active;
    this.lastOnEvent = onEvent;

    let connection: ConnectedWorker;
    try {
      connection = await this.ensureConnection();
    } catch (error) {
      const failure: SerializedError = { name: 'Error', message: error instanceof Error ? error.message : String(error) };
      safeEmit(onEvent, { type: 'error', error: failure });
      active.settle({ status: 'error', executionCount, durationMs: 0, error: failure });
      this.replaceWorker();
      return;
    }
    if (this.active !== active) return; // stopped while the worker was starting

    // The clock starts when the cell is handed to the worker, not while a first worker boots.
    const timeoutMs = validTimeout(request.timeoutMs);
    const handedOverAt = performance.now();
    active.startedAt = handedOverAt;
    active.timer = setTimeout(() => this.abortActive('timeout', timeoutMs), timeoutMs);
    const command: PageToWorker = {
      type: 'run',
      runId,
      cellId: String(request.cellId),
      code: request.code,
      mode: this.api.mode,
      ...(typeof request.checks === 'string' ? { checks: request.checks } : {}),
    };
    connection.port.postMessage(command);
  }

  /** Stop or time-out: terminate the worker now, answer the run, start the next worker from the spare. */
  private abortActive(status: 'stopped' | 'timeout', timeoutMs?: number): void {
    const active = this.active;
    if (!active) return;
    this.replaceWorker();
    this.executionCount = 0;
    const error: SerializedError | undefined =
      status === 'timeout'
        ? {
            name: 'TimeoutError',
            message: `The cell was still running after ${(timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s, so it was stopped.`,
            hint: 'The runtime restarted: run the cells above again before this one.',
          }
        : undefined;
    if (error) safeEmit(active.onEvent, { type: 'error', error });
    active.settle({
      status,
      executionCount: active.executionCount,
      durationMs: Math.round(performance.now() - active.startedAt),
      ...(error ? { error } : {}),
      scopeLost: true,
    });
  }

  private replaceWorker(): void {
    const old = this.connection;
    void old?.then((connection) => connection.close(), () => {});
    if (this.disposed) return;
    this.connection = this.connect();
    this.connection.catch(() => {});
  }

  private ensureConnection(): Promise<ConnectedWorker> {
    if (!this.connection) {
      this.connection = this.connect();
      this.connection.catch(() => {});
    }
    return this.connection;
  }

  private async connect(): Promise<ConnectedWorker> {
    const connection = await sandboxHost().spawnWorker();
    const post = (message: PageToWorker, transfer: Transferable[] = []) => connection.port.postMessage(message, transfer);
    const bridge = new FetchBridge(this.api, post, (runId, exchange) => this.routeEvent(runId, { type: 'exchange', exchange }));
    connection.port.onmessage = (event: MessageEvent<WorkerToPage>) => this.onWorkerMessage(event.data, post, bridge);
    return {
      port: connection.port,
      close() {
        bridge.abortAll();
        connection.terminate();
      },
    };
  }

  private onWorkerMessage(message: WorkerToPage, post: (message: PageToWorker) => void, bridge: FetchBridge): void {
    if (typeof message !== 'object' || message === null) return;
    switch (message.type) {
      case 'events': {
        if (!Array.isArray(message.events)) return;
        const active = this.active;
        if (active && active.runId === message.runId && typeof message.droppedLines === 'number') {
          active.droppedLines = Math.max(active.droppedLines, message.droppedLines);
        }
        // Exchanges and truncation notices come from the page itself; a cell cannot forge them.
        for (const event of message.events) {
          if (WORKER_EVENT_TYPES.has((event as { type?: unknown } | null)?.type as RunEvent['type'])) this.routeEvent(message.runId, event);
        }
        return;
      }
      case 'run-done': {
        const active = this.active;
        if (!active || active.runId !== message.runId) return;
        const checks: CheckResult[] | undefined = Array.isArray(message.checks) ? message.checks : undefined;
        active.settle({
          status: message.error ? 'error' : 'ok',
          executionCount: active.executionCount,
          durationMs: Math.round(performance.now() - active.startedAt),
          ...(message.error ? { error: message.error } : {}),
          ...(checks ? { checks } : {}),
        });
        return;
      }
      case 'fetch':
        if (typeof message.url === 'string' && typeof message.fetchId === 'number') void bridge.serve(message);
        return;
      case 'fetch-abort':
        bridge.abort(message.fetchId, String(message.reason));
        return;
      case 'need-module': {
        const { courseModules } = sandboxAssets;
        const url =
          message.specifier === '@anthropic-ai/sdk' ? sandboxAssets.sdk
          : Object.hasOwn(courseModules, message.specifier) ? courseModules[message.specifier]
          : undefined;
        if (url === undefined) {
          post({ type: 'module-failed', specifier: message.specifier, message: `No module '${message.specifier}' in the playground.` });
          return;
        }
        fetchText(url).then(
          (source) => post({ type: 'module-source', specifier: message.specifier, source }),
          (error: unknown) =>
            post({ type: 'module-failed', specifier: message.specifier, message: error instanceof Error ? error.message : String(error) }),
        );
        return;
      }
      case 'playground-call':
        this.playgroundCall(message.call).then(
          () => post({ type: 'playground-reply', callId: message.callId }),
          (error: unknown) =>
            post({ type: 'playground-reply', callId: message.callId, error: error instanceof Error ? error.message : String(error) }),
        );
        return;
      default:
        return;
    }
  }

  private async playgroundCall(call: PlaygroundCall): Promise<void> {
    if (this.api.mode === 'live') throw new Error('playground.emulator is not available in live mode.');
    const emulator = await this.api.emulator();
    switch (call.method) {
      case 'inject':
        emulator.inject(call.scenario as FaultScenario);
        return;
      case 'advanceTime':
        emulator.advanceTime(Number(call.ms));
        return;
      case 'reset':
        emulator.reset();
        return;
      default:
        throw new Error('Unknown playground call.');
    }
  }

  /** Output of the active run goes to it; late output of a finished run goes to the last run's output. */
  private routeEvent(runId: number, event: RunEvent): void {
    const active = this.active;
    const target = active && active.runId === runId ? active.onEvent : this.lastOnEvent;
    if (target) safeEmit(target, event);
  }
}

/** A worker of this runtime with its fetch bridge; `close` cancels its requests and terminates it. */
interface ConnectedWorker {
  port: MessagePort;
  close(): void;
}

function validTimeout(timeoutMs: number | undefined): number {
  return typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : DEFAULT_TIMEOUT_MS;
}

/** A throwing UI callback must not break the runtime. */
function safeEmit(onEvent: (event: RunEvent) => void, event: RunEvent): void {
  try {
    onEvent(event);
  } catch (error) {
    console.error('SandboxKernel: onEvent threw', error);
  }
}

/**
 * Browser tests only (test/e2e/sandbox.test.ts): when the page URL has `?test-hooks`, this module (once
 * the UI has loaded it) exposes the kernel factory as `window.__tpRuntimeForTests`, so a test can run
 * any cell without typing into the editor. Without that parameter nothing is exposed.
 */
if (typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('test-hooks')) {
  Object.defineProperty(window, '__tpRuntimeForTests', {
    value: Object.freeze({ createSandboxKernel, loadBackend: () => import('../backend') }),
    configurable: true,
  });
}
