/**
 * Rate limits as token buckets on the emulator's clock: requests per minute (RPM), input tokens per minute
 * (ITPM) and output tokens per minute (OTPM).
 *
 * Sources (REF §2, docs: docs.anthropic.com/en/api/rate-limits):
 *  - buckets are replenished continuously up to the per-minute limit (token bucket algorithm);
 *  - ITPM counts `input_tokens + cache_creation_input_tokens`, not `cache_read_input_tokens`;
 *  - a 429 carries `retry-after` (seconds to wait) and the `anthropic-ratelimit-*` headers;
 *  - `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}`; `reset` is RFC 3339
 *    (when the bucket is full again); token `remaining` is rounded to the nearest thousand; `tokens-*` is the most
 *    restrictive token limit in effect — here input and output combined.
 *
 * Admission: a request is admitted while each bucket holds at least one unit; its real token use is debited after
 * generation (the API "first estimates" output from max_tokens, then corrects it), so a large request can drive a
 * bucket below zero and the next requests wait for it to refill.
 */

export interface RateLimits {
  requestsPerMinute: number;
  inputTokensPerMinute: number;
  outputTokensPerMinute: number;
}

/** Generous defaults (the size of a high usage tier) so lessons only meet a 429 when they inject one. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  requestsPerMinute: 4_000,
  inputTokensPerMinute: 2_000_000,
  outputTokensPerMinute: 400_000,
};

const MINUTE_MS = 60_000;

class TokenBucket {
  private level: number;
  private updatedAt: number;

  constructor(readonly capacity: number, now: number) {
    this.level = capacity;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.level = Math.min(this.capacity, this.level + (elapsed * this.capacity) / MINUTE_MS);
    this.updatedAt = now;
  }

  remaining(now: number): number {
    this.refill(now);
    return this.level;
  }

  take(amount: number, now: number): void {
    this.refill(now);
    this.level -= amount;
  }

  /** Milliseconds until the bucket holds at least `amount` (0 if it already does). */
  msUntil(amount: number, now: number): number {
    this.refill(now);
    if (this.level >= amount) return 0;
    return ((amount - this.level) * MINUTE_MS) / this.capacity;
  }

  /** Milliseconds until the bucket is full. */
  msUntilFull(now: number): number {
    return this.msUntil(this.capacity, now);
  }
}

export type LimitedResource = 'requests' | 'input_tokens' | 'output_tokens';

export type Admission =
  | { admitted: true; headers: Record<string, string> }
  | { admitted: false; resource: LimitedResource; limit: number; retryAfterSeconds: number; headers: Record<string, string> };

export class RateLimiter {
  private requests!: TokenBucket;
  private inputTokens!: TokenBucket;
  private outputTokens!: TokenBucket;

  constructor(readonly limits: RateLimits, private readonly now: () => number) {
    this.reset();
  }

  reset(): void {
    const now = this.now();
    this.requests = new TokenBucket(this.limits.requestsPerMinute, now);
    this.inputTokens = new TokenBucket(this.limits.inputTokensPerMinute, now);
    this.outputTokens = new TokenBucket(this.limits.outputTokensPerMinute, now);
  }

  /** Admits (and counts) one request, or says which limit is exhausted and for how long. */
  admit(): Admission {
    const now = this.now();
    const waits: Array<[LimitedResource, TokenBucket, number]> = [
      ['requests', this.requests, this.requests.msUntil(1, now)],
      ['input_tokens', this.inputTokens, this.inputTokens.msUntil(1, now)],
      ['output_tokens', this.outputTokens, this.outputTokens.msUntil(1, now)],
    ];
    const blocked = waits.filter(([, , wait]) => wait > 0).sort((a, b) => b[2] - a[2])[0];
    if (blocked) {
      const [resource, bucket, wait] = blocked;
      const retryAfterSeconds = Math.max(1, Math.ceil(wait / 1000));
      return { admitted: false, resource, limit: bucket.capacity, retryAfterSeconds, headers: this.headers() };
    }
    this.requests.take(1, now);
    return { admitted: true, headers: this.headers() };
  }

  /** Debits what a request really used. `inputTokens` = input_tokens + cache_creation_input_tokens. */
  record(inputTokens: number, outputTokens: number): void {
    const now = this.now();
    this.inputTokens.take(inputTokens, now);
    this.outputTokens.take(outputTokens, now);
  }

  /** The `anthropic-ratelimit-*` headers for the current state. */
  headers(): Record<string, string> {
    const now = this.now();
    const resetAt = (bucket: TokenBucket) => new Date(Math.ceil((now + bucket.msUntilFull(now)) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    const roundThousand = (n: number) => String(Math.max(0, Math.round(n / 1000) * 1000));
    const inputRemaining = this.inputTokens.remaining(now);
    const outputRemaining = this.outputTokens.remaining(now);
    const tokensResetMs = Math.max(this.inputTokens.msUntilFull(now), this.outputTokens.msUntilFull(now));
    return {
      'anthropic-ratelimit-requests-limit': String(this.requests.capacity),
      'anthropic-ratelimit-requests-remaining': String(Math.max(0, Math.floor(this.requests.remaining(now)))),
      'anthropic-ratelimit-requests-reset': resetAt(this.requests),
      'anthropic-ratelimit-input-tokens-limit': String(this.inputTokens.capacity),
      'anthropic-ratelimit-input-tokens-remaining': roundThousand(inputRemaining),
      'anthropic-ratelimit-input-tokens-reset': resetAt(this.inputTokens),
      'anthropic-ratelimit-output-tokens-limit': String(this.outputTokens.capacity),
      'anthropic-ratelimit-output-tokens-remaining': roundThousand(outputRemaining),
      'anthropic-ratelimit-output-tokens-reset': resetAt(this.outputTokens),
      'anthropic-ratelimit-tokens-limit': String(this.inputTokens.capacity + this.outputTokens.capacity),
      'anthropic-ratelimit-tokens-remaining': roundThousand(inputRemaining + outputRemaining),
      'anthropic-ratelimit-tokens-reset': new Date(Math.ceil((now + tokensResetMs) / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    };
  }
}

const RESOURCE_WORDING: Record<LimitedResource, string> = {
  requests: 'requests per minute',
  input_tokens: 'input tokens per minute',
  output_tokens: 'output tokens per minute',
};

/** A 429 message in the API's style: which limit, and where to read more (REF §2). */
export function rateLimitMessage(resource: LimitedResource, limit: number): string {
  return (
    `This request would exceed your organization's rate limit of ${limit.toLocaleString('en-US')} ` +
    `${RESOURCE_WORDING[resource]}. For details, refer to: https://docs.claude.com/en/api/rate-limits. ` +
    'You can see the response headers for current usage. Please wait before trying again (see the retry-after header).'
  );
}
