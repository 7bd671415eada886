/**
 * The state every route shares (replaced wholesale on reset). Nothing here imports a route, so the routes, the
 * pipeline and the emulator all depend on this one module.
 */
import type { BatchStore } from './batches';
import type { PromptCache } from './cache';
import type { FaultQueue, FaultScenario } from './faults';
import type { IdGenerator } from './ids';
import type { Pacing } from './pacing';
import type { RateLimiter } from './rate-limit';

/**
 * Set by the Node server so that absolute URLs the emulator hands out (a batch's `results_url`) point back at it.
 * Never trusted for anything else.
 */
export const PUBLIC_ORIGIN_HEADER = 'x-emulator-public-origin';

export interface EmulatorRuntime {
  seed: string;
  ids: IdGenerator;
  now: () => number;
  cache: PromptCache;
  rateLimiter: RateLimiter;
  faults: FaultQueue;
  batches: BatchStore;
  pacing: Pacing;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A fault attached to one request (`Emulator.handle(request, { fault })`): it applies to that request only. */
  requestFaults: WeakMap<Request, FaultScenario>;
}
