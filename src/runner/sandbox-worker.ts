/**
 * Entry of the sandbox worker (built as a classic-worker IIFE by `vite-plugin.ts`). The frame starts it
 * from a blob URL ahead of time (a warm spare); it waits for `connect` with its private port to the page,
 * then runs cells: compile (sucrase + notebook rewrite), evaluate in the shared scope (this worker's
 * global object), report output, errors and check results. The page enforces time limits by terminating
 * the worker, so nothing here has to guard against endless loops.
 */
import { CellKernel } from './cell-kernel';
import { compileCell } from './notebook-compile';
import type { ExchangeRecord } from './protocol';
import { CONSOLE_LEVELS, OutputBuffer } from './worker-console';
import { SandboxFetch } from './worker-fetch';
import { createPlaygroundGlobal, installBrowserLikeGlobals } from './worker-globals';
import type { ConnectMessage, PageToWorker, PlaygroundCall, RunCommand, WorkerToPage } from './worker-protocol';

const scope = globalThis as unknown as Record<string, unknown>;

function start(port: MessagePort): void {
  const post = (message: WorkerToPage, transfer: Transferable[] = []) => port.postMessage(message, transfer);
  let runId = 0;
  let mode: 'emulator' | 'live' = 'emulator';
  let runExchanges: ExchangeRecord[] = [];

  const output = new OutputBuffer((id, events, droppedLines) => post({ type: 'events', runId: id, events, droppedLines }));
  const sandboxFetch = new SandboxFetch(post, () => runId);

  // ── console ──
  const pageConsole = console as unknown as Record<string, (...args: unknown[]) => void>;
  for (const level of CONSOLE_LEVELS) pageConsole[level] = (...args: unknown[]) => output.console(level, args);
  // Less common console methods print too rather than vanish into the worker's invisible console.
  pageConsole.dir = (value: unknown) => output.console('log', [value]);
  pageConsole.table = (value: unknown) => output.console('log', [value]);
  pageConsole.trace = (...args: unknown[]) => output.console('debug', args);

  // ── errors after a cell settled (timers, un-awaited promises) ──
  const reportAsync = (thrown: unknown) => output.event({ type: 'error', error: kernel.describeLateError(thrown) });
  self.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    reportAsync(event.reason);
  });
  self.addEventListener('error', (event) => {
    event.preventDefault();
    reportAsync(event.error ?? new Error(event.message));
  });

  // ── modules ──
  const modules = new Map<string, Promise<Record<string, unknown>>>();
  const moduleWaiters = new Map<string, { resolve(source: string): void; reject(error: Error): void }>();
  /** The page sends a module's bundled source once; it is imported from a blob URL. */
  const loadModule = (key: string): Promise<Record<string, unknown>> => {
    let loaded = modules.get(key);
    if (!loaded) {
      loaded = new Promise<string>((resolve, reject) => {
        moduleWaiters.set(key, { resolve, reject });
        post({ type: 'need-module', specifier: key });
      }).then(async (source) => {
        const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        return (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
      });
      loaded.catch(() => modules.delete(key));
      modules.set(key, loaded);
    }
    return loaded;
  };

  // ── playground global ──
  let nextCallId = 1;
  const calls = new Map<number, { resolve(): void; reject(error: Error): void }>();
  const callPage = (call: PlaygroundCall) =>
    new Promise<void>((resolve, reject) => {
      const callId = nextCallId++;
      calls.set(callId, { resolve, reject });
      post({ type: 'playground-call', callId, call });
    });

  installBrowserLikeGlobals(scope);
  scope.fetch = sandboxFetch.fetch;
  Object.defineProperty(scope, 'playground', {
    value: createPlaygroundGlobal(() => mode, callPage),
    writable: true,
    configurable: true,
  });

  const kernel = new CellKernel({ scope, loadModule });

  async function run(command: RunCommand): Promise<void> {
    runId = command.runId;
    mode = command.mode;
    runExchanges = [];
    output.startRun(runId);
    const { error, checks } = await kernel.run(runId, command.code, {
      checks: command.checks,
      exchanges: runExchanges,
      onError: (failure) => output.event({ type: 'error', error: failure }),
    });
    for (const result of checks ?? []) output.event({ type: 'check', result });
    output.flush();
    post({ type: 'run-done', runId: command.runId, ...(error ? { error } : {}), ...(checks ? { checks } : {}) });
  }

  port.onmessage = (event: MessageEvent<PageToWorker>) => {
    const message = event.data;
    if (sandboxFetch.handle(message)) return;
    switch (message.type) {
      case 'run':
        void run(message);
        break;
      case 'module-source':
        moduleWaiters.get(message.specifier)?.resolve(message.source);
        moduleWaiters.delete(message.specifier);
        break;
      case 'module-failed':
        moduleWaiters.get(message.specifier)?.reject(new Error(message.message));
        moduleWaiters.delete(message.specifier);
        break;
      case 'exchange': {
        if (message.runId !== runId) break;
        const index = runExchanges.findIndex((e) => e.id === message.exchange.id);
        if (index === -1) runExchanges.push(message.exchange);
        else runExchanges[index] = message.exchange;
        break;
      }
      case 'playground-reply': {
        const waiter = calls.get(message.callId);
        calls.delete(message.callId);
        if (message.error === undefined) waiter?.resolve();
        else waiter?.reject(new Error(message.error));
        break;
      }
      default:
        break;
    }
  };
  post({ type: 'hello' });
}

// Wait for the frame to hand over the private port; anything else on this channel is ignored.
let connected = false;
const onConnect = (event: MessageEvent<ConnectMessage>) => {
  if (event.data?.type !== 'connect' || !(event.data.port instanceof MessagePort)) return;
  self.removeEventListener('message', onConnect);
  connected = true;
  start(event.data.port);
};
self.addEventListener('message', onConnect);

// While this worker waits as the frame's spare, compile a tiny cell once: V8 compiles sucrase's
// functions lazily, so this moves that cost out of the learner's first run. A worker that is
// connected at once (no spare was ready) skips it rather than delay its `hello`.
setTimeout(() => {
  if (connected) return;
  try {
    compileCell('const warmUp: number = await Promise.resolve(1);\nclass WarmUp {}\n', { sourceUrl: 'tp-warm-up.ts' });
  } catch {
    // only a warm-up
  }
}, 20);
