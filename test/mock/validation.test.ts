/**
 * Every validation rule: the status, `error.type` and message wording the emulator answers with, seen through
 * raw fetch (the wire shape) and, for the error classes, through the official SDK.
 */
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { signThinking } from '../../src/mock/signature';

/** A signature of `model` over `text`, bound to an arbitrary conversation (Sonnet 4.6 runs no prefix check). */
const signedBy = (model: string, text: string) =>
  signThinking(text, { model, system: new Uint8Array(8), tools: new Uint8Array(8), prefix: new Uint8Array(16), omitted: false });
import { hello, MODEL, rawPost, sdkClient, testEmulator } from './helpers';

type Case = [name: string, body: Record<string, unknown>, status: number, type: string, message: string | RegExp];

const toolUseTurn = (id = 'toolu_01A') => ({
  role: 'assistant',
  content: [{ type: 'tool_use', id, name: 'get_weather', input: { city: 'Paris' } }],
});
const weatherTool = { name: 'get_weather', description: 'Weather by city', input_schema: { type: 'object', properties: { city: { type: 'string' } } } };
const user = (content: unknown) => ({ role: 'user', content });
const cached = (text: string, ttl?: '5m' | '1h') => ({ type: 'text', text, cache_control: ttl ? { type: 'ephemeral', ttl } : { type: 'ephemeral' } });

const cases: Case[] = [
  ['unknown top-level field', hello({ foo: 1 }), 400, 'invalid_request_error', 'foo: Extra inputs are not permitted'],
  ['max_tokens missing', { model: MODEL, messages: [user('hi')] }, 400, 'invalid_request_error', 'max_tokens: Field required'],
  ['messages missing', { model: MODEL, max_tokens: 10 }, 400, 'invalid_request_error', 'messages: Field required'],
  ['model missing', { max_tokens: 10, messages: [user('hi')] }, 400, 'invalid_request_error', 'model: Field required'],
  ['model not a string', hello({ model: 42 }), 400, 'invalid_request_error', 'model: Input should be a valid string'],
  ['unknown model', hello({ model: 'claude-sonnet-4-5-20250514' }), 404, 'not_found_error', 'model: claude-sonnet-4-5-20250514'],
  ['max_tokens not an integer', hello({ max_tokens: '100' }), 400, 'invalid_request_error', 'max_tokens: Input should be a valid integer'],
  ['max_tokens negative', hello({ max_tokens: -1 }), 400, 'invalid_request_error', 'max_tokens: Input should be greater than or equal to 0'],
  ['max_tokens above the model limit', hello({ max_tokens: 200_000 }), 400, 'invalid_request_error',
    'max_tokens: 200000 > 128000, which is the maximum allowed number of output tokens for claude-sonnet-5-5'],
  ['max_tokens 0 with stream', hello({ max_tokens: 0, stream: true }), 400, 'invalid_request_error', /max_tokens: 0 \(cache pre-warming\) cannot be combined with stream/],
  ['stream not boolean', hello({ stream: 'yes' }), 400, 'invalid_request_error', 'stream: Input should be a valid boolean'],
  ['system not text blocks', hello({ system: [{ type: 'image' }] }), 400, 'invalid_request_error', "system.0.type: Input should be 'text'"],
  ['metadata.user_id too long', hello({ metadata: { user_id: 'x'.repeat(513) } }), 400, 'invalid_request_error', 'metadata.user_id: String should have at most 512 characters'],
  ['service_tier unknown', hello({ service_tier: 'priority' }), 400, 'invalid_request_error', "service_tier: Input should be 'auto' or 'standard_only'"],
  ['messages empty', hello({ messages: [] }), 400, 'invalid_request_error', 'messages: at least one message is required'],
  ['role unknown', hello({ messages: [{ role: 'human', content: 'hi' }] }), 400, 'invalid_request_error', "messages.0.role: Input should be 'user', 'assistant' or 'system'"],
  ['message extra key', hello({ messages: [{ role: 'user', content: 'hi', name: 'x' }] }), 400, 'invalid_request_error', 'messages.0.name: Extra inputs are not permitted'],
  ['system role on a model without it', hello({ model: 'claude-sonnet-4-6', messages: [user('hi'), { role: 'system', content: 'Be brief.' }, user('ok')] }),
    400, 'invalid_request_error', /^messages\.1\.role: Input should be 'user' or 'assistant' \(claude-sonnet-4-6 does not accept system messages/],
  ['system message first', hello({ messages: [{ role: 'system', content: 'Be brief.' }, user('hi')] }), 400, 'invalid_request_error',
    /^messages\.0: a system message cannot be the first message/],
  ['empty string content', hello({ messages: [user('')] }), 400, 'invalid_request_error',
    'messages.0: all messages must have non-empty content except for the optional final assistant message'],
  ['empty text block', hello({ messages: [user([{ type: 'text', text: '' }])] }), 400, 'invalid_request_error', 'messages: text content blocks must be non-empty'],
  ['unknown block type', hello({ messages: [user([{ type: 'video', url: 'x' }])] }), 400, 'invalid_request_error', /^messages\.0\.content\.0: Input tag 'video' found using 'type' does not match any of the expected tags: 'container_upload', 'document', 'image'/],
  ['tool_use in a user message', hello({ messages: [user([{ type: 'tool_use', id: 't', name: 'x', input: {} }])] }), 400, 'invalid_request_error',
    'messages.0.content.0.type: `tool_use` blocks are not allowed in user messages'],
  ['image with a bad media type', hello({ messages: [user([{ type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'AAAA' } }])] }),
    400, 'invalid_request_error', "messages.0.content.0.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'"],
  ['prefill on a model without prefill', hello({ messages: [user('hi'), { role: 'assistant', content: 'The answer is' }] }), 400, 'invalid_request_error',
    'This model does not support assistant message prefill. The conversation must end with a user message.'],
  ['prefill ending in whitespace', hello({ model: 'claude-haiku-4-5', messages: [user('hi'), { role: 'assistant', content: 'The answer is ' }] }),
    400, 'invalid_request_error', 'messages: final assistant content cannot end with trailing whitespace'],
  ['temperature above 1', hello({ model: 'claude-sonnet-4-6', temperature: 1.5 }), 400, 'invalid_request_error', 'temperature: Input should be less than or equal to 1'],
  ['temperature on a newer model', hello({ temperature: 0.2 }), 400, 'invalid_request_error', /^temperature: setting temperature is not supported for claude-sonnet-5-5/],
  ['top_k on a newer model', hello({ top_k: 5 }), 400, 'invalid_request_error', /^top_k: setting top_k is not supported for claude-sonnet-5-5/],
  ['temperature with thinking', hello({ model: 'claude-sonnet-4-6', max_tokens: 4000, temperature: 0.5, thinking: { type: 'enabled', budget_tokens: 2000 } }),
    400, 'invalid_request_error', '`temperature` may only be set to 1 when thinking is enabled or in adaptive mode.'],
  ['stop_sequences not a list', hello({ stop_sequences: 'END' }), 400, 'invalid_request_error', 'stop_sequences: Input should be a valid list'],
  ['blank stop sequence', hello({ stop_sequences: ['  '] }), 400, 'invalid_request_error', 'stop_sequences: each stop sequence must contain non-whitespace'],
  ['tool name with spaces', hello({ tools: [{ ...weatherTool, name: 'get weather' }] }), 400, 'invalid_request_error',
    "tools.0.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'"],
  ['tool schema not an object schema', hello({ tools: [{ ...weatherTool, input_schema: { type: 'string' } }] }), 400, 'invalid_request_error',
    "tools.0.custom.input_schema.type: Input should be 'object'"],
  ['tool input_schema missing', hello({ tools: [{ name: 'x' }] }), 400, 'invalid_request_error', 'tools.0.custom.input_schema: Field required'],
  ['duplicate tool names', hello({ tools: [weatherTool, weatherTool] }), 400, 'invalid_request_error', 'tools: Tool names must be unique. Duplicate: get_weather'],
  ['tool_choice names a missing tool', hello({ model: 'claude-haiku-5-5', tools: [weatherTool], tool_choice: { type: 'tool', name: 'nope' } }), 400, 'invalid_request_error',
    'tool_choice.tool.name: tool "nope" was not found in `tools`'],
  ['tool_choice type unknown', hello({ tools: [weatherTool], tool_choice: { type: 'required' } }), 400, 'invalid_request_error',
    "tool_choice: Input tag 'required' found using 'type' does not match any of the expected tags: 'any', 'auto', 'none', 'tool'"],
  ['forced tool_choice on Fable 5.1', hello({ model: 'claude-fable-5-1', tools: [weatherTool], tool_choice: { type: 'any' } }), 400, 'invalid_request_error',
    'tool_choice: type "tool" and "any" are not supported for this model.'],
  ['forced tool_choice with thinking enabled', hello({ model: 'claude-sonnet-4-6', max_tokens: 4000, tools: [weatherTool], tool_choice: { type: 'any' },
    thinking: { type: 'enabled', budget_tokens: 2000 } }), 400, 'invalid_request_error', 'Thinking may not be enabled when tool_choice forces tool use.'],
  ['tool_use without tool_result', hello({ tools: [weatherTool], messages: [user('Weather?'), toolUseTurn(), user('and?')] }), 400, 'invalid_request_error',
    /^messages\.2: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_01A\./],
  ['tool_result for an unknown id', hello({ tools: [weatherTool], messages: [user('Weather?'), toolUseTurn(), user([{ type: 'tool_result', tool_use_id: 'toolu_other', content: '18C' }])] }),
    400, 'invalid_request_error', /^messages\.2\.content\.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_other\./],
  ['text before tool_result', hello({ tools: [weatherTool], messages: [user('Weather?'), toolUseTurn(), user([{ type: 'text', text: 'here:' }, { type: 'tool_result', tool_use_id: 'toolu_01A', content: '18C' }])] }),
    400, 'invalid_request_error', /^messages\.2\.content\.1: `tool_result` blocks must come first/],
  ['thinking enabled on a 4.7+ model', hello({ max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 2000 } }), 400, 'invalid_request_error',
    /^"thinking\.type\.enabled" is not supported for this model\. Use "thinking\.type\.adaptive"/],
  ['adaptive thinking on Haiku 4.5', hello({ model: 'claude-haiku-4-5', thinking: { type: 'adaptive' } }), 400, 'invalid_request_error',
    'adaptive thinking is not supported on this model'],
  ['thinking disabled on Fable 5', hello({ model: 'claude-fable-5', thinking: { type: 'disabled' } }), 400, 'invalid_request_error',
    /^"thinking\.type\.disabled" is not supported for this model/],
  ['budget below 1024', hello({ model: 'claude-sonnet-4-6', max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 500 } }), 400, 'invalid_request_error',
    'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024'],
  ['budget not below max_tokens', hello({ model: 'claude-sonnet-4-6', max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 2000 } }), 400, 'invalid_request_error',
    '`max_tokens` must be greater than `thinking.budget_tokens`.'],
  ['display value unknown', hello({ thinking: { type: 'adaptive', display: 'full' } }), 400, 'invalid_request_error',
    "thinking.adaptive.display: Input should be 'summarized' or 'omitted'"],
  ['display with disabled', hello({ thinking: { type: 'disabled', display: 'omitted' } }), 400, 'invalid_request_error',
    'thinking.disabled.display: Extra inputs are not permitted'],
  ['edited thinking block', hello({ model: 'claude-sonnet-4-6', max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 2000 }, tools: [weatherTool], messages: [
    user('Weather?'),
    { role: 'assistant', content: [{ type: 'thinking', thinking: 'I will call the tool (edited)', signature: signedBy('claude-sonnet-4-6', 'I will call the tool') }, toolUseTurn().content[0]] },
    user([{ type: 'tool_result', tool_use_id: 'toolu_01A', content: '18C' }]),
  ] }), 400, 'invalid_request_error', /^messages\.1\.content\.0: `thinking` or `redacted_thinking` blocks in the latest assistant message cannot be modified/],
  ['tool use continued without its thinking block', hello({ model: 'claude-sonnet-4-6', max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 2000 }, tools: [weatherTool],
    messages: [user('Weather?'), toolUseTurn(), user([{ type: 'tool_result', tool_use_id: 'toolu_01A', content: '18C' }])] }), 400, 'invalid_request_error',
    /^messages\.1\.content\.0\.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`/],
  ['cache_control ttl unknown', hello({ system: [cached('You are terse.', '2h' as '1h')] }), 400, 'invalid_request_error',
    "system.0.cache_control.ttl: Input should be '5m' or '1h'"],
  ['five cache breakpoints', hello({ system: [cached('a'), cached('b'), cached('c')], messages: [user([cached('d'), cached('e')])] }), 400, 'invalid_request_error',
    'A maximum of 4 blocks with cache_control may be provided. Found 5.'],
  ['automatic caching with four breakpoints', hello({ cache_control: { type: 'ephemeral' }, system: [cached('a'), cached('b'), cached('c'), cached('d')] }), 400, 'invalid_request_error',
    'A maximum of 4 blocks with cache_control may be provided. Found 5 (no slots left for automatic caching).'],
  ['1h breakpoint after a 5m one', hello({ system: [cached('a', '5m')], messages: [user([cached('b', '1h')])] }), 400, 'invalid_request_error',
    /^messages\.0\.content\.0\.text\.cache_control: a ttl="1h" cache_control block must not come after a ttl="5m" one/],
];

describe('validation of POST /v1/messages', () => {
  it.each(cases)('%s', async (_name, body, status, type, message) => {
    const response = await rawPost(testEmulator(), '/v1/messages', body);
    expect(response.status).toBe(status);
    const json = (await response.json()) as { type: string; error: { type: string; message: string }; request_id: string };
    expect(json.type).toBe('error');
    expect(json.error.type).toBe(type);
    if (typeof message === 'string') expect(json.error.message).toBe(message);
    else expect(json.error.message).toMatch(message);
    expect(json.request_id).toMatch(/^req_01[0-9A-Za-z]{22}$/);
    expect(response.headers.get('request-id')).toBe(json.request_id);
  });

  it('answers a body that is not JSON with a 400', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', '{"model": "claude-sonnet-5-5",');
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { type: string; message: string } };
    expect(json.error.type).toBe('invalid_request_error');
    expect(json.error.message).toMatch(/not valid JSON/);
  });

  it('answers a JSON array body with a 400', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', '[1,2]');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('request body: Input should be a valid dictionary');
  });

  it('answers a body over 32 MB with 413 request_too_large', async () => {
    const huge = `{"model":"claude-sonnet-5-5","max_tokens":10,"messages":[{"role":"user","content":"${'x'.repeat(32 * 1024 * 1024)}"}]}`;
    const response = await rawPost(testEmulator(), '/v1/messages', huge);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('request_too_large');
  });

  it('count_tokens rejects create-only fields', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages/count_tokens', hello());
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('max_tokens: Extra inputs are not permitted');
  });

  it('surfaces as the SDK error classes with type and request id', async () => {
    const client = sdkClient(testEmulator());
    const bad = client.messages.create({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: '' }] });
    await expect(bad).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    const missing = await client.messages.create({ model: 'claude-nope-1', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Anthropic.NotFoundError);
    const error = missing as InstanceType<typeof Anthropic.NotFoundError>;
    expect(error.status).toBe(404);
    expect(error.type).toBe('not_found_error');
    expect(error.apiMessage).toBe('model: claude-nope-1');
    expect(error.requestID).toMatch(/^req_/);
  });
});

describe('requests the API accepts today', () => {
  const accepted: Array<[string, Record<string, unknown>]> = [
    ['consecutive user turns are merged', hello({ messages: [user('Hello'), user('Are you there?')] })],
    ['prefill on a model that supports it', hello({ model: 'claude-haiku-4-5', messages: [user('Name a colour.'), { role: 'assistant', content: 'My answer:' }] })],
    ['a mid-conversation system message', hello({ messages: [user('Hi'), { role: 'assistant', content: 'Hello!' }, { role: 'system', content: 'Answer in French.' }, user('How are you?')] })],
    ['temperature in range on an older model', hello({ model: 'claude-sonnet-4-6', temperature: 0.3 })],
    ['temperature 1 on a newer model', hello({ temperature: 1 })],
    ['an unmodified thinking block passed back', hello({ model: 'claude-sonnet-4-6', max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 2000 }, tools: [weatherTool], messages: [
      user('Weather?'),
      { role: 'assistant', content: [{ type: 'thinking', thinking: 'I will call the tool', signature: signedBy('claude-sonnet-4-6', 'I will call the tool') }, toolUseTurn().content[0]] },
      user([{ type: 'tool_result', tool_use_id: 'toolu_01A', content: '18C' }]),
    ] })],
    ['four breakpoints, 1h before 5m', hello({ system: [cached('a', '1h'), cached('b', '5m')], messages: [user([cached('c'), cached('d')])] })],
    ['automatic caching on an already marked last block (same ttl)', hello({ cache_control: { type: 'ephemeral' }, system: [cached('a'), cached('b'), cached('c')], messages: [user([cached('d')])] })],
  ];
  it.each(accepted)('%s', async (_name, body) => {
    const response = await rawPost(testEmulator(), '/v1/messages', body);
    const json = (await response.json()) as { type: string; error?: { message: string } };
    expect(json.error?.message).toBeUndefined();
    expect(response.status).toBe(200);
    expect(json.type).toBe('message');
  });
});
