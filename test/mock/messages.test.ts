/** POST /v1/messages and count_tokens through the official SDK: usage, streaming, caching, determinism. */
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages/messages';
import { describe, expect, it } from 'vitest';
import { hello, MODEL, rawPost, sdkClient, testEmulator } from './helpers';

const question = hello({ messages: [{ role: 'user', content: 'What is 12 * 7?' }] }) as unknown as MessageCreateParamsNonStreaming;

describe('messages.create', () => {
  it('returns a Message in the API shape', async () => {
    const message = await sdkClient(testEmulator()).messages.create(question);
    expect(message.id).toMatch(/^msg_01[0-9A-Za-z]{22}$/);
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: MODEL });
    expect(message.content.length).toBeGreaterThan(0);
    expect(['end_turn', 'max_tokens', 'stop_sequence', 'tool_use']).toContain(message.stop_reason);
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    expect(message.usage.cache_read_input_tokens).toBe(0);
  });

  it('count_tokens equals usage.input_tokens of the same request', async () => {
    const client = sdkClient(testEmulator());
    const withTools = {
      ...question,
      system: 'You are a calculator.',
      tools: [{ name: 'multiply', description: 'Multiply two numbers', input_schema: { type: 'object' as const, properties: { a: { type: 'number' }, b: { type: 'number' } } } }],
    };
    for (const params of [question, withTools]) {
      const { max_tokens: _ignored, ...countParams } = params;
      const counted = await client.messages.countTokens(countParams);
      const message = await client.messages.create(params);
      expect(counted.input_tokens).toBeGreaterThan(0);
      expect(counted.input_tokens).toBe(message.usage.input_tokens);
    }
  });

  it('streaming finalMessage() equals the non-streaming result (same seed)', async () => {
    const plain = await sdkClient(testEmulator()).messages.create(question);
    const streamed = await sdkClient(testEmulator()).messages.stream(question).finalMessage();
    // `parsed_output` is added client-side by the SDK's stream helper (structured outputs), not sent by the API.
    const { parsed_output: parsedOutput, ...wireFields } = streamed as typeof streamed & { parsed_output?: unknown };
    expect(parsedOutput).toBeNull();
    expect(JSON.parse(JSON.stringify(wireFields))).toEqual(JSON.parse(JSON.stringify(plain)));
  });

  it('streaming equals non-streaming with thinking and tool use too', async () => {
    const params = {
      model: 'claude-sonnet-4-6',
      max_tokens: 4000,
      thinking: { type: 'enabled' as const, budget_tokens: 2000 },
      tools: [{ name: 'get_weather', description: 'Current weather for a city', input_schema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] } }],
      messages: [{ role: 'user' as const, content: 'What is the weather in Paris? Use the tool.' }],
    };
    const plain = await sdkClient(testEmulator()).messages.create(params);
    const streamed = await sdkClient(testEmulator()).messages.stream(params).finalMessage();
    const { parsed_output: _parsed, ...wireFields } = streamed as typeof streamed & { parsed_output?: unknown };
    expect(JSON.parse(JSON.stringify(wireFields))).toEqual(JSON.parse(JSON.stringify(plain)));
    expect(plain.content.map((block) => block.type)).toContain('thinking');
  });

  it('streams named SSE events with the event-stream content type', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', { ...question, stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await response.text();
    const names = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(names[0]).toBe('message_start');
    expect(names[names.length - 1]).toBe('message_stop');
    expect(names).toContain('content_block_delta');
  });

  it('is deterministic: same seed and requests give the same bytes', async () => {
    const run = async (seed: string) => {
      const emulator = testEmulator({ seed });
      const first = await (await rawPost(emulator, '/v1/messages', question)).text();
      const second = await (await rawPost(emulator, '/v1/messages', { ...question, stream: true })).text();
      return first + second;
    };
    const a = await run('alpha');
    expect(await run('alpha')).toBe(a);
    expect(await run('beta')).not.toBe(a);
  });

  it('reset() never reuses a message or request id (lessons reset the emulator; issue 11), and stays deterministic', async () => {
    const run = async () => {
      const emulator = testEmulator();
      const first = await rawPost(emulator, '/v1/messages', question);
      emulator.reset();
      const second = await rawPost(emulator, '/v1/messages', question);
      const ids = async (response: Response) => [((await response.json()) as { id: string }).id, response.headers.get('request-id')];
      return [...(await ids(first)), ...(await ids(second))];
    };
    const [firstMessage, firstRequest, secondMessage, secondRequest] = await run();
    expect(secondMessage).not.toBe(firstMessage);
    expect(secondRequest).not.toBe(firstRequest);
    expect(await run()).toEqual([firstMessage, firstRequest, secondMessage, secondRequest]);
  });

  it('accounts prompt caching and expires it on the emulator clock', async () => {
    const emulator = testEmulator();
    const client = sdkClient(emulator);
    const longSystem = 'You are a patient tutor who explains the Claude Messages API step by step. '.repeat(120);
    const params = { ...question, system: [{ type: 'text' as const, text: longSystem, cache_control: { type: 'ephemeral' as const } }] };
    const write = await client.messages.create(params);
    expect(write.usage.cache_creation_input_tokens).toBeGreaterThan(1024);
    expect(write.usage.cache_creation?.ephemeral_5m_input_tokens).toBe(write.usage.cache_creation_input_tokens);
    const read = await client.messages.create(params);
    expect(read.usage.cache_read_input_tokens).toBe(write.usage.cache_creation_input_tokens);
    expect(read.usage.cache_creation_input_tokens).toBe(0);
    emulator.advanceTime(6 * 60_000);
    const expired = await client.messages.create(params);
    expect(expired.usage.cache_read_input_tokens).toBe(0);
    expect(expired.usage.cache_creation_input_tokens).toBe(write.usage.cache_creation_input_tokens);
  });

  it('answers a prompt above the context window with 400', async () => {
    const big = hello({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: 'word '.repeat(260_000) }] });
    const response = await rawPost(testEmulator(), '/v1/messages', big);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^prompt is too long: \d+ tokens > 200000 maximum$/);
  });
});
