/**
 * models.md §5 rules 11 (prefill), 18 (cache minimum) and 20 (`inference_geo`) per model family, through the
 * official SDK, with valid neighbours. (Effort is in thinking.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { ask, blockTypes, body, client, expect400 } from './api-error';

const E_PREFILL = 'This model does not support assistant message prefill. The conversation must end with a user message.';
const prefill = (model: string, extra: Record<string, unknown> = {}) => body({
  model, max_tokens: 512, ...extra,
  messages: [{ role: 'user', content: 'Name a colour.' }, { role: 'assistant', content: 'My answer:' }],
});

describe('rule 11: assistant prefill', () => {
  it.each([
    'claude-fable-5-2', 'claude-haiku-5-5', 'claude-sonnet-5-5', 'claude-fable-5-1', 'claude-opus-5-5', 'claude-mythos-5-1',
    'claude-opus-5', 'claude-sonnet-5', 'claude-fable-5', 'claude-mythos-5', 'claude-opus-4-8', 'claude-opus-4-7',
    'claude-mythos-preview', 'claude-opus-4-6', 'claude-sonnet-4-6',
  ])('%s: 400 E-prefill; ending on a user turn is accepted', async (model) => {
    const sdk = client();
    await expect400(sdk.messages.create(prefill(model)), E_PREFILL);
    await expect(sdk.messages.create(ask(model, 'Name a colour.'))).resolves.toBeTruthy();
  });

  it('Haiku 5.5 refuses prefill even with thinking off', async () => {
    await expect400(client().messages.create(prefill('claude-haiku-5-5', { thinking: { type: 'disabled' } })), E_PREFILL);
  });

  it.each(['claude-haiku-4-5', 'claude-opus-4-5'])('%s continues a prefill with thinking off', async (model) => {
    const reply = await client().messages.create(prefill(model));
    expect(blockTypes(reply)).toEqual(['text']);
  });
});

describe('rule 18: minimum cacheable prompt', () => {
  /** A system prompt of roughly `tokens` tokens, marked for caching. */
  const cachedSystem = (model: string, words: number) => body({
    model, max_tokens: 64,
    system: [{ type: 'text', text: Array.from({ length: words }, (_, i) => `word${i % 50}`).join(' '), cache_control: { type: 'ephemeral' } }],
    messages: [{ role: 'user', content: 'Hi' }],
  });
  const written = async (model: string, words: number) => {
    const sdk = client();
    const { max_tokens: _unused, ...countParams } = cachedSystem(model, words);
    const count = await sdk.messages.countTokens(countParams);
    const reply = await sdk.messages.create(cachedSystem(model, words));
    return { prompt: count.input_tokens, written: reply.usage.cache_creation_input_tokens ?? 0 };
  };

  it.each(['claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-5-5'])('%s caches a prompt from 512 tokens', async (model) => {
    const small = await written(model, 150);
    expect(small.prompt).toBeLessThan(512);
    expect(small.written).toBe(0);
    const enough = await written(model, 300);
    expect(enough.prompt).toBeGreaterThanOrEqual(512);
    expect(enough.prompt).toBeLessThan(1024);
    expect(enough.written).toBeGreaterThan(0);
  });

  it.each([
    ['claude-sonnet-5', 1024],
    ['claude-opus-4-8', 1024],
    ['claude-opus-4-7', 2048],
    ['claude-opus-4-6', 4096],
  ])('%s does not cache that prompt (minimum %i)', async (model) => {
    expect((await written(model, 300)).written).toBe(0);
  });
});

describe('rule 20: inference_geo', () => {
  it.each(['claude-opus-4-5', 'claude-haiku-4-5'])('%s: 400; without it the request is accepted', async (model) => {
    const sdk = client();
    await expect400(sdk.messages.create(ask(model, 'Hi', { inference_geo: 'us' })), /^inference_geo: /);
    await expect(sdk.messages.create(ask(model, 'Hi'))).resolves.toBeTruthy();
  });

  it.each(['claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-5-5', 'claude-opus-4-6', 'claude-sonnet-4-6'])('%s accepts it', async (model) => {
    const reply = await client().messages.create(ask(model, 'Hi', { inference_geo: 'us' }));
    expect(reply.usage.inference_geo).toBe('us');
  });
});

describe('rule 21: speed "fast"', () => {
  it.each(['claude-opus-5-5', 'claude-opus-5', 'claude-opus-4-8'])('%s runs fast', async (model) => {
    const reply = await client().messages.create(ask(model, 'Hi', { speed: 'fast' }));
    expect(reply.usage.speed).toBe('fast');
  });

  it('Opus 4.6 runs it at standard speed', async () => {
    const reply = await client().messages.create(ask('claude-opus-4-6', 'Hi', { speed: 'fast' }));
    expect(reply.usage.speed).toBe('standard');
  });

  it('Opus 4.7 answers it with an error; standard speed is accepted', async () => {
    const sdk = client();
    await expect400(sdk.messages.create(ask('claude-opus-4-7', 'Hi', { speed: 'fast' })), /^speed: /);
    await expect(sdk.messages.create(ask('claude-opus-4-7', 'Hi', { speed: 'standard' }))).resolves.toBeTruthy();
  });
});
