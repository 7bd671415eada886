/**
 * Token use of recorded exchanges: what a Messages response (whole JSON, or a stream's `message_start` and
 * `message_delta` events) reports in `usage`, with its estimated cost from pricing.ts, per exchange and summed
 * per cell. The fields are the SDK's `Usage` / `MessageDeltaUsage` (resources/messages/messages.ts); a stream's
 * `message_delta` usage is cumulative, so it replaces what `message_start` said for the fields it has.
 */
import { createParser } from 'eventsource-parser';
import type { ExchangeRecord } from '../runner/protocol';
import { estimateCost, type CostEstimate, type TokenUsage } from './pricing';

export interface ExchangeUsage {
  model: string;
  usage: TokenUsage;
  cost: CostEstimate;
}

type RawUsage = Record<string, unknown>;

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The API's `usage` object as billing categories. */
export function tokenUsage(raw: RawUsage): TokenUsage {
  const creation = isRecord(raw.cache_creation) ? raw.cache_creation : undefined;
  const write5m = num(creation?.ephemeral_5m_input_tokens);
  const write1h = num(creation?.ephemeral_1h_input_tokens) ?? 0;
  const writeTotal = num(raw.cache_creation_input_tokens) ?? 0;
  const details = isRecord(raw.output_tokens_details) ? raw.output_tokens_details : undefined;
  const thinking = num(details?.thinking_tokens);
  return {
    input: num(raw.input_tokens) ?? 0,
    output: num(raw.output_tokens) ?? 0,
    // Without the TTL breakdown every cache write is priced as a 5-minute one (the default TTL).
    cacheWrite5m: write5m ?? Math.max(0, writeTotal - write1h),
    cacheWrite1h: write1h,
    cacheRead: num(raw.cache_read_input_tokens) ?? 0,
    ...(thinking !== undefined ? { thinking } : {}),
    ...(typeof raw.service_tier === 'string' ? { serviceTier: raw.service_tier } : {}),
    ...(typeof raw.inference_geo === 'string' ? { inferenceGeo: raw.inference_geo } : {}),
    ...(typeof raw.speed === 'string' ? { speed: raw.speed } : {}),
  };
}

/** The `usage` and `model` a Messages response reports, whole or streamed; undefined for anything else. */
export function responseUsage(body: string, streamed: boolean): { model: string; raw: RawUsage } | undefined {
  if (!streamed) {
    try {
      const json: unknown = JSON.parse(body);
      if (isRecord(json) && json.type === 'message' && isRecord(json.usage) && typeof json.model === 'string') {
        return { model: json.model, raw: json.usage };
      }
    } catch {
      // not JSON: no usage
    }
    return undefined;
  }
  let model: string | undefined;
  let raw: RawUsage = {};
  const parser = createParser({
    onEvent(event) {
      if (event.event !== 'message_start' && event.event !== 'message_delta') return;
      try {
        const data: unknown = JSON.parse(event.data);
        if (!isRecord(data)) return;
        const message = isRecord(data.message) ? data.message : undefined;
        if (typeof message?.model === 'string') model = message.model;
        const usage = isRecord(message?.usage) ? message.usage : isRecord(data.usage) ? data.usage : undefined;
        if (usage) raw = { ...raw, ...Object.fromEntries(Object.entries(usage).filter(([, value]) => value !== null)) };
      } catch {
        // a broken event: the inspector shows it as it came
      }
    },
  });
  parser.feed(body);
  parser.feed('\n\n');
  return model ? { model, raw } : undefined;
}

/** Token use and estimated cost of one exchange (a successful Messages response), or undefined. */
export function exchangeUsage(exchange: ExchangeRecord): ExchangeUsage | undefined {
  const response = exchange.response;
  if (!response || response.status >= 400) return undefined;
  if (!new URL(exchange.request.url).pathname.endsWith('/v1/messages')) return undefined;
  const found = responseUsage(response.body, response.streamed);
  if (!found) return undefined;
  const usage = tokenUsage(found.raw);
  return { model: found.model, usage, cost: estimateCost(found.model, usage) };
}

export interface UsageTotal {
  exchanges: number;
  usage: TokenUsage;
  /** USD; undefined when some exchange's model has no price. */
  cost?: number;
  cacheSavings: number;
}

/** The sum over a cell's exchanges. */
export function totalUsage(exchanges: readonly ExchangeRecord[]): UsageTotal | undefined {
  const each = exchanges.map(exchangeUsage).filter((item) => item !== undefined);
  if (each.length === 0) return undefined;
  const usage: TokenUsage = { input: 0, output: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0 };
  let cost: number | undefined = 0;
  let cacheSavings = 0;
  for (const item of each) {
    usage.input += item.usage.input;
    usage.output += item.usage.output;
    usage.cacheWrite5m += item.usage.cacheWrite5m;
    usage.cacheWrite1h += item.usage.cacheWrite1h;
    usage.cacheRead += item.usage.cacheRead;
    if (item.usage.thinking !== undefined) usage.thinking = (usage.thinking ?? 0) + item.usage.thinking;
    cost = cost === undefined || item.cost.total === undefined ? undefined : cost + item.cost.total;
    cacheSavings += item.cost.cacheSavings ?? 0;
  }
  return { exchanges: each.length, usage, ...(cost !== undefined ? { cost } : {}), cacheSavings };
}
