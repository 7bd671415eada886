import { describe, expect, it } from 'vitest';
import { estimateCost, formatUsd, pricesFor } from '../../src/inspector/pricing';
import { exchangeUsage, totalUsage } from '../../src/inspector/usage';
import { headerNotes } from '../../src/inspector/header-notes';
import type { ExchangeRecord } from '../../src/runner/protocol';
import { streamMilestones, parseSse } from '../../src/ui/format-exchange';

function exchange(body: string, streamed: boolean, extra: Partial<ExchangeRecord> = {}): ExchangeRecord {
  return {
    id: 'x',
    route: 'emulator',
    startedAt: 0,
    request: { method: 'POST', url: 'https://api.anthropic.com/v1/messages', headers: {}, body: '{}' },
    response: { status: 200, headers: {}, body, streamed },
    ...extra,
  };
}

describe('estimateCost', () => {
  it('prices each category by the table (Sonnet 5.5: $2 / $10 / $2.50 / $4 / $0.10 per million)', () => {
    const cost = estimateCost('claude-sonnet-5-5', { input: 1_000_000, output: 100_000, cacheWrite5m: 200_000, cacheWrite1h: 100_000, cacheRead: 500_000 });
    const expected = { input: 2, output: 1, cacheWrite: 0.5 + 0.4, cacheRead: 0.05 };
    for (const [part, usd] of Object.entries(expected)) expect(cost.parts?.[part as keyof typeof expected], part).toBeCloseTo(usd, 10);
    expect(cost.total).toBeCloseTo(3.95, 10);
    expect(cost.cacheSavings).toBeCloseTo(500_000 * (2 - 0.1) / 1e6, 10);
  });

  it('uses Haiku 5.5’s higher row past a 100,000-token prompt, half price in a batch, and knows aliases', () => {
    const long = estimateCost('claude-haiku-5-5', { input: 100_001, output: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0 });
    expect(long.total).toBeCloseTo(100_001 * 0.5 / 1e6, 12);
    expect(long.basis).toContain('over 100,000');
    const batch = estimateCost('claude-opus-5-5', { input: 1e6, output: 1e6, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, serviceTier: 'batch' });
    expect(batch.total).toBeCloseTo(12, 10);
    expect(pricesFor('claude-haiku-4-5')).toEqual(pricesFor('claude-haiku-4-5-20251001'));
  });

  it('says it has no price rather than guessing one', () => {
    expect(estimateCost('claude-fable-5-2', { input: 10, output: 10, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0 }).total).toBeUndefined();
    expect([formatUsd(0.00123), formatUsd(0.0000332), formatUsd(2.5), formatUsd(0)]).toEqual(['$0.0012', '$0.000033', '$2.50', '$0']);
  });
});

describe('exchangeUsage', () => {
  it('reads a whole Messages response', () => {
    const found = exchangeUsage(
      exchange(JSON.stringify({ type: 'message', model: 'claude-sonnet-5-5', usage: { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 2000, output_tokens_details: { thinking_tokens: 3 } } }), false),
    );
    expect(found?.usage).toMatchObject({ input: 10, output: 5, cacheRead: 2000, thinking: 3 });
    expect(found?.cost.cacheSavings).toBeGreaterThan(0);
  });

  it('reads a stream: message_start, then the cumulative message_delta usage', () => {
    const body = [
      'event: message_start\ndata: {"type":"message_start","message":{"model":"claude-haiku-5-5","usage":{"input_tokens":12,"output_tokens":1,"cache_creation_input_tokens":100,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":40,"ephemeral_1h_input_tokens":60}}}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}\n\n',
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":30,"input_tokens":null}}\n\n',
    ].join('');
    const found = exchangeUsage(exchange(body, true));
    expect(found?.model).toBe('claude-haiku-5-5');
    expect(found?.usage).toMatchObject({ input: 12, output: 30, cacheWrite5m: 40, cacheWrite1h: 60 });
    expect(totalUsage([exchange(body, true), exchange(body, true)])?.usage.output).toBe(60);
  });

  it('has nothing for errors and other endpoints', () => {
    expect(exchangeUsage({ ...exchange('{"type":"error"}', false), response: { status: 429, headers: {}, body: '{}', streamed: false } })).toBeUndefined();
    expect(totalUsage([])).toBeUndefined();
  });
});

describe('headerNotes', () => {
  it('marks the key as swapped in by the playground in live mode only', () => {
    const live = headerNotes(exchange('', false, { route: 'live', request: { method: 'GET', url: 'https://api.anthropic.com/v1/models', headers: { 'x-api-key': 'sk-ant-…0000', 'x-stainless-os': 'x' }, body: '' } }));
    expect(live['x-api-key']).toMatch(/added by the playground/);
    expect(live['x-stainless-os']).toMatch(/SDK/);
    const emulated = headerNotes(exchange('', false, { request: { method: 'GET', url: 'https://api.anthropic.com/v1/models', headers: { authorization: 'Bearer sk-ant-…0000' }, body: '' } }));
    expect(emulated.authorization).not.toMatch(/added by the playground/);
  });
});

describe('streamMilestones', () => {
  it('takes first token from the first content_block_delta and the last event’s offset', () => {
    const events = parseSse('event: message_start\ndata: {}\n\nevent: ping\ndata: {}\n\nevent: content_block_delta\ndata: {}\n\nevent: message_stop\ndata: {}\n\n');
    expect(streamMilestones(events, { headersMs: 1, firstByteMs: 2, eventOffsetsMs: [2, 3, 7, 9] })).toEqual({ eventCount: 4, firstByteMs: 2, firstTokenMs: 7, lastEventMs: 9 });
    expect(streamMilestones(events, { headersMs: 1, eventOffsetsMs: [2], untimedEvents: 10 }).lastEventMs).toBeUndefined();
  });
});
