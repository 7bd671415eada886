/**
 * Injected failures: a queue of `FaultScenario`s, each applying to the next `count` (default 1) requests to
 * `POST /v1/messages`.
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
 */
import type { FaultScenario } from './emulator';
import type { ApiErrorDetails, ApiErrorType } from './errors';

export class FaultQueue {
  private queue: Array<{ scenario: FaultScenario; remaining: number }> = [];

  inject(scenario: FaultScenario): void {
    const count = scenario.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`FaultScenario.count must be a positive integer, got ${String(scenario.count)}`);
    if (scenario.kind === 'latency' && !(Number.isFinite(scenario.ms) && scenario.ms >= 0)) {
      throw new RangeError(`latency FaultScenario needs ms >= 0, got ${String(scenario.ms)}`);
    }
    this.queue.push({ scenario: { ...scenario }, remaining: count });
  }

  clear(): void {
    this.queue = [];
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
    return head.scenario;
  }
}

export interface HttpFault {
  status: number;
  type: ApiErrorType;
  message: string;
  details?: ApiErrorDetails;
}

/** The HTTP error an injected scenario produces for a non-streaming answer (null for latency). */
export function httpFaultFor(scenario: FaultScenario): HttpFault | null {
  switch (scenario.kind) {
    case 'overloaded':
      return { status: 529, type: 'overloaded_error', message: 'Overloaded' };
    case 'api_error':
      return { status: 500, type: 'api_error', message: 'Internal server error' };
    case 'stream_error':
      return scenario.errorType === 'api_error'
        ? { status: 500, type: 'api_error', message: 'Internal server error' }
        : { status: 529, type: 'overloaded_error', message: 'Overloaded' };
    case 'rate_limit':
      return { status: 429, type: 'rate_limit_error', message: '' };
    case 'permission':
      return { status: 403, type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' };
    case 'spend_limit':
      return {
        status: 429,
        type: 'rate_limit_error',
        message: "Your organization has reached its API tier's monthly spend limit. Access resumes at the start of next month, or move to a higher tier.",
        details: { error_code: 'enforced_spend_limit_reached' },
      };
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

/** Validates untrusted JSON (the Node server's control endpoint) into a FaultScenario, or explains why not. */
export function parseFaultScenario(value: unknown): FaultScenario | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a FaultScenario must be a JSON object';
  const record = value as Record<string, unknown>;
  const count = record.count;
  if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 1)) return 'count must be a positive integer';
  const base = count === undefined ? {} : { count: count as number };
  switch (record.kind) {
    case 'rate_limit': {
      const retry = record.retryAfterSeconds;
      if (retry !== undefined && !(typeof retry === 'number' && retry >= 0)) return 'retryAfterSeconds must be a number >= 0';
      return { kind: 'rate_limit', ...base, ...(retry === undefined ? {} : { retryAfterSeconds: retry as number }) };
    }
    case 'overloaded':
      return { kind: 'overloaded', ...base };
    case 'api_error':
      return { kind: 'api_error', ...base };
    case 'permission':
      return { kind: 'permission', ...base };
    case 'spend_limit':
      return { kind: 'spend_limit', ...base };
    case 'stream_error': {
      const after = record.afterEvents;
      if (after !== undefined && !(Number.isInteger(after) && (after as number) >= 0)) return 'afterEvents must be an integer >= 0';
      const errorType = record.errorType;
      if (errorType !== undefined && errorType !== 'overloaded_error' && errorType !== 'api_error') {
        return 'errorType must be "overloaded_error" or "api_error"';
      }
      return {
        kind: 'stream_error', ...base,
        ...(after === undefined ? {} : { afterEvents: after as number }),
        ...(errorType === undefined ? {} : { errorType }),
      };
    }
    case 'latency': {
      const ms = record.ms;
      if (!(typeof ms === 'number' && Number.isFinite(ms) && ms >= 0)) return 'latency needs ms (a number >= 0)';
      return { kind: 'latency', ...base, ms };
    }
    default:
      return 'kind must be one of rate_limit, overloaded, api_error, permission, spend_limit, stream_error, latency';
  }
}
