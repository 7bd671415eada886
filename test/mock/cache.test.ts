import type { MessageCreateParamsBase, MessageParam, TextBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import { describe, expect, it } from 'vitest';
import { PromptCache } from '../../src/mock/cache';
import { getModelFacts, type ModelFacts } from '../../src/mock/models';
import { countInputTokens, estimateTextTokens, promptUnits } from '../../src/mock/tokens';

const MINUTE = 60_000;
const model: ModelFacts = { ...getModelFacts('claude-sonnet-5-5')!, minCacheableTokens: 1024 };
/** 1,500 one-token words: above the 1,024 minimum. */
const LONG = 'word '.repeat(1500).trim();

function clock() {
  let now = Date.UTC(2026, 10, 24);
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

function request(system: TextBlockParam[], messages: MessageParam[] = [{ role: 'user', content: 'Hi' }], extra: Partial<MessageCreateParamsBase> = {}): MessageCreateParamsBase {
  return { model: model.id, max_tokens: 100, system, messages, ...extra };
}

const cachedSystem = (ttl?: '5m' | '1h'): TextBlockParam[] => [{ type: 'text', text: LONG, cache_control: ttl ? { type: 'ephemeral', ttl } : { type: 'ephemeral' } }];

/** Tokens of the prompt up to and including unit `index`. */
function prefixTokens(params: MessageCreateParamsBase, index: number): number {
  return promptUnits(params).slice(0, index + 1).reduce((sum, unit) => sum + unit.tokens, 0);
}

describe('PromptCache', () => {
  it('writes the prefix on the first request and reads it on the second', () => {
    const cache = new PromptCache(clock().now);
    const params = request(cachedSystem());
    const total = countInputTokens(params);
    const prefix = prefixTokens(params, 0);
    expect(prefix).toBeGreaterThan(1500);

    const first = cache.account(params, model);
    expect(first).toEqual({
      input_tokens: total - prefix,
      cache_creation_input_tokens: prefix,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: prefix, ephemeral_1h_input_tokens: 0 },
    });
    const second = cache.account(params, model);
    expect(second).toEqual({
      input_tokens: total - prefix,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: prefix,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    });
  });

  it('does not cache a prefix shorter than the model minimum', () => {
    const cache = new PromptCache(clock().now);
    const params = request([{ type: 'text', text: 'You are a pirate.', cache_control: { type: 'ephemeral' } }]);
    for (let i = 0; i < 2; i++) {
      const result = cache.account(params, model);
      expect(result.cache_creation_input_tokens).toBe(0);
      expect(result.cache_read_input_tokens).toBe(0);
      expect(result.input_tokens).toBe(countInputTokens(params));
    }
  });

  it('expires after 5 minutes, and a hit refreshes the lifetime', () => {
    const time = clock();
    const cache = new PromptCache(time.now);
    const params = request(cachedSystem());
    cache.account(params, model);
    time.advance(4 * MINUTE);
    expect(cache.account(params, model).cache_read_input_tokens).toBeGreaterThan(0);
    time.advance(4 * MINUTE); // 8 minutes after the write, 4 after the refresh
    expect(cache.account(params, model).cache_read_input_tokens).toBeGreaterThan(0);
    time.advance(5 * MINUTE + 1);
    const expired = cache.account(params, model);
    expect(expired.cache_read_input_tokens).toBe(0);
    expect(expired.cache_creation_input_tokens).toBeGreaterThan(0);
  });

  it('keeps a 1h entry for an hour and reports it as 1h creation', () => {
    const time = clock();
    const cache = new PromptCache(time.now);
    const params = request(cachedSystem('1h'));
    const first = cache.account(params, model);
    expect(first.cache_creation).toEqual({ ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: first.cache_creation_input_tokens });
    time.advance(59 * MINUTE);
    expect(cache.account(params, model).cache_read_input_tokens).toBe(first.cache_creation_input_tokens);
    time.advance(61 * MINUTE);
    expect(cache.account(params, model).cache_read_input_tokens).toBe(0);
  });

  it('splits creation by the TTL of each breakpoint (1h tools, then 5m system)', () => {
    const cache = new PromptCache(clock().now);
    const tool = { name: 'lookup', description: LONG, input_schema: { type: 'object' as const }, cache_control: { type: 'ephemeral' as const, ttl: '1h' as const } };
    const params = request(cachedSystem(), [{ role: 'user', content: 'Hi' }], { tools: [tool] });
    const result = cache.account(params, model);
    expect(result.cache_creation).toEqual({ ephemeral_1h_input_tokens: prefixTokens(params, 0), ephemeral_5m_input_tokens: prefixTokens(params, 1) - prefixTokens(params, 0) });
    expect(result.cache_creation_input_tokens).toBe(prefixTokens(params, 1));
  });

  it('reads the earlier prefix and writes the new turns as a conversation grows', () => {
    const cache = new PromptCache(clock().now);
    const turn1: MessageParam[] = [{ role: 'user', content: [{ type: 'text', text: LONG, cache_control: { type: 'ephemeral' } }] }];
    const params1 = { model: model.id, max_tokens: 100, messages: turn1 };
    const written = cache.account(params1, model).cache_creation_input_tokens;
    expect(written).toBe(countInputTokens(params1));

    const turn2: MessageParam[] = [
      { role: 'user', content: [{ type: 'text', text: LONG }] },
      { role: 'assistant', content: 'An answer.' },
      { role: 'user', content: [{ type: 'text', text: 'A follow-up question', cache_control: { type: 'ephemeral' } }] },
    ];
    const params2 = { model: model.id, max_tokens: 100, messages: turn2 };
    const result = cache.account(params2, model);
    expect(result.cache_read_input_tokens).toBe(written);
    expect(result.cache_creation_input_tokens).toBe(countInputTokens(params2) - written);
    expect(result.input_tokens).toBe(0);
  });

  it('looks back at most 20 blocks from a breakpoint', () => {
    const cache = new PromptCache(clock().now);
    const head: MessageParam = { role: 'user', content: [{ type: 'text', text: LONG, cache_control: { type: 'ephemeral' } }] };
    cache.account({ model: model.id, max_tokens: 10, messages: [head] }, model);
    const filler = (n: number): MessageParam => ({ role: 'assistant', content: Array.from({ length: n }, (_, i) => ({ type: 'text' as const, text: `part ${i}` })) });
    const ask: MessageParam = { role: 'user', content: [{ type: 'text', text: 'Next?', cache_control: { type: 'ephemeral' } }] };
    const unmarkedHead: MessageParam = { role: 'user', content: [{ type: 'text', text: LONG }] };
    // 19 filler blocks + the breakpoint = 20 blocks after the head: still found.
    expect(cache.account({ model: model.id, max_tokens: 10, messages: [unmarkedHead, filler(19), ask] }, model).cache_read_input_tokens).toBeGreaterThan(0);
    // 21 filler blocks: the head is 22 blocks back, out of reach.
    expect(cache.account({ model: model.id, max_tokens: 10, messages: [unmarkedHead, filler(21), ask] }, model).cache_read_input_tokens).toBe(0);
  });

  it('caches automatically up to the last block with top-level cache_control', () => {
    const cache = new PromptCache(clock().now);
    const params: MessageCreateParamsBase = { model: model.id, max_tokens: 10, cache_control: { type: 'ephemeral' }, messages: [{ role: 'user', content: LONG }] };
    expect(cache.account(params, model).cache_creation_input_tokens).toBe(countInputTokens(params));
    expect(cache.account(params, model).cache_read_input_tokens).toBe(countInputTokens(params));
  });

  it('misses when the prefix changes, for another model, and after clear()', () => {
    const cache = new PromptCache(clock().now);
    cache.account(request(cachedSystem()), model);
    const changed = request([{ type: 'text', text: `${LONG} more`, cache_control: { type: 'ephemeral' } }]);
    expect(cache.account(changed, model).cache_read_input_tokens).toBe(0);
    const other = { ...model, id: 'claude-haiku-5-5' };
    expect(cache.account(request(cachedSystem()), other).cache_read_input_tokens).toBe(0);
    expect(cache.account(request(cachedSystem()), model).cache_read_input_tokens).toBeGreaterThan(0);
    cache.clear();
    expect(cache.account(request(cachedSystem()), model).cache_read_input_tokens).toBe(0);
  });

  it('ignores cache_control itself when matching prefixes', () => {
    const cache = new PromptCache(clock().now);
    cache.account(request(cachedSystem()), model);
    const sameTextLaterBreakpoint = request([{ type: 'text', text: LONG }], [{ role: 'user', content: [{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral' } }] }]);
    const result = cache.account(sameTextLaterBreakpoint, model);
    expect(result.cache_read_input_tokens).toBe(prefixTokens(sameTextLaterBreakpoint, 0));
    expect(result.cache_creation_input_tokens).toBe(countInputTokens(sameTextLaterBreakpoint) - result.cache_read_input_tokens);
    expect(estimateTextTokens(LONG)).toBe(1500);
  });
});

describe('PromptCache memory', () => {
  it('drops entries nobody asks for again once they expire', () => {
    const time = clock();
    const cache = new PromptCache(time.now);
    for (let i = 0; i < 20; i++) cache.account(request([{ type: 'text', text: `${i} ${LONG}`, cache_control: { type: 'ephemeral' } }]), model);
    expect(cache.size).toBe(20);
    time.advance(6 * 60_000);
    cache.account(request([{ type: 'text', text: 'short, not cached' }]), model);
    expect(cache.size).toBe(0);
  });
});
