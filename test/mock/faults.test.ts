/** Injected faults and rate limits, and how the official SDK's retry logic meets them. */
import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages/messages';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/mock/emulator';
import { FAULT_LIMITS } from '../../src/mock/faults';
import { hello, rawPost, sdkClient, testEmulator } from './helpers';

const params = hello() as unknown as MessageCreateParamsNonStreaming;

/** An SDK client that records the status of every attempt it makes. */
function recordingClient(emulator: Emulator, maxRetries: number) {
  const statuses: number[] = [];
  const client = sdkClient(emulator, {
    maxRetries,
    fetch: async (url, init) => {
      const response = await emulator.handle(new Request(url, init));
      statuses.push(response.status);
      return response;
    },
  });
  return { client, statuses };
}

describe('injected faults', () => {
  it('tells watchers what is pending after each inject, use, clear and reset (the page shows the queue)', async () => {
    const emulator = testEmulator();
    const seen: string[] = [];
    const stop = emulator.watchFaults((pending) => seen.push(pending.map((fault) => `${fault.kind}×${fault.count}`).join(',')));
    emulator.inject({ kind: 'overloaded', count: 2 });
    await rawPost(emulator, '/v1/messages', hello());
    emulator.inject({ kind: 'api_error' });
    emulator.clearFaults();
    emulator.inject({ kind: 'permission' });
    emulator.reset();
    stop();
    emulator.inject({ kind: 'api_error' });
    expect(seen).toEqual(['overloaded×2', 'overloaded×1', 'overloaded×1,api_error×1', '', 'permission×1', '']);
  });

  it('429 carries retry-after and zeroed rate-limit headers', async () => {
    const emulator = testEmulator();
    emulator.inject({ kind: 'rate_limit', retryAfterSeconds: 7 });
    const response = await rawPost(emulator, '/v1/messages', hello());
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    expect(response.headers.get('anthropic-ratelimit-requests-reset')).toBe('2026-11-24T08:00:07Z');
    expect(response.headers.get('x-should-retry')).toBe('true');
    const json = (await response.json()) as { error: { type: string; message: string } };
    expect(json.error.type).toBe('rate_limit_error');
    expect(emulator.pendingFaults()).toEqual([]);
  });

  it('the SDK honours retry-after and then succeeds', async () => {
    const emulator = testEmulator();
    emulator.inject({ kind: 'rate_limit', retryAfterSeconds: 0.2 });
    const { client, statuses } = recordingClient(emulator, 2);
    const started = performance.now();
    const message = await client.messages.create(params);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(message.type).toBe('message');
    expect(statuses).toEqual([429, 200]);
  });

  it.each([
    ['overloaded', 529],
    ['api_error', 500],
  ] as const)('%s is retried by the SDK, then succeeds', async (kind, status) => {
    const emulator = testEmulator();
    emulator.inject({ kind });
    const { client, statuses } = recordingClient(emulator, 2);
    expect((await client.messages.create(params)).type).toBe('message');
    expect(statuses).toEqual([status, 200]);
  });

  it('without retries the SDK throws the matching error class', async () => {
    const emulator = testEmulator();
    emulator.inject({ kind: 'overloaded', count: 2 });
    expect(emulator.pendingFaults()).toEqual([{ kind: 'overloaded', count: 2 }]);
    const error = await sdkClient(emulator).messages.create(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.OverloadedError);
    expect((error as InstanceType<typeof Anthropic.OverloadedError>).status).toBe(529);
    expect((error as InstanceType<typeof Anthropic.OverloadedError>).type).toBe('overloaded_error');
    expect(emulator.pendingFaults()).toEqual([{ kind: 'overloaded', count: 1 }]);
    emulator.clearFaults();
    expect((await sdkClient(emulator).messages.create(params)).type).toBe('message');
  });

  it('a mid-stream error reaches the SDK as an APIError with type, after HTTP 200', async () => {
    const emulator = testEmulator();
    emulator.inject({ kind: 'stream_error', afterEvents: 3 });
    const stream = sdkClient(emulator).messages.stream(params);
    const error = await stream.finalMessage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error).not.toBeInstanceOf(Anthropic.OverloadedError);
    const apiError = error as InstanceType<typeof Anthropic.APIError>;
    expect(apiError.status).toBeUndefined();
    expect(apiError.type).toBe('overloaded_error');
  });

  it('the raw stream shows event: error after the given number of events', async () => {
    const emulator = testEmulator();
    emulator.inject({ kind: 'stream_error', afterEvents: 2, errorType: 'api_error' });
    const response = await rawPost(emulator, '/v1/messages', hello({ stream: true }));
    expect(response.status).toBe(200);
    const events = (await response.text()).trim().split('\n\n');
    expect(events).toHaveLength(3);
    expect(events[2]).toBe('event: error\ndata: {"type":"error","error":{"type":"api_error","message":"Internal server error"}}');
  });

  it('a stream_error meeting a non-streaming request is its HTTP equivalent (529)', async () => {
    const emulator = testEmulator();
    emulator.inject({ kind: 'stream_error' });
    expect((await rawPost(emulator, '/v1/messages', hello())).status).toBe(529);
  });

  it('latency waits through the injected sleep, then answers normally', async () => {
    const waits: number[] = [];
    const emulator = testEmulator({ sleep: async (ms) => void waits.push(ms) });
    emulator.inject({ kind: 'latency', ms: 1500 });
    expect((await rawPost(emulator, '/v1/messages', hello())).status).toBe(200);
    expect(waits).toEqual([1500]);
  });

  it('spend_limit: a 429 with error_code enforced_spend_limit_reached and no retry-after; the SDK exposes errorCode', async () => {
    const emulator = testEmulator();
    emulator.inject({ kind: 'spend_limit' });
    const raw = await rawPost(emulator, '/v1/messages', hello());
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBeNull();
    const json = (await raw.json()) as { error: { type: string; details?: { error_code: string } } };
    expect(json.error).toMatchObject({ type: 'rate_limit_error', details: { error_code: 'enforced_spend_limit_reached' } });

    emulator.inject({ kind: 'spend_limit' });
    const { client, statuses } = recordingClient(emulator, 0);
    const failure = await client.messages.create(params).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Anthropic.RateLimitError);
    expect((failure as InstanceType<typeof Anthropic.APIError>).errorCode).toBe('enforced_spend_limit_reached');
    expect((failure as Error).constructor.name).toBe('EnforcedSpendLimitReachedError');
    expect(statuses).toEqual([429]);
    // The neighbour: an ordinary rate limit has retry-after and no error code.
    emulator.inject({ kind: 'rate_limit', retryAfterSeconds: 3 });
    const limited = await client.messages.create(params).catch((error: unknown) => error);
    expect((limited as InstanceType<typeof Anthropic.APIError>).errorCode).toBeNull();
    expect((limited as InstanceType<typeof Anthropic.APIError>).headers?.get('retry-after')).toBe('3');
  });

  it('rejects malformed scenarios with a clear error', () => {
    const emulator = testEmulator();
    expect(() => emulator.inject({ kind: 'overloaded', count: 0 })).toThrow(/count must be a positive integer/);
    expect(() => emulator.inject({ kind: 'latency', ms: -5 })).toThrow(/latency FaultScenario needs ms >= 0/);
  });
});

describe('rate limits (token buckets on the emulator clock)', () => {
  it('RPM: the third request in a minute at 2 RPM is a 429 until the bucket refills', async () => {
    const emulator = testEmulator({ rateLimits: { requestsPerMinute: 2, inputTokensPerMinute: 1_000_000, outputTokensPerMinute: 1_000_000 } });
    const first = await rawPost(emulator, '/v1/messages', hello());
    expect(first.status).toBe(200);
    expect(first.headers.get('anthropic-ratelimit-requests-remaining')).toBe('1');
    expect(first.headers.get('anthropic-ratelimit-requests-reset')).toBe('2026-11-24T08:00:30Z');
    const second = await rawPost(emulator, '/v1/messages', hello());
    expect(second.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    const third = await rawPost(emulator, '/v1/messages', hello());
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('30');
    expect(((await third.json()) as { error: { message: string } }).error.message).toMatch(/rate limit of 2 requests per minute/);
    emulator.advanceTime(30_000);
    expect((await rawPost(emulator, '/v1/messages', hello())).status).toBe(200);
  });

  it('ITPM counts input and cache writes, not cache reads', async () => {
    const limits = { requestsPerMinute: 1000, inputTokensPerMinute: 5000, outputTokensPerMinute: 1_000_000 };
    const system = [{ type: 'text', text: 'Explain every API field with care and precision. '.repeat(200), cache_control: { type: 'ephemeral' } }];
    const cachedRun = testEmulator({ rateLimits: limits });
    for (let i = 0; i < 5; i++) expect((await rawPost(cachedRun, '/v1/messages', hello({ system }))).status).toBe(200);
    const uncachedRun = testEmulator({ rateLimits: limits });
    const plainSystem = [{ type: 'text', text: system[0].text }];
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await rawPost(uncachedRun, '/v1/messages', hello({ system: plainSystem }))).status);
    expect(statuses).toContain(429);
  });
});

describe('permission_error (403) fault scenario', () => {
  it('is a 403 permission_error that the SDK does not retry', async () => {
    const emulator = testEmulator();
    emulator.inject({ kind: 'permission' });
    const statuses: number[] = [];
    const client = sdkClient(emulator, {
      maxRetries: 2,
      fetch: async (url, init) => {
        const response = await emulator.handle(new Request(url, init));
        statuses.push(response.status);
        return response;
      },
    });
    const failure = await client.messages.create(hello() as unknown as MessageCreateParamsNonStreaming).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Anthropic.PermissionDeniedError);
    const apiError = failure as InstanceType<typeof Anthropic.PermissionDeniedError>;
    expect(apiError.error).toMatchObject({ type: 'error', error: { type: 'permission_error' } });
    expect(apiError.headers.get('x-should-retry')).toBe('false');
    expect(apiError.requestID).toMatch(/^req_/);
    expect(statuses).toEqual([403]);
  });
});

describe('the fault queue is bounded', () => {
  it('refuses counts, latencies and retry-after beyond FAULT_LIMITS, and keeps at most maxQueued scenarios', () => {
    const emulator = testEmulator();
    expect(() => emulator.inject({ kind: 'overloaded', count: Number.MAX_SAFE_INTEGER })).toThrow(RangeError);
    expect(() => emulator.inject({ kind: 'latency', ms: FAULT_LIMITS.maxLatencyMs + 1 })).toThrow(RangeError);
    expect(() => emulator.inject({ kind: 'rate_limit', retryAfterSeconds: 1e300 })).toThrow(RangeError);
    for (let i = 0; i < FAULT_LIMITS.maxQueued + 10; i++) emulator.inject({ kind: 'api_error' });
    expect(emulator.pendingFaults()).toHaveLength(FAULT_LIMITS.maxQueued);
  });
});
