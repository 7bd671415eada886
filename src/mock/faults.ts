/**
 * Injected failures: a bounded queue of `FaultScenario`s, each applying to the next `count` (default 1) requests to
 * `POST /v1/messages`; or one scenario attached to a single request (the local server's `x-emulator-fault` header),
 * which applies to that request only.
 *
 * What each one looks like on the wire (REF §2, §3, §5; docs: …/api/errors, …/streaming, …/rate-limits):
 *  - `rate_limit`: 429 `rate_limit_error` with `retry-after` seconds and `anthropic-ratelimit-*` headers at zero.
 *  - `overloaded`: 529 `overloaded_error`.
 *  - `api_error`: 500 `api_error`.
 *  - `stream_error`: HTTP 200, then `event: error` after `afterEvents` events (default 3) of a stream. On a
 *    non-streaming request the same incident is the HTTP status it "would normally correspond to" (529 for
 *    `overloaded_error`, 500 for `api_error`).
 *  - `latency`: waits `ms` before answering normally.
 *  - `permission`: 403 `permission_error` ("Your API key does not have permission to use the specified resource."
 *    is the docs' description of this error; REF §3, docs: …/api/errors; SDK:core/error.ts:282 PermissionDeniedError).
 *  - `spend_limit`: 429 `rate_limit_error` with `details.error_code: "enforced_spend_limit_reached"` and no
 *    `retry-after`: the tier's monthly spend cap, which "keeps failing" until the cap changes (REF §2 `retry-after`,
 *    §3 codes; SDK:core/error-classes.ts:227, resources/shared.ts EnforcedSpendLimitReachedError). The message
 *    wording is not documented (unverified): it only says what happened.
 *
 * Scenarios come from cells and from the local server's control route, so they are validated (zod) and bounded:
 * a scenario cannot outlive a lesson by its count, stall a request for minutes, or fill memory by its numbers.
 */
import { z } from 'zod';
import { apiError, type ApiFailure } from './errors';

/** Bounds on what one scenario may ask for (the emulator's own choices; generous for any lesson). */
export const FAULT_LIMITS = {
  /** Requests one scenario applies to. */
  maxCount: 100,
  /** Injected latency, ms. */
  maxLatencyMs: 60_000,
  /** `retry-after` of an injected 429, seconds (one hour; the SDK itself waits at most 60 s for one, SDK:client.ts). */
  maxRetryAfterSeconds: 3_600,
  /** Events before a stream breaks. */
  maxAfterEvents: 10_000,
  /** Scenarios queued at once; the oldest are dropped past this. */
  maxQueued: 50,
} as const;

const count = z
  .number({ error: 'count must be a positive integer' })
  .int('count must be a positive integer')
  .min(1, 'count must be a positive integer')
  .max(FAULT_LIMITS.maxCount, `count must be a positive integer <= ${FAULT_LIMITS.maxCount}`)
  .optional();

export const faultScenarioSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('rate_limit'),
      count,
      retryAfterSeconds: z
        .number({ error: 'retryAfterSeconds must be a number >= 0' })
        .min(0, 'retryAfterSeconds must be a number >= 0')
        .max(FAULT_LIMITS.maxRetryAfterSeconds, `retryAfterSeconds must be <= ${FAULT_LIMITS.maxRetryAfterSeconds}`)
        .optional(),
    }),
    z.object({ kind: z.literal('overloaded'), count }),
    z.object({ kind: z.literal('api_error'), count }),
    z.object({ kind: z.literal('permission'), count }),
    z.object({ kind: z.literal('spend_limit'), count }),
    z.object({
      kind: z.literal('stream_error'),
      count,
      afterEvents: z
        .number({ error: 'afterEvents must be an integer >= 0' })
        .int('afterEvents must be an integer >= 0')
        .min(0, 'afterEvents must be an integer >= 0')
        .max(FAULT_LIMITS.maxAfterEvents, `afterEvents must be <= ${FAULT_LIMITS.maxAfterEvents}`)
        .optional(),
      errorType: z.enum(['overloaded_error', 'api_error'], { error: 'errorType must be "overloaded_error" or "api_error"' }).optional(),
    }),
    z.object({
      kind: z.literal('latency'),
      count,
      ms: z
        .number({ error: 'latency FaultScenario needs ms >= 0' })
        .min(0, 'latency FaultScenario needs ms >= 0')
        .max(FAULT_LIMITS.maxLatencyMs, `latency FaultScenario needs ms <= ${FAULT_LIMITS.maxLatencyMs}`),
    }),
  ],
  { error: 'kind must be one of rate_limit, overloaded, api_error, permission, spend_limit, stream_error, latency' },
);

export type FaultScenario = z.infer<typeof faultScenarioSchema>;

/** Validates untrusted input into a FaultScenario, or explains why not (the first problem, with its field). */
export function parseFaultScenario(value: unknown): FaultScenario | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a FaultScenario must be a JSON object';
  const result = faultScenarioSchema.safeParse(value);
  if (result.success) return result.data;
  return result.error.issues[0]?.message ?? 'not a valid FaultScenario';
}

export class FaultQueue {
  private queue: Array<{ scenario: FaultScenario; remaining: number }> = [];

  /** `changed` runs after every change of what is pending (the page shows the queue). */
  constructor(private readonly changed: () => void = () => {}) {}

  /** Queues a scenario; throws a RangeError naming the problem for invalid input (cells pass untrusted objects). */
  inject(scenario: unknown): void {
    const parsed = parseFaultScenario(scenario);
    if (typeof parsed === 'string') throw new RangeError(parsed);
    this.queue.push({ scenario: parsed, remaining: parsed.count ?? 1 });
    if (this.queue.length > FAULT_LIMITS.maxQueued) this.queue.splice(0, this.queue.length - FAULT_LIMITS.maxQueued);
    this.changed();
  }

  clear(): void {
    const had = this.queue.length > 0;
    this.queue = [];
    if (had) this.changed();
  }

  /** What is still queued, each with its remaining count. */
  pending(): FaultScenario[] {
    return this.queue.map(({ scenario, remaining }) => ({ ...scenario, count: remaining }));
  }

  /** Consumes one use of the scenario at the head of the queue. */
  take(): FaultScenario | null {
    const head = this.queue[0];
    if (!head) return null;
    head.remaining -= 1;
    if (head.remaining <= 0) this.queue.shift();
    this.changed();
    return head.scenario;
  }
}

/** The HTTP error an injected scenario produces for a non-streaming answer (null for latency; 429 is built by the caller). */
export function httpFaultFor(scenario: FaultScenario): ApiFailure | null {
  switch (scenario.kind) {
    case 'overloaded':
      return apiError(529, 'overloaded_error', 'Overloaded');
    case 'api_error':
      return apiError(500, 'api_error', 'Internal server error');
    case 'stream_error':
      return scenario.errorType === 'api_error'
        ? apiError(500, 'api_error', 'Internal server error')
        : apiError(529, 'overloaded_error', 'Overloaded');
    case 'rate_limit':
      return apiError(429, 'rate_limit_error', '');
    case 'permission':
      return apiError(403, 'permission_error', 'Your API key does not have permission to use the specified resource.');
    case 'spend_limit':
      return apiError(
        429,
        'rate_limit_error',
        "Your organization has reached its API tier's monthly spend limit. Access resumes at the start of next month, or move to a higher tier.",
        { error_code: 'enforced_spend_limit_reached' },
      );
    case 'latency':
      return null;
  }
}

/** Parameters for the mid-stream failure of a `stream_error` scenario. */
export function streamFaultFor(scenario: Extract<FaultScenario, { kind: 'stream_error' }>): {
  failAfterEvents: number;
  failWith: { type: 'overloaded_error' | 'api_error'; message: string };
} {
  const type = scenario.errorType ?? 'overloaded_error';
  return {
    failAfterEvents: Math.max(0, scenario.afterEvents ?? 3),
    failWith: { type, message: type === 'overloaded_error' ? 'Overloaded' : 'Internal server error' },
  };
}
