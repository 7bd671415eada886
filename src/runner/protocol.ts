/**
 * Messages and records shared by the page (`src/ui/`, `src/runner/sandbox-kernel.ts`)
 * and the sandboxed worker. Everything crosses a MessagePort, so it is structured-clone data.
 */

/** A value logged by learner code, turned into a tree the UI can render without `[object Object]`. */
export type SerializedValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: string } // String(n): keeps NaN, -0, Infinity
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'undefined' }
  | { kind: 'bigint'; value: string }
  | { kind: 'symbol'; description: string }
  | { kind: 'function'; name: string }
  | { kind: 'date'; iso: string }
  | { kind: 'regexp'; source: string }
  | { kind: 'error'; name: string; message: string; stack?: string }
  | { kind: 'array'; items: SerializedValue[]; length: number }
  | { kind: 'object'; className?: string; entries: [string, SerializedValue][]; truncated?: boolean }
  | { kind: 'map'; entries: [SerializedValue, SerializedValue][] }
  | { kind: 'set'; items: SerializedValue[] }
  | { kind: 'circular' }
  | { kind: 'truncated' };

/** One HTTP exchange a cell made, on either route, for the network inspector. */
export interface ExchangeRecord {
  id: string;
  route: 'emulator' | 'live';
  startedAt: number;
  durationMs?: number;
  request: {
    method: string;
    url: string;
    /** Header names lower-cased; any credential is redacted (`sk-ant-…xyz`). */
    headers: Record<string, string>;
    body: string;
  };
  response?: {
    status: number;
    headers: Record<string, string>;
    /** Full body text; for a stream, the raw SSE text received so far. */
    body: string;
    streamed: boolean;
    /** When the response arrived, in ms from the request's start (see sse-timings.ts). */
    timing?: ResponseTiming;
  };
  /** A network-level failure (e.g. the CORS `TypeError`), as learner code saw it. */
  error?: string;
}

/** A response's timing, in ms from the request's start (recorded on the page by sse-timings.ts). */
export interface ResponseTiming {
  /** The status line and headers arrived. */
  headersMs: number;
  /** The first byte of the body arrived (time to first byte of the body). */
  firstByteMs?: number;
  /** For a `text/event-stream`: when each event ended, in order, for the first 2,000 events. */
  eventOffsetsMs?: number[];
  /** Events past the first 2,000, counted but not timed. */
  untimedEvents?: number;
}

/** A thrown error or unhandled rejection, mapped back to the learner's cell. */
export interface SerializedError {
  name: string;
  message: string;
  /** 1-based line/column in the learner's TypeScript source, when known. */
  line?: number;
  column?: number;
  /** API error type (`error.type` of the API body) when the error came from an API response. */
  apiErrorType?: string;
  status?: number;
  /** Extra guidance, e.g. "Run the cells above first" or the CORS header hint. */
  hint?: string;
  stack?: string;
}

export interface CheckResult {
  name: string;
  passed: boolean;
  message?: string;
  /** For failed equality checks: pretty-printed actual and expected values. */
  diff?: { actual: string; expected: string };
}

export type RunStatus = 'ok' | 'error' | 'timeout' | 'stopped';

/** Events the runtime reports while a cell runs, in order. */
export type RunEvent =
  | { type: 'console'; level: 'log' | 'info' | 'warn' | 'error' | 'debug'; args: SerializedValue[] }
  | { type: 'exchange'; exchange: ExchangeRecord } // sent at start and again on each update (same id)
  | { type: 'error'; error: SerializedError }
  | { type: 'check'; result: CheckResult }
  /** At most once per run, just before it settles: console lines past the per-run cap (~5,000) that were not shown. */
  | { type: 'truncated'; droppedLines: number };

export interface RunResult {
  status: RunStatus;
  /** Notebook execution counter shown as `[n]`. */
  executionCount: number;
  durationMs: number;
  error?: SerializedError;
  checks?: CheckResult[];
  /**
   * True when the run ended by terminating the sandbox worker (status 'stopped' or 'timeout'): the
   * notebook scope (bindings of the cells run before) is gone and the execution counter restarts at 0.
   */
  scopeLost?: boolean;
}

export interface RunRequest {
  cellId: string;
  /** TypeScript source as the learner wrote it. */
  code: string;
  timeoutMs?: number;
  /** When set, run these checks (TypeScript) after `code`, in the same notebook scope. */
  checks?: string;
}
