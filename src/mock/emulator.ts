/**
 * The public surface of the API emulator: `createEmulator(options).handle(request)` answers a fetch `Request` for
 * https://api.anthropic.com/… like the API would, through MSW handlers (`getResponse`, no service worker and no
 * msw/node) around the pure modules of src/mock/. Deterministic: the same seed and the same sequence of requests
 * give the same bytes; time comes from the injectable clock plus `advanceTime` offsets.
 */
import './local-storage-shim';
import { getResponse } from 'msw';
import { checkBrowserAccess } from './browser-access';
import { BatchStore } from './batches';
import { PromptCache } from './cache';
import { notFound } from './errors';
import { FaultQueue, type FaultScenario } from './faults';
import { createHandlers } from './handlers';
import { createIdGenerator } from './ids';
import { checkPacing, realSleep, REALISTIC_PACING, type Pacing } from './pacing';
import { failBeforeRouting, readRequestBody } from './pipeline';
import { DEFAULT_RATE_LIMITS, RateLimiter } from './rate-limit';
import { API_ORIGIN } from '../anthropic-api';
import type { EmulatorRuntime } from './runtime';

// The emulator's public types and constants, for callers that import only this module.
export type { FaultScenario } from './faults';
export { REALISTIC_PACING, realSleep, type Pacing } from './pacing';

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

export interface HandleOptions {
  /** A fault for this request alone, whatever its route (the local server's `x-emulator-fault` header). */
  fault?: FaultScenario;
}

export interface Emulator {
  /** Answers one request to https://api.anthropic.com/… . May reject with a TypeError (emulated network/CORS failure). */
  handle(request: Request, options?: HandleOptions): Promise<Response>;
  inject(scenario: FaultScenario): void;
  clearFaults(): void;
  pendingFaults(): readonly FaultScenario[];
  /** Calls `listener` with what is pending after every change (inject, use, clear, reset). Returns the unsubscribe. */
  watchFaults(listener: (pending: readonly FaultScenario[]) => void): () => void;
  /** Moves the emulator's clock forward (cache lifetimes, rate-limit windows). */
  advanceTime(ms: number): void;
  setPacing(pacing: Pacing): void;
  /** Forget caches, rate-limit windows, faults, batches and clock offset; ids are never reused. */
  reset(): void;
}

export const DEFAULT_SEED = 'claude-playground';

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const seed = options.seed ?? DEFAULT_SEED;
  const baseNow = options.now ?? Date.now;
  const browserAccess = options.browserAccess ?? 'ignore';
  let offsetMs = 0;
  const now = () => baseNow() + offsetMs;

  const faultWatchers = new Set<(pending: readonly FaultScenario[]) => void>();
  const faultsChanged = () => {
    const pending = runtime.faults.pending();
    for (const watcher of faultWatchers) {
      try {
        watcher(pending);
      } catch {
        // A watcher's bug (the page's) must not fail the request that used the fault.
      }
    }
  };
  const freshRuntime = (pacing: Pacing): EmulatorRuntime => ({
    seed,
    ids: createIdGenerator(seed),
    now,
    cache: new PromptCache(now),
    rateLimiter: new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS, now),
    faults: new FaultQueue(() => faultsChanged()),
    batches: new BatchStore(now),
    pacing,
    sleep: options.sleep ?? realSleep,
    requestFaults: new WeakMap(),
  });
  const runtime = freshRuntime(checkPacing(options.pacing ?? REALISTIC_PACING));
  const handlers = createHandlers(runtime);

  return {
    async handle(request, handleOptions = {}) {
      const url = new URL(request.url);
      if (url.origin !== API_ORIGIN) {
        throw new TypeError(`Failed to fetch: the emulator only answers ${API_ORIGIN}, not ${url.origin}`);
      }
      const corsFailure = checkBrowserAccess(request, browserAccess);
      if (corsFailure) throw corsFailure;
      // Size (413) and Content-Encoding are settled once, before routing (pipeline.ts).
      const routed = await readRequestBody(runtime, request);
      if (routed instanceof Response) return routed;
      if (handleOptions.fault) runtime.requestFaults.set(routed, handleOptions.fault);
      let response: Response | undefined;
      try {
        response = await getResponse(handlers, routed);
      } catch (error) {
        if (request.signal.aborted) throw error;
        // MSW's router throws on paths it cannot decode (e.g. a malformed %-escape): answer like an unknown path.
        if (error instanceof URIError) response = undefined;
        else throw error;
      }
      // The catch-all handler answers every decodable path; an undecodable one is an unknown path too, with the
      // `request-id` header every API response carries (REF §2, docs: …/api/errors).
      return response ?? failBeforeRouting(runtime, notFound('Not Found'));
    },
    inject(scenario) {
      // Validated and bounded there (faults.ts): cells pass untrusted objects.
      runtime.faults.inject(scenario);
    },
    clearFaults() {
      runtime.faults.clear();
    },
    pendingFaults() {
      return runtime.faults.pending();
    },
    watchFaults(listener) {
      faultWatchers.add(listener);
      return () => faultWatchers.delete(listener);
    },
    advanceTime(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advanceTime needs a number of ms >= 0, got ${String(ms)}`);
      offsetMs += ms;
    },
    setPacing(pacing) {
      runtime.pacing = checkPacing(pacing);
    },
    reset() {
      offsetMs = 0;
      runtime.batches.dispose();
      // The id sequence goes on: lessons reset the emulator, and a message or request id must never come back in
      // one page session (the API never reuses one; issue 11). Ids stay a function of the seed and the number of
      // ids made so far, so a test that replays the same requests still gets the same ids.
      Object.assign(runtime, freshRuntime(runtime.pacing), { ids: runtime.ids });
      faultsChanged();
    },
  };
}
