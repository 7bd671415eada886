import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { runToolLoop, type MessagesClient } from '../../lessons/lib/tool-loop';
import { COURSE_MODELS } from '../../src/lessons/course-models';
import { sdkClient, testEmulator } from '../mock/helpers';

/**
 * The course's tool loop (lessons/lib/tool-loop.ts, imported by cells as `@course/tool-loop`).
 * The common path runs through the official SDK against the emulator. The emulator never answers
 * `pause_turn` or `refusal` and cannot be made to cut a tool call short, so those branches get replies
 * written here, shaped like the SDK's `Message`, and a client that hands them out in order and records
 * what the loop sent.
 */

const weatherTool: Anthropic.Tool = {
  name: 'get_weather',
  description: 'Returns the current weather for one city. Call it whenever the user asks about the weather somewhere.',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

const request = (content: string): Anthropic.MessageCreateParamsNonStreaming => ({
  model: COURSE_MODELS.default,
  max_tokens: 2048,
  tools: [weatherTool],
  messages: [{ role: 'user', content }],
});

const handlers = {
  get_weather: (input: unknown) => {
    const city = (input as { city: string }).city;
    if (city === 'Atlantis') throw new Error(`No station for ${city}.`);
    return { city, celsius: 18 };
  },
};

/** True when an assistant turn holds a tool_use that the next turn does not answer. */
function endsWithUnansweredToolUse(messages: Anthropic.MessageParam[]): boolean {
  const last = messages.at(-1);
  return last?.role === 'assistant' && Array.isArray(last.content) && last.content.some((block) => block.type === 'tool_use');
}

function message(stop_reason: Anthropic.StopReason, content: unknown[]): Anthropic.Message {
  return {
    id: `msg_${Math.random().toString(36).slice(2)}`, type: 'message', role: 'assistant', model: COURSE_MODELS.default,
    content, stop_reason, stop_sequence: null, stop_details: null, container: null, diagnostics: null,
    usage: { input_tokens: 10, output_tokens: 10 },
  } as unknown as Anthropic.Message;
}

const thinking = { type: 'thinking', thinking: '', signature: 'sig-1' };
const call = (id: string, city: string) => ({ type: 'tool_use', id, name: 'get_weather', input: { city }, caller: { type: 'direct' } });
const text = (value: string) => ({ type: 'text', text: value, citations: null });

/** Hands out `replies` in order and keeps a copy of every request body. */
function scripted(replies: Anthropic.Message[]): MessagesClient & { sent: Anthropic.MessageCreateParamsNonStreaming[] } {
  const sent: Anthropic.MessageCreateParamsNonStreaming[] = [];
  return {
    sent,
    messages: {
      create: async (body) => {
        sent.push(structuredClone(body));
        const reply = replies.shift();
        if (!reply) throw new Error('the loop sent more requests than the script has replies');
        return reply;
      },
    },
  };
}

describe('runToolLoop through the SDK and the emulator', () => {
  it('answers parallel calls in one user turn, passes the assistant turn back unchanged, and ends on end_turn', async () => {
    const client = sdkClient(testEmulator());
    const replies: Anthropic.Message[] = [];
    const result = await runToolLoop(client, request("What's the weather in Paris and in Tokyo?"), handlers, { onReply: (reply) => replies.push(reply) });
    expect(result.stop).toBe('end_turn');
    expect(result.requests).toBe(2);
    expect(result.messages.map((turn) => turn.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(result.messages[1]!.content).toEqual(replies[0]!.content);
    const calls = replies[0]!.content.filter((block) => block.type === 'tool_use');
    expect(calls.length).toBe(2);
    const results = result.messages[2]!.content as Anthropic.ToolResultBlockParam[];
    expect(results.map((block) => [block.type, block.tool_use_id])).toEqual(calls.map((block) => ['tool_result', block.id]));
    expect(result.text).toBe(replies[1]!.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join(''));
    expect(result.text).toContain('18');
  });

  it('turns a throwing handler and an unknown tool into is_error results', async () => {
    const client = sdkClient(testEmulator());
    const result = await runToolLoop(client, request("What's the weather in Atlantis?"), {});
    const results = result.messages[2]!.content as Anthropic.ToolResultBlockParam[];
    expect(results[0]).toMatchObject({ is_error: true, content: 'Unknown tool "get_weather".' });
    const failing = await runToolLoop(client, request("What's the weather in Atlantis?"), handlers);
    expect((failing.messages[2]!.content as Anthropic.ToolResultBlockParam[])[0]).toMatchObject({ is_error: true, content: 'No station for Atlantis.' });
    expect(failing.stop).toBe('end_turn');
  });
});

describe('runToolLoop on every stop_reason (scripted replies)', () => {
  it('tool_use then end_turn: thinking blocks go back exactly as received, in order', async () => {
    const first = message('tool_use', [thinking, text('Looking it up.'), call('toolu_1', 'Paris')]);
    const client = scripted([first, message('end_turn', [text('18 °C in Paris.')])]);
    const result = await runToolLoop(client, request('weather?'), handlers);
    expect(result).toMatchObject({ stop: 'end_turn', text: '18 °C in Paris.', requests: 2 });
    expect(client.sent[1]!.messages[1]).toEqual({ role: 'assistant', content: first.content });
    expect(client.sent[1]!.tools).toEqual([weatherTool]);
  });

  it('pause_turn: sends the paused turn back unchanged as the last message, with no user turn after it', async () => {
    const paused = message('pause_turn', [text('Searching…'), { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'x' } }]);
    const client = scripted([paused, message('end_turn', [text('Done.')])]);
    const result = await runToolLoop(client, request('search'), handlers);
    expect(result.stop).toBe('end_turn');
    expect(client.sent[1]!.messages.at(-1)).toEqual({ role: 'assistant', content: paused.content });
    expect(client.sent[1]!.messages).toHaveLength(2);
  });

  it('max_tokens in the middle of a tool call: the cut-off call is not run and stays out of the transcript', async () => {
    let ran = 0;
    const client = scripted([message('max_tokens', [thinking, call('toolu_cut', 'Par')])]);
    const result = await runToolLoop(client, request('weather?'), { get_weather: () => ran++ });
    expect(result.stop).toBe('max_tokens');
    expect(ran).toBe(0);
    expect(result.messages).toEqual(request('weather?').messages);
    expect(endsWithUnansweredToolUse(result.messages)).toBe(false);
  });

  it('refusal after a tool round: returns at once; the transcript ends with the answered tool results', async () => {
    const client = scripted([message('tool_use', [call('toolu_1', 'Paris')]), message('refusal', [text('I')])]);
    const result = await runToolLoop(client, request('weather?'), handlers);
    expect(result.stop).toBe('refusal');
    expect(result.messages.map((turn) => turn.role)).toEqual(['user', 'assistant', 'user']);
    expect(client.sent).toHaveLength(2);
  });

  it('stops after maxRequests with every tool call answered, so the transcript can be sent again', async () => {
    const client = scripted([1, 2, 3].map((n) => message('tool_use', [call(`toolu_${n}`, 'Paris')])));
    const result = await runToolLoop(client, request('weather?'), handlers, { maxRequests: 3 });
    expect(result.stop).toBe('max_requests');
    expect(client.sent).toHaveLength(3);
    expect(result.messages).toHaveLength(7);
    expect(endsWithUnansweredToolUse(result.messages)).toBe(false);
    expect((result.messages[6]!.content as Anthropic.ToolResultBlockParam[])[0]!.tool_use_id).toBe('toolu_3');
  });

  it('stop_sequence and unknown stop reasons end the loop; only a finished answer joins the transcript', async () => {
    const stopped = await runToolLoop(scripted([message('stop_sequence', [text('1, 2, 3, 4, ')])]), request('count'), handlers);
    expect(stopped.messages.at(-1)).toMatchObject({ role: 'assistant' });
    const future = await runToolLoop(scripted([message('brand_new_reason' as Anthropic.StopReason, [text('?')])]), request('x'), handlers);
    expect(future.stop).toBe('brand_new_reason');
    expect(future.messages).toHaveLength(1);
  });
});
