/**
 * models.md §5 rules 13-16: thinking blocks are bound to the model that wrote them and to the conversation before
 * them. Through the official SDK: an unchanged replay is accepted; an edited block, a changed prefix, a block left
 * out or moved are 400s; `drop_block` (with its beta header) drops instead; changes to effort, max_tokens,
 * tool_choice, metadata and cache_control are not edits.
 */
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { sdkClient, testEmulator } from './helpers';
import { apiError, body, expect400, weatherTool } from './validate/api-error';

const BETA = 'thinking-binding-controls-2026-08-01';
const betaHeader = { headers: { 'anthropic-beta': BETA } };
const MODEL = 'claude-sonnet-5-5';
const SYSTEM = 'You are a weather assistant.';
const QUESTION = 'What is the weather in Paris and in Tokyo?';
const E_MODIFIED = '`thinking` or `redacted_thinking` blocks in the latest assistant message cannot be modified. These blocks must remain as they were in the original response.';
const ePrefix = (path: string, beta: boolean) => new RegExp(
  `^${path.replace(/\./g, '\\.')}: Invalid \`signature\` in \`thinking\` block\\. The block is bound to a different conversation\\. ` +
  'Remove the block, or set `thinking\\.block_binding\\.prefix_mismatch_behavior` to "drop_block"\\.' +
  (beta ? ' (?!That setting)' : ` That setting requires the \`${BETA}\` value in the \`anthropic-beta\` header\\. `) + '\\S',
);

type Params = Anthropic.MessageCreateParamsNonStreaming;
const isToolUse = (block: Anthropic.ContentBlock): block is Anthropic.ToolUseBlock => block.type === 'tool_use';
const result = (reply: Anthropic.Message, text: string): Anthropic.MessageParam => ({
  role: 'user',
  content: reply.content.filter(isToolUse).map((call) => ({ type: 'tool_result' as const, tool_use_id: call.id, content: text })),
});

/**
 * A two-round tool conversation on `model` (parallel calls off, so the second city is a second round), returned as
 * the request that continues it: [question, reply1, result1, reply2, result2]. Both replies start with thinking.
 */
async function conversation(client: Anthropic, model = MODEL, extra: Partial<Params> = {}) {
  const base = body({
    model, max_tokens: 2048, system: SYSTEM, tools: [weatherTool],
    tool_choice: { type: 'auto', disable_parallel_tool_use: true },
    thinking: { type: 'adaptive', display: 'summarized' }, ...extra,
  });
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: QUESTION }];
  const reply1 = await client.messages.create({ ...base, messages });
  messages.push({ role: 'assistant', content: reply1.content }, result(reply1, '{"temperature":18}'));
  const reply2 = await client.messages.create({ ...base, messages: [...messages] });
  messages.push({ role: 'assistant', content: reply2.content }, result(reply2, '{"temperature":25}'));
  return { base, messages, reply1, reply2 };
}

const thinkingIndex = (message: Anthropic.MessageParam) =>
  (message.content as Anthropic.ContentBlockParam[]).findIndex((block) => block.type === 'thinking');

describe('replaying thinking blocks unchanged', () => {
  it('the conversation continues, every block passed back as received', async () => {
    const client = sdkClient(testEmulator());
    const { base, messages, reply1, reply2 } = await conversation(client);
    expect(reply1.content[0]!.type).toBe('thinking');
    expect(reply2.content.map((block) => block.type)).toContain('thinking');
    const final = await client.messages.create({ ...base, messages });
    expect(final.stop_reason).toBe('end_turn');
  });

  it.each<[string, Partial<Params>]>([
    ['effort', { output_config: { effort: 'low' } }],
    ['max_tokens', { max_tokens: 999 }],
    ['tool_choice', { tool_choice: { type: 'none' } }],
    ['metadata', { metadata: { user_id: 'someone' } }],
    ['top-level cache_control', { cache_control: { type: 'ephemeral' } }],
    ['display', { thinking: { type: 'adaptive', display: 'omitted' } }],
  ])('changing %s is not an edit', async (_name, change) => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client);
    await expect(client.messages.create({ ...base, ...change, messages })).resolves.toBeTruthy();
  });

  it('a cache_control breakpoint added to an earlier message is not an edit', async () => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client);
    messages[0] = { role: 'user', content: [{ type: 'text', text: QUESTION, cache_control: { type: 'ephemeral' } }] };
    await expect(client.messages.create({ ...base, messages })).resolves.toBeTruthy();
  });
});

describe('rule 13: an edited block', () => {
  it('in the latest assistant message: 400 E-modified at its position', async () => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client);
    const latest = messages[3]!.content as Anthropic.ContentBlockParam[];
    const index = thinkingIndex(messages[3]!);
    latest[index] = { ...(latest[index] as Anthropic.ThinkingBlockParam), thinking: 'I made this up.' };
    await expect400(client.messages.create({ ...base, messages }), `messages.3.content.${index}: ${E_MODIFIED}`);
  });

  it('in an earlier one: 400 Invalid signature', async () => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client);
    const earlier = messages[1]!.content as Anthropic.ThinkingBlockParam[];
    earlier[0] = { ...earlier[0]!, thinking: 'I made this up.' };
    await expect400(client.messages.create({ ...base, messages }), 'messages.1.content.0: Invalid `signature` in `thinking` block');
  });

  it('an emptied signature: 400 Invalid signature, without the conversation sentence', async () => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client);
    const earlier = messages[1]!.content as Anthropic.ThinkingBlockParam[];
    earlier[0] = { ...earlier[0]!, signature: '' };
    await expect400(client.messages.create({ ...base, messages }), 'messages.1.content.0: Invalid `signature` in `thinking` block');
  });

  it('text written into an omitted block is ignored, not rejected', async () => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client, MODEL, { thinking: { type: 'adaptive', display: 'omitted' } });
    const earlier = messages[1]!.content as Anthropic.ThinkingBlockParam[];
    expect(earlier[0]!.thinking).toBe('');
    earlier[0] = { ...earlier[0]!, thinking: 'My notes on what the model was thinking.' };
    await expect(client.messages.create({ ...base, messages })).resolves.toBeTruthy();
  });
});

describe('rule 15: the prefix check', () => {
  const cases: Array<[string, (c: Awaited<ReturnType<typeof conversation>>) => Params, string]> = [
    ['the system prompt changed', ({ base, messages }) => ({ ...base, system: 'You are a pirate.', messages }), 'messages.1.content.0'],
    ['the tools changed', ({ base, messages }) => ({ ...base, tools: [{ ...weatherTool, description: 'Weather.' }], messages }), 'messages.1.content.0'],
    ['an earlier message changed', ({ base, messages }) => ({ ...base, messages: [{ role: 'user', content: 'What is the weather in Rome and in Tokyo?' }, ...messages.slice(1)] }), 'messages.1.content.0'],
  ];

  it.each(cases)('%s: 400 E-prefix, with the beta hint when the header is missing', async (_name, edit, path) => {
    const client = sdkClient(testEmulator());
    const request = edit(await conversation(client));
    await expect400(client.messages.create(request), ePrefix(path, false));
    const error = await apiError(client.messages.create(request, betaHeader));
    expect(error.apiMessage).toMatch(ePrefix(path, true));
  });

  it('a thinking block left out: the later block is refused', async () => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client);
    const first = messages[1]!.content as Anthropic.ContentBlockParam[];
    messages[1] = { role: 'assistant', content: first.filter((block) => block.type !== 'thinking') };
    await expect400(client.messages.create({ ...base, messages }), ePrefix(`messages.3.content.${thinkingIndex(messages[3]!)}`, false));
  });

  it('thinking blocks moved: refused', async () => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client);
    const first = [...(messages[1]!.content as Anthropic.ContentBlockParam[])];
    const second = [...(messages[3]!.content as Anthropic.ContentBlockParam[])];
    const [a, b] = [thinkingIndex(messages[1]!), thinkingIndex(messages[3]!)];
    [first[a], second[b]] = [second[b]!, first[a]!];
    messages[1] = { role: 'assistant', content: first };
    messages[3] = { role: 'assistant', content: second };
    await expect400(client.messages.create({ ...base, messages }), /^messages\.1\.content\.0: Invalid `signature` in `thinking` block\. The block is bound to a different conversation/);
  });

  it('leaving out the last thinking block is fine (nothing after it depended on it)', async () => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client);
    const second = messages[3]!.content as Anthropic.ContentBlockParam[];
    messages[3] = { role: 'assistant', content: second.filter((block) => block.type !== 'thinking') };
    await expect(client.messages.create({ ...base, messages })).resolves.toBeTruthy();
  });

  it('drop_block with the beta header: the request succeeds and reports what was dropped', async () => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client);
    const request = body({ ...base, system: 'You are a pirate.', messages,
      thinking: { type: 'adaptive', display: 'summarized', block_binding: { prefix_mismatch_behavior: 'drop_block' } } });
    const reply = await client.messages.create(request, betaHeader) as Anthropic.Message & { input_transformations?: unknown };
    const paths = messages.flatMap((message, i) => (message.role === 'assistant'
      ? (message.content as Anthropic.ContentBlockParam[]).flatMap((block, j) => (block.type === 'thinking' ? [`messages.${i}.content.${j}`] : []))
      : []));
    expect(paths.length).toBeGreaterThanOrEqual(2);
    expect(reply.input_transformations).toEqual(paths.map((path) => ({ type: 'thinking_dropped', path, reason: 'prefix_binding_mismatch' })));
    // Dropped blocks are not billed: the same request without them costs the same input tokens.
    const without = messages.map((message) => (message.role === 'assistant'
      ? { ...message, content: (message.content as Anthropic.ContentBlockParam[]).filter((block) => block.type !== 'thinking') } : message));
    const counted = await client.messages.countTokens({ model: MODEL, system: 'You are a pirate.', tools: [weatherTool], messages: without });
    expect(reply.usage.input_tokens).toBe(counted.input_tokens);
  });

  it('with the beta header every reply carries input_transformations, [] when nothing was dropped; in message_start when streaming', async () => {
    const client = sdkClient(testEmulator());
    const plain = await client.messages.create(body({ model: MODEL, max_tokens: 256, messages: [{ role: 'user', content: 'Hi' }] }), betaHeader);
    expect((plain as { input_transformations?: unknown }).input_transformations).toEqual([]);
    const without = await client.messages.create(body({ model: MODEL, max_tokens: 256, messages: [{ role: 'user', content: 'Hi' }] }));
    expect('input_transformations' in without).toBe(false);
    const stream = client.messages.stream(body({ model: MODEL, max_tokens: 256, messages: [{ role: 'user', content: 'Hi' }] }), betaHeader);
    let start: unknown;
    stream.on('streamEvent', (event) => {
      if (event.type === 'message_start') start = event.message;
    });
    await stream.finalMessage();
    expect((start as { input_transformations?: unknown }).input_transformations).toEqual([]);
  });

  it('block_binding without the beta header: 400 "block_binding: Extra inputs are not permitted"', async () => {
    const request = body({ model: MODEL, max_tokens: 256, messages: [{ role: 'user', content: 'Hi' }],
      thinking: { type: 'adaptive', block_binding: { prefix_mismatch_behavior: 'drop_block' } } });
    const client = sdkClient(testEmulator());
    await expect400(client.messages.create(request), /block_binding: Extra inputs are not permitted$/);
    await expect(client.messages.create(request, betaHeader)).resolves.toBeTruthy();
  });

  it('"error" behaves like the default', async () => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client);
    const request = body({ ...base, system: 'You are a pirate.', messages,
      thinking: { type: 'adaptive', block_binding: { prefix_mismatch_behavior: 'error' } } });
    await expect400(client.messages.create(request, betaHeader), ePrefix('messages.1.content.0', true));
  });

  it.each(['claude-opus-5-5', 'claude-haiku-5-5', 'claude-fable-5-1'])('%s runs the check too', async (model) => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client, model);
    await expect400(client.messages.create({ ...base, system: 'You are a pirate.', messages }), /bound to a different conversation/);
  });

  it.each(['claude-sonnet-5', 'claude-opus-4-6'])('%s runs no prefix check', async (model) => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client, model);
    await expect(client.messages.create({ ...base, system: 'You are a pirate.', messages })).resolves.toBeTruthy();
  });
});

describe('rule 14: the model binding', () => {
  const replayOn = async (writer: string, reader: string, beta: boolean) => {
    const client = sdkClient(testEmulator());
    const { base, messages } = await conversation(client, writer);
    const reply = await client.messages.create({ ...base, model: reader, messages }, beta ? betaHeader : undefined);
    return reply as Anthropic.Message & { input_transformations?: Array<{ reason: string }> };
  };

  it('Opus 5.5 reads Sonnet 5.5 blocks', async () => {
    expect((await replayOn('claude-sonnet-5-5', 'claude-opus-5-5', true)).input_transformations).toEqual([]);
  });

  it('Haiku 5.5 drops Sonnet 5.5 blocks silently, and reports them with the beta header', async () => {
    expect((await replayOn('claude-sonnet-5-5', 'claude-haiku-5-5', false)).input_transformations).toBeUndefined();
    const reasons = (await replayOn('claude-sonnet-5-5', 'claude-haiku-5-5', true)).input_transformations!.map((t) => t.reason);
    expect(reasons.length).toBeGreaterThan(0);
    expect(new Set(reasons)).toEqual(new Set(['model_binding_mismatch']));
  });

  it('Sonnet 5.5 drops Opus 5.5 blocks', async () => {
    const reasons = (await replayOn('claude-opus-5-5', 'claude-sonnet-5-5', true)).input_transformations!.map((t) => t.reason);
    expect(new Set(reasons)).toEqual(new Set(['model_binding_mismatch']));
  });
});

/** Creates a batch (with `options`' headers), advances the emulator clock until it ends, and returns its results. */
async function runBatch(emulator: ReturnType<typeof testEmulator>, client: Anthropic, requests: Anthropic.Messages.BatchCreateParams.Request[], options?: { headers: Record<string, string> }) {
  const batch = await client.messages.batches.create({ requests }, options);
  let current = batch;
  while (current.processing_status !== 'ended') {
    emulator.advanceTime(60_000);
    current = await client.messages.batches.retrieve(batch.id);
  }
  const results: Anthropic.Messages.MessageBatchIndividualResponse[] = [];
  for await (const entry of await client.messages.batches.results(batch.id)) results.push(entry);
  return results;
}

const erroredMessage = (entry: Anthropic.Messages.MessageBatchIndividualResponse) =>
  entry.result.type === 'errored' ? entry.result.error.error.message : `not errored: ${entry.result.type}`;

describe('Message Batches', () => {
  it('block_binding in an entry is checked with the batch\'s beta header, as on /v1/messages', async () => {
    const emulator = testEmulator();
    const client = sdkClient(emulator);
    const { base, messages } = await conversation(client);
    const edited = (behavior: 'error' | 'drop_block') => ({
      custom_id: behavior, params: { ...base, system: 'You are a pirate.', messages, thinking: { type: 'adaptive' as const, block_binding: { prefix_mismatch_behavior: behavior } } },
    });
    const withoutBeta = await runBatch(emulator, client, [edited('drop_block')]);
    expect(erroredMessage(withoutBeta[0]!)).toMatch(/block_binding: Extra inputs are not permitted$/);

    // Results come in any order (docs: …/batch-processing): find them by custom_id.
    const both = await runBatch(emulator, client, [edited('error'), edited('drop_block')], betaHeader);
    const refused = both.find((entry) => entry.custom_id === 'error');
    const dropped = both.find((entry) => entry.custom_id === 'drop_block');
    expect(erroredMessage(refused!)).toMatch(ePrefix('messages.1.content.0', true));
    expect(dropped!.result.type).toBe('succeeded');
    const message = dropped!.result.type === 'succeeded' ? dropped!.result.message : undefined;
    const reasons = ((message as { input_transformations?: Array<{ reason: string }> } | undefined)?.input_transformations ?? []).map((t) => t.reason);
    expect(reasons.length).toBeGreaterThan(0);
  });

  it('an unset prefix_mismatch_behavior drops instead of failing', async () => {
    const emulator = testEmulator();
    const client = sdkClient(emulator);
    const { base, messages } = await conversation(client);
    const batch = await client.messages.batches.create({
      requests: [{ custom_id: 'edited', params: { ...base, system: 'You are a pirate.', messages } }],
    });
    let current = batch;
    while (current.processing_status !== 'ended') {
      emulator.advanceTime(60_000);
      current = await client.messages.batches.retrieve(batch.id);
    }
    const results = [];
    for await (const entry of await client.messages.batches.results(batch.id)) results.push(entry);
    expect(results[0]!.result.type).toBe('succeeded');
  });
});
