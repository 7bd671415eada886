/**
 * STUB (being replaced): the public surface of the API emulator. Other layers code against
 * these types; the implementation wires MSW handlers around the pure modules in src/mock/.
 */

export type FaultScenario =
  | { kind: 'rate_limit'; count?: number; retryAfterSeconds?: number }
  | { kind: 'overloaded'; count?: number }
  | { kind: 'api_error'; count?: number }
  | { kind: 'stream_error'; count?: number; afterEvents?: number; errorType?: 'overloaded_error' | 'api_error' }
  | { kind: 'latency'; count?: number; ms: number };

export type Pacing = { timeToFirstTokenMs: number; tokensPerSecond: number } | 'instant';

export interface EmulatorOptions {
  /** Injectable clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Seed for ids and any choice the emulator makes. Same seed + same requests = same responses. */
  seed?: string;
  /** Stream pacing. Default realistic; tests use 'instant'. */
  pacing?: Pacing;
  /** How to wait between stream chunks and for injected latency (tests may inject a fake). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** 'require-header': emulate the browser CORS failure when `anthropic-dangerous-direct-browser-access` is missing. */
  browserAccess?: 'require-header' | 'ignore';
  rateLimits?: { requestsPerMinute: number; inputTokensPerMinute: number; outputTokensPerMinute: number };
}

export interface Emulator {
  /** Answers one request to https://api.anthropic.com/… . May reject with a TypeError (emulated network/CORS failure). */
  handle(request: Request): Promise<Response>;
  inject(scenario: FaultScenario): void;
  clearFaults(): void;
  pendingFaults(): readonly FaultScenario[];
  /** Moves the emulator's clock forward (cache lifetimes, rate-limit windows). */
  advanceTime(ms: number): void;
  setPacing(pacing: Pacing): void;
  /** Forget caches, rate-limit windows, faults and clock offset. */
  reset(): void;
}

export function createEmulator(_options: EmulatorOptions = {}): Emulator {
  const unimplemented = () =>
    new Response(JSON.stringify({ type: 'error', error: { type: 'api_error', message: 'emulator not built yet' }, request_id: null }), {
      status: 500,
      headers: { 'content-type': 'application/json' },
    });
  return {
    handle: async () => unimplemented(),
    inject() {},
    clearFaults() {},
    pendingFaults: () => [],
    advanceTime() {},
    setPacing() {},
    reset() {},
  };
}
