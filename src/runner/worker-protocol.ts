/**
 * Internal messages between the page (`sandbox-kernel.ts`, `sandbox-host.ts`), the opaque-origin
 * frame (`sandbox-frame.ts`) and the sandbox worker (`sandbox-worker.ts`). The UI never sees these;
 * it sees only `protocol.ts`. Everything the worker sends is untrusted: learner code shares the
 * worker's realm, so the page validates what it acts on.
 */
import type { CheckResult, ExchangeRecord, RunEvent, SerializedError } from './protocol';

/** Handshake the frame posts to its parent window once its script runs. */
export const FRAME_READY = 'tp-sandbox-frame-ready';

// ── page ⇄ frame (over the private MessagePort handed over in the handshake) ──

export type PageToFrame =
  | { type: 'init'; workerSource: string }
  | { type: 'spawn'; workerId: number; port: MessagePort }
  | { type: 'terminate'; workerId: number };

export type FrameToPage = { type: 'worker-failed'; workerId: number; message: string };

// ── frame → worker (once, on the worker's own postMessage channel) ──

export interface ConnectMessage {
  type: 'connect';
  port: MessagePort;
}

// ── page ⇄ worker (direct MessagePort; the frame only handed it over) ──

export interface RunCommand {
  type: 'run';
  runId: number;
  cellId: string;
  code: string;
  checks?: string;
  mode: 'emulator' | 'live';
}

export type PageToWorker =
  | RunCommand
  | { type: 'module-source'; specifier: string; source: string }
  | { type: 'module-failed'; specifier: string; message: string }
  | { type: 'fetch-head'; fetchId: number; status: number; statusText: string; headers: [string, string][] }
  | { type: 'fetch-chunk'; fetchId: number; chunk: Uint8Array }
  | { type: 'fetch-end'; fetchId: number }
  | { type: 'fetch-failed'; fetchId: number; name: string; message: string }
  | { type: 'exchange'; runId: number; exchange: ExchangeRecord }
  | { type: 'playground-reply'; callId: number; error?: string };

export type PlaygroundCall =
  | { method: 'inject'; scenario: unknown }
  | { method: 'advanceTime'; ms: number }
  | { method: 'reset' };

export type WorkerToPage =
  | { type: 'hello' }
  | { type: 'events'; runId: number; events: RunEvent[]; droppedLines: number }
  | { type: 'run-done'; runId: number; error?: SerializedError; checks?: CheckResult[] }
  | { type: 'need-module'; specifier: string }
  | {
      type: 'fetch';
      fetchId: number;
      runId: number;
      url: string;
      method: string;
      headers: [string, string][];
      body: ArrayBuffer | null;
    }
  | { type: 'fetch-abort'; fetchId: number; reason: string }
  | { type: 'playground-call'; callId: number; call: PlaygroundCall };
