import { describe, expect, it } from 'vitest';
import { generateMessage } from '../../../src/mock/generate/message';
import { createIdGenerator } from '../../../src/mock/ids';
import { countInputTokens, estimateTextTokens } from '../../../src/mock/tokens';
import { ask, facts, textOf } from './setup';

describe('generateMessage: the Message shape', () => {
  it('fills every field of Message and Usage', () => {
    const reply = ask('Hello, Claude');
    expect(Object.keys(reply).sort()).toEqual(['container', 'content', 'diagnostics', 'id', 'model', 'role', 'stop_details', 'stop_reason', 'stop_sequence', 'type', 'usage']);
    expect(reply).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-sonnet-5-5', stop_reason: 'end_turn', stop_sequence: null, stop_details: null, container: null });
    expect(reply.id).toMatch(/^msg_01[0-9A-Za-z]{22}$/);
    expect(reply.content[0]).toEqual({ type: 'text', text: textOf(reply), citations: null });
    expect(Object.keys(reply.usage).sort()).toEqual([
      'cache_creation', 'cache_creation_input_tokens', 'cache_read_input_tokens', 'inference_geo', 'input_tokens',
      'output_tokens', 'output_tokens_details', 'server_tool_use', 'service_tier', 'speed',
    ]);
    expect(reply.usage).toMatchObject({ service_tier: 'standard', cache_creation_input_tokens: 0, cache_read_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 } });
  });

  it('reports input tokens from countInputTokens and output tokens from the text', () => {
    // Opus 4.8 does not think unless asked, so every output token is text.
    const params = { model: 'claude-opus-4-8', max_tokens: 100, messages: [{ role: 'user' as const, content: 'What is 2+2?' }] };
    const reply = generateMessage(params, { model: facts('claude-opus-4-8'), ids: createIdGenerator('s'), seed: 's' });
    expect(reply.usage.input_tokens).toBe(countInputTokens(params));
    expect(reply.usage.output_tokens).toBe(estimateTextTokens(textOf(reply)));
    expect(reply.usage.output_tokens).toBeGreaterThanOrEqual(1);
  });

  it('uses the cache accounting it is given', () => {
    const params = { model: 'claude-sonnet-5-5', max_tokens: 100, messages: [{ role: 'user' as const, content: 'Hi' }] };
    const cache = { input_tokens: 3, cache_creation_input_tokens: 0, cache_read_input_tokens: 2000, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 } };
    const reply = generateMessage(params, { model: facts(), ids: createIdGenerator('s'), seed: 's', cache });
    expect(reply.usage).toMatchObject({ input_tokens: 3, cache_read_input_tokens: 2000 });
  });

  it('gives the same message for the same seed and request, new ids for the next request', () => {
    const params = { model: 'claude-sonnet-5-5', max_tokens: 100, messages: [{ role: 'user' as const, content: 'Tell me a joke' }] };
    const a = generateMessage(params, { model: facts(), ids: createIdGenerator('seed-1'), seed: 'seed-1' });
    const b = generateMessage(params, { model: facts(), ids: createIdGenerator('seed-1'), seed: 'seed-1' });
    expect(a).toEqual(b);
    const ids = createIdGenerator('seed-1');
    const first = generateMessage(params, { model: facts(), ids, seed: 'seed-1' });
    const second = generateMessage(params, { model: facts(), ids, seed: 'seed-1' });
    expect(first.id).not.toBe(second.id);
    expect(first.content).toEqual(second.content);
  });

  it('returns JSON valid against output_config.format', () => {
    const reply = ask('Classify the sentiment of: "This is terrible and broken"', {
      output_config: {
        format: {
          type: 'json_schema',
          schema: { type: 'object', properties: { sentiment: { type: 'string', enum: ['positive', 'negative', 'neutral'] }, score: { type: 'number' } }, required: ['sentiment', 'score'], additionalProperties: false },
        },
      },
    });
    const value = JSON.parse(textOf(reply));
    expect(value.sentiment).toBe('negative');
    expect(typeof value.score).toBe('number');
  });

  it.each([
    ['empty text', { messages: [{ role: 'user', content: '' }] }],
    ['no blocks', { messages: [{ role: 'user', content: [] }] }],
    ['broken expression', { messages: [{ role: 'user', content: '((((((1+' }] }],
    ['overflow', { messages: [{ role: 'user', content: `${'9'.repeat(400)} * 2` }] }],
    ['huge text', { messages: [{ role: 'user', content: `🙂 日本語 ${'x'.repeat(20000)}` }] }],
    ['empty stop sequence', { messages: [{ role: 'user', content: 'hi' }], stop_sequences: ['', 'H'] }],
    ['unusual schema', {
      messages: [{ role: 'user', content: 'weather in Paris' }],
      tools: [{ name: 't', input_schema: { type: 'object', properties: { a: { $ref: '#/defs/x' }, b: { type: 'array' }, c: { anyOf: [{ type: 'number' }, { type: 'null' }] }, d: { type: 'object' } }, required: ['a', 'b', 'c', 'd'] } }],
      tool_choice: { type: 'any' },
    }],
    ['result for an unknown tool id', { messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'nope', content: [{ type: 'text', text: 'ok' }] }] }] }],
    ['tiny budget', { messages: [{ role: 'user', content: 'What is 2+2?' }], thinking: { type: 'enabled', budget_tokens: 1 }, max_tokens: 1 }],
  ] as const)('never throws on odd input (%s)', (_name, params) => {
    const reply = generateMessage({ model: 'claude-sonnet-5-5', max_tokens: 200, ...(params as object) } as Parameters<typeof generateMessage>[0], { model: facts(), ids: createIdGenerator('x'), seed: 'x' });
    expect(Array.isArray(reply.content)).toBe(true);
    expect(['end_turn', 'max_tokens', 'stop_sequence', 'tool_use']).toContain(reply.stop_reason);
    expect(reply.usage.output_tokens).toBeLessThanOrEqual(Math.max(1, (params as { max_tokens?: number }).max_tokens ?? 200));
  });
});
