/**
 * The public surface of the API emulator: `createEmulator(options).handle(request)` answers a fetch `Request` for
 * https://api.anthropic.com/… like the API would, through MSW handlers (`getResponse`, no service worker and no
 * msw/node) around the pure modules of src/mock/. Deterministic: the same seed and the same sequence of requests
 * give the same bytes; time comes from the injectable clock plus `advanceTime` offsets.
 */
import './local-storage-shim';
import { getResponse } from 'msw';
import { contentCodings, decodeBody } from './body-encoding';
import { readBodyWithinLimit } from './body-limit';
import { checkBrowserAccess } from './browser-access';
import { BatchStore } from './batches';
import { PromptCache } from './cache';
import { failureResponse, notFound } from './errors';
import { FaultQueue } from './faults';
import { API_ORIGIN } from '../anthropic-api';
import { createHandlers, type EmulatorRuntime } from './handlers';
import { baseResponseHeaders } from './headers';
import { createIdGenerator } from './ids';
import { DEFAULT_RATE_LIMITS, RateLimiter } from './rate-limit';
import { checkRequestSize, MAX_REQUEST_BYTES } from './validate/size';

export type FaultScenario =
  | { kind: 'rate_limit'; count?: number; retryAfterSeconds?: number }
  | { kind: 'overloaded'; count?: number }
  | { kind: 'api_error'; count?: number }
  | { kind: 'stream_error'; count?: number; afterEvents?: number; errorType?: 'overloaded_error' | 'api_error' }
  | { kind: 'latency'; count?: number; ms: number }
  /** 403 `permission_error`: the key lacks permission for the resource (REF §3, SDK:core/error.ts:282). */
  | { kind: 'permission'; count?: number }
  /**
   * 429 `rate_limit_error` with `error.details.error_code: "enforced_spend_limit_reached"` and no `retry-after`:
   * the organization crossed its tier's monthly spend cap, so waiting does not help (REF §2, §3;
   * SDK:resources/shared.ts EnforcedSpendLimitReachedError).
   */
  | { kind: 'spend_limit'; count?: number };

export type Pacing = { timeToFirstTokenMs: number; tokensPerSecond: number } | 'instant';

/** What `pacing` defaults to: a first token after ~0.6 s, then ~60 tokens per second. */
export const REALISTIC_PACING: Pacing = { timeToFirstTokenMs: 600, tokensPerSecond: 60 };

/**
 * The mock server's default: streams still arrive event by event over time, but a 1,000-token reply
 * takes about half a second, so scripts and test suites pointed at the server are not slowed down.
 */
export const FAST_PACING: Pacing = { timeToFirstTokenMs: 50, tokensPerSecond: 2000 };

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

export const DEFAULT_SEED = 'claude-playground';

/** Waits `ms`, rejecting with the signal's reason if it aborts first. */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function checkPacing(pacing: Pacing): Pacing {
  if (pacing === 'instant') return pacing;
  if (!(pacing.timeToFirstTokenMs >= 0) || !(pacing.tokensPerSecond > 0)) {
    throw new RangeError('pacing needs timeToFirstTokenMs >= 0 and tokensPerSecond > 0, or the string "instant"');
  }
  return pacing;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const seed = options.seed ?? DEFAULT_SEED;
  const baseNow = options.now ?? Date.now;
  const browserAccess = options.browserAccess ?? 'ignore';
  let offsetMs = 0;
  const now = () => baseNow() + offsetMs;

  const freshRuntime = (pacing: Pacing): EmulatorRuntime => ({
    seed,
    ids: createIdGenerator(seed),
    now,
    cache: new PromptCache(now),
    rateLimiter: new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS, now),
    faults: new FaultQueue(),
    batches: new BatchStore(now),
    pacing,
    sleep: options.sleep ?? realSleep,
  });
  const runtime = freshRuntime(checkPacing(options.pacing ?? REALISTIC_PACING));
  const handlers = createHandlers(runtime);

  return {
    async handle(request) {
      const url = new URL(request.url);
      if (url.origin !== API_ORIGIN) {
        throw new TypeError(`Failed to fetch: the emulator only answers ${API_ORIGIN}, not ${url.origin}`);
      }
      const corsFailure = checkBrowserAccess(request, browserAccess);
      if (corsFailure) throw corsFailure;
      // The 413 is decided from the byte length alone, before routing, auth or parsing (body-limit.ts, REF §3).
      let routed = request;
      if (request.body !== null || request.headers.has('content-length')) {
        const body = await readBodyWithinLimit(request);
        if (!body.ok) {
          const requestId = runtime.ids.next('req_');
          return failureResponse(checkRequestSize(body.byteLength)!, { requestId, headers: baseResponseHeaders(requestId) });
        }
        // A compressed body is decoded here, so every route sees plain JSON (body-encoding.ts).
        const codings = contentCodings(request.headers.get('content-encoding'));
        const decoded = codings.length > 0 ? await decodeBody(body.bytes, codings, MAX_REQUEST_BYTES) : { ok: true as const, bytes: body.bytes };
        if (!decoded.ok) {
          const requestId = runtime.ids.next('req_');
          return failureResponse(decoded.failure, { requestId, headers: baseResponseHeaders(requestId) });
        }
        const headers = new Headers(request.headers);
        if (codings.length > 0) {
          headers.delete('content-encoding');
          headers.delete('content-length');
        }
        routed = new Request(request.url, {
          method: request.method,
          headers,
          body: decoded.bytes.byteLength > 0 ? decoded.bytes : null,
          signal: request.signal,
        });
      }
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
      if (response) return response;
      const requestId = runtime.ids.next('req_');
      return notFound('Not Found', { requestId, headers: baseResponseHeaders(requestId) });
    },
    inject(scenario) {
      runtime.faults.inject(scenario);
    },
    clearFaults() {
      runtime.faults.clear();
    },
    pendingFaults() {
      return runtime.faults.pending();
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
      Object.assign(runtime, freshRuntime(runtime.pacing));
    },
  };
}
