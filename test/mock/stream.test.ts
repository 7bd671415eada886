import Anthropic from '@anthropic-ai/sdk';
import type { Message, RawMessageStreamEvent, Tool } from '@anthropic-ai/sdk/resources/messages/messages';
import { describe, expect, it } from 'vitest';
import { generateMessage } from '../../src/mock/generate/message';
import { createIdGenerator } from '../../src/mock/ids';
import { getModelFacts } from '../../src/mock/models';
import { createSseBody, encodeSseEvent, messageToStreamEvents, type SseBodyOptions } from '../../src/mock/stream';

const weather: Tool = {
  name: 'get_weather',
  description: 'Get the current weather in a given location',
  input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
};

function message(text: string, extra: Record<string, unknown> = {}): Message {
  const model = (extra.model as string | undefined) ?? 'claude-sonnet-5-5';
  return generateMessage(
    { model, max_tokens: 1024, messages: [{ role: 'user', content: text }], ...extra },
    { model: getModelFacts(model)!, ids: createIdGenerator('stream'), seed: 'stream' },
  );
}

const instant: SseBodyOptions = { pacing: 'instant', sleep: async () => {} };

/** The official SDK, reading our SSE body through a custom fetch. */
function clientFor(events: RawMessageStreamEvent[], options: SseBodyOptions = instant): Anthropic {
  return new Anthropic({
    apiKey: 'test-key',
    maxRetries: 0,
    fetch: async () => new Response(createSseBody(events, options), { status: 200, headers: { 'content-type': 'text/event-stream' } }),
  });
}

/** The SDK adds `parsed_output` (structured-output parsing) to what it returns; that is not wire data. */
function withoutParsedOutput(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'parsed_output' ? undefined : inner)));
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}

const typesOf = (events: Array<{ type: string }>) => events.map((e) => e.type);

describe('messageToStreamEvents', () => {
  it('follows the API order for a text reply', () => {
    const events = messageToStreamEvents(message('Count from 1 to 3'));
    expect(typesOf(events)).toEqual([
      'message_start', 'content_block_start', 'ping',
      'content_block_delta', 'content_block_delta', 'content_block_delta',
      'content_block_stop', 'message_delta', 'message_stop',
    ]);
    const start = events[0] as Extract<RawMessageStreamEvent, { type: 'message_start' }>;
    expect(start.message.content).toEqual([]);
    expect(start.message.stop_reason).toBeNull();
    expect(start.message.usage.output_tokens).toBe(1);
    expect(start.message.usage.input_tokens).toBeGreaterThan(0);
    expect(events[1]).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: null } });
  });

  it('streams text in word-sized deltas that rebuild the text', () => {
    const reply = message('What is prompt caching?');
    const deltas = messageToStreamEvents(reply).flatMap((e) => (e.type === 'content_block_delta' && e.delta.type === 'text_delta' ? [e.delta.text] : []));
    expect(deltas.length).toBeGreaterThan(20);
    expect(deltas.every((d) => d.trim().split(/\s+/).length === 1)).toBe(true);
    expect(deltas.join('')).toBe(reply.content[0]!.type === 'text' ? reply.content[0]!.text : '');
  });

  it('streams tool input as JSON fragments starting with an empty one', () => {
    const reply = message("What's the weather in Paris?", { tools: [weather] });
    const events = messageToStreamEvents(reply);
    const toolStart = events.find((e) => e.type === 'content_block_start' && e.content_block.type === 'tool_use');
    expect(toolStart && toolStart.type === 'content_block_start' && toolStart.content_block).toMatchObject({ type: 'tool_use', name: 'get_weather', input: {} });
    const fragments = events.flatMap((e) => (e.type === 'content_block_delta' && e.delta.type === 'input_json_delta' ? [e.delta.partial_json] : []));
    expect(fragments[0]).toBe('');
    expect(fragments.length).toBeGreaterThan(2);
    expect(JSON.parse(fragments.join(''))).toEqual({ location: 'Paris' });
  });

  it('streams thinking deltas then one signature_delta before the stop', () => {
    const events = messageToStreamEvents(message('What is 17 * 23?', { thinking: { type: 'adaptive', display: 'summarized' } }));
    const block0 = events.filter((e) => 'index' in e && e.index === 0);
    expect(block0[0]).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } });
    const kinds = block0.slice(1).map((e) => (e.type === 'content_block_delta' ? e.delta.type : e.type));
    expect(kinds.filter((k) => k === 'signature_delta')).toHaveLength(1);
    expect(kinds.at(-2)).toBe('signature_delta');
    expect(kinds.at(-1)).toBe('content_block_stop');
    expect(kinds.filter((k) => k === 'thinking_delta').length).toBeGreaterThan(3);
  });

  it('sends one empty thinking_delta, then the signature_delta, for omitted thinking', () => {
    // "Each thinking block streams a `thinking_delta` with an empty `thinking` string, then its `signature_delta`"
    // [TH] (models.md §5 rule 9).
    const events = messageToStreamEvents(message('What is 17 * 23?', { thinking: { type: 'adaptive', display: 'omitted' } }));
    const deltas = events.filter((e) => e.type === 'content_block_delta' && e.index === 0);
    expect(deltas.map((e) => e.type === 'content_block_delta' && e.delta)).toEqual([
      { type: 'thinking_delta', thinking: '' },
      { type: 'signature_delta', signature: expect.stringMatching(/^Eq/) },
    ]);
  });

  it('puts the stop reason and cumulative usage in message_delta', () => {
    const reply = message('Count from 1 to 10', { stop_sequences: ['5'] });
    const delta = messageToStreamEvents(reply).find((e) => e.type === 'message_delta');
    expect(delta).toMatchObject({ delta: { stop_reason: 'stop_sequence', stop_sequence: '5' }, usage: { output_tokens: reply.usage.output_tokens, input_tokens: reply.usage.input_tokens } });
  });
});

describe('SSE encoding and the official SDK', () => {
  it('encodes one event as event/data lines', () => {
    expect(encodeSseEvent({ type: 'message_stop' })).toBe('event: message_stop\ndata: {"type":"message_stop"}\n\n');
  });

  it.each([
    ['text', 'What is prompt caching?', {}],
    ['tool use', "What's the weather in Paris and in Tokyo?", { tools: [weather] }],
    ['thinking', 'What is 17 * 23?', { thinking: { type: 'adaptive', display: 'summarized' } }],
    ['omitted thinking', 'What is 17 * 23?', { thinking: { type: 'adaptive', display: 'omitted' } }],
    ['max_tokens', 'What is prompt caching?', { max_tokens: 12 }],
    ['stop sequence', 'Count from 1 to 10', { stop_sequences: ['7'] }],
    ['persona', 'What is 2+2?', { system: 'You are a pirate.' }],
    ['multi-line text', 'Write a poem about autumn', {}],
    ['redacted thinking', 'ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING_46C9A13E193C177646C7398A98432ECCCE4C1253', { thinking: { type: 'adaptive' } }],
    ['unicode', 'Convert 100°F to Celsius', {}],
  ])('finalMessage() equals the streamed Message (%s)', async (_name, prompt, extra) => {
    const reply = message(prompt, extra);
    const client = clientFor(messageToStreamEvents(reply));
    const streamed = await client.messages.stream({ model: 'claude-sonnet-5-5', max_tokens: 1024, messages: [{ role: 'user', content: prompt }] }).finalMessage();
    expect(withoutParsedOutput(streamed)).toEqual(JSON.parse(JSON.stringify(reply)));
  });

  it('ends with an SSE error event after N events, which the SDK throws', async () => {
    const events = messageToStreamEvents(message('What is prompt caching?'));
    const text = await readAll(createSseBody(events, { ...instant, failAfterEvents: 5 }));
    const names = [...text.matchAll(/^event: (.+)$/gm)].map((m) => m[1]);
    expect(names).toHaveLength(6);
    expect(names.at(-1)).toBe('error');
    expect(text.trimEnd().split('\n').at(-1)).toBe('data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}');

    const client = clientFor(events, { ...instant, failAfterEvents: 5 });
    const error = await client.messages.stream({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }).finalMessage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).type).toBe('overloaded_error');
  });

  it('paces: waits the time to first token, then by tokens per second', async () => {
    const waits: number[] = [];
    const events = messageToStreamEvents(message('Count from 1 to 3'));
    await readAll(createSseBody(events, { pacing: { timeToFirstTokenMs: 400, tokensPerSecond: 10 }, sleep: async (ms) => void waits.push(ms) }));
    // Three deltas of 1-2 tokens each ("1," "2," "3."): 400 ms + 2 tokens / 10 per s first.
    expect(waits).toEqual([600, 200, 200]);
  });

  it('never sleeps with instant pacing', async () => {
    let slept = 0;
    await readAll(createSseBody(messageToStreamEvents(message('Count from 1 to 20')), { pacing: 'instant', sleep: async () => void slept++ }));
    expect(slept).toBe(0);
  });

  it('stops quietly when the reader cancels', async () => {
    let sleeps = 0;
    const body = createSseBody(messageToStreamEvents(message('Count from 1 to 20')), {
      pacing: { timeToFirstTokenMs: 0, tokensPerSecond: 100 },
      sleep: async () => void sleeps++,
    });
    const reader = body.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const after = sleeps;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sleeps).toBe(after);
    expect(after).toBeLessThan(5);
  });

  it('errors the body with the abort reason when the signal aborts', async () => {
    const controller = new AbortController();
    const events = messageToStreamEvents(message('Count from 1 to 20'));
    const body = createSseBody(events, {
      pacing: { timeToFirstTokenMs: 0, tokensPerSecond: 100 },
      signal: controller.signal,
      sleep: async () => {
        controller.abort(new DOMException('stopped', 'AbortError'));
      },
    });
    const reader = body.getReader();
    const received: string[] = [];
    const error = await (async () => {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) return null;
        received.push(new TextDecoder().decode(chunk.value));
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(received.length).toBeLessThan(events.length);
  });
});
