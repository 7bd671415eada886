/**
 * models.md §5 rules 10 (forced tool_choice), 17 (progress updates) and 19 (computer tool versions), plus the
 * `tool_name_conflict` error code, through the official SDK, each with its valid neighbour.
 */
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { estimateTextTokens } from '../../../src/mock/tokens';
import { hello, rawPost, testEmulator } from '../helpers';
import { apiError, ask, blockTypes, body, client, expect400, weatherTool } from './api-error';

const E_FORCED = 'tool_choice: type "tool" and "any" are not supported for this model.';
const WEATHER = "What's the weather in Paris?";
const forced = [{ type: 'any' }, { type: 'tool', name: 'get_weather' }] as const;

describe('rule 10: forced tool_choice', () => {
  it.each(['claude-sonnet-5-5', 'claude-opus-5-5', 'claude-fable-5-1', 'claude-mythos-5-1'])(
    '%s: 400 E-forced on messages and count_tokens; auto is accepted', async (model) => {
      const sdk = client();
      for (const tool_choice of forced) {
        await expect400(sdk.messages.create(ask(model, WEATHER, { tools: [weatherTool], tool_choice })), E_FORCED);
        await expect400(sdk.messages.countTokens(body({ model, messages: [{ role: 'user', content: WEATHER }], tools: [weatherTool], tool_choice })), E_FORCED);
      }
      const reply = await sdk.messages.create(ask(model, WEATHER, { tools: [weatherTool], tool_choice: { type: 'auto' } }));
      expect(reply.stop_reason).toBe('tool_use');
      const counted = await sdk.messages.countTokens(body({ model, messages: [{ role: 'user', content: WEATHER }], tools: [weatherTool], tool_choice: { type: 'auto' } }));
      expect(counted.input_tokens).toBeGreaterThan(0);
    });

  it('Haiku 5.5 accepts it: the reply is the tool call alone, with no thinking block and no text', async () => {
    const sdk = client();
    for (const tool_choice of forced) {
      const reply = await sdk.messages.create(ask('claude-haiku-5-5', 'Tell me a joke.', { tools: [weatherTool], tool_choice }));
      expect(blockTypes(reply)).toEqual(['tool_use']);
      expect(reply.stop_reason).toBe('tool_use');
    }
  });

  it.each(['claude-sonnet-5', 'claude-opus-5', 'claude-fable-5', 'claude-opus-4-8', 'claude-opus-4-6', 'claude-haiku-4-5'])(
    '%s accepts it', async (model) => {
      const reply = await client().messages.create(ask(model, WEATHER, { tools: [weatherTool], tool_choice: { type: 'any' } }));
      expect(blockTypes(reply)).toEqual(['tool_use']);
    });

  it('is refused together with thinking.type "enabled"', async () => {
    const request = { tools: [weatherTool], tool_choice: { type: 'any' }, max_tokens: 4000 };
    const sdk = client();
    await expect400(sdk.messages.create(ask('claude-sonnet-4-6', WEATHER, { ...request, thinking: { type: 'enabled', budget_tokens: 1024 } })),
      'Thinking may not be enabled when tool_choice forces tool use.');
    await expect(sdk.messages.create(ask('claude-sonnet-4-6', WEATHER, request))).resolves.toBeTruthy();
  });
});

describe('rule 17: progress updates between tool calls', () => {
  /** Two cities with parallel calls off: the second call comes after the first result, in the same turn. */
  const secondRound = async (model: string, display?: string, maxTokens = 2048) => {
    const sdk = client();
    const tools = [weatherTool];
    const request = {
      tools, tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      ...(display ? { thinking: { type: 'adaptive', display } } : {}),
    };
    const question = 'What is the weather in Paris and in Tokyo?';
    const first = await sdk.messages.create(ask(model, question, request));
    const call = first.content.find((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use')!;
    return sdk.messages.create(body({
      model, max_tokens: maxTokens, ...request,
      messages: [
        { role: 'user', content: question },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '{"temperature":18}' }] },
      ],
    }));
  };

  it.each(['claude-sonnet-5-5', 'claude-opus-5-5', 'claude-fable-5-1', 'claude-mythos-5-1', 'claude-fable-5'])(
    '%s puts a signed thinking block right before the next tool_use (empty when omitted)', async (model) => {
      const reply = await secondRound(model);
      const types = blockTypes(reply);
      expect(types.slice(-2)).toEqual(['thinking', 'tool_use']);
      expect(types).not.toContain('text');
      const update = reply.content[types.length - 2] as Anthropic.ThinkingBlock;
      expect(update.thinking).toBe('');
      expect(update.signature).toMatch(/^Eq/);
    });

  it('shows the update text under display "summarized"', async () => {
    const reply = await secondRound('claude-sonnet-5-5', 'summarized');
    const update = reply.content[reply.content.length - 2] as Anthropic.ThinkingBlock;
    expect(update.type).toBe('thinking');
    expect(update.thinking).toMatch(/Tokyo/);
  });

  it('a reply cut off right after an update ends with it, reading exactly the documented sentence', async () => {
    const full = await secondRound('claude-sonnet-5-5', 'summarized');
    const types = blockTypes(full);
    const updateIndex = types.length - 2;
    // Room for every block up to the update, not for the tool call after it.
    const before = full.content.slice(0, updateIndex + 1) as Anthropic.ThinkingBlock[];
    const budget = before.reduce((sum, block) => sum + estimateTextTokens(block.thinking), 0) + 2;
    const cut = await secondRound('claude-sonnet-5-5', 'summarized', budget);
    expect(cut.stop_reason).toBe('max_tokens');
    expect(blockTypes(cut)).toEqual(types.slice(0, updateIndex + 1));
    expect((cut.content[updateIndex] as Anthropic.ThinkingBlock).thinking).toBe('This part of the response was interrupted before it finished.');
  });

  it.each(['claude-haiku-5-5', 'claude-opus-5', 'claude-sonnet-5'])('%s writes the lead-in as text', async (model) => {
    const types = blockTypes(await secondRound(model));
    expect(types.slice(-2)).toEqual(['text', 'tool_use']);
  });
});

describe('rule 19: computer-use tool versions', () => {
  const computer = (type: string) => ({ type, name: 'computer', display_width_px: 1280, display_height_px: 800 });
  it.each(['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5'])(
    '%s: 400 E-computer for computer_20251124; computer_toolset_20260801 is accepted', async (model) => {
      const sdk = client();
      await expect400(sdk.messages.create(ask(model, 'Take a screenshot.', { tools: [computer('computer_20251124')] })),
        new RegExp(`^'${model}' does not support tool types: computer_20251124\\. Did you mean one of.*computer_toolset_20260801`));
      await expect(sdk.messages.create(ask(model, 'Take a screenshot.', { tools: [{ type: 'computer_toolset_20260801', name: 'computer' }] }))).resolves.toBeTruthy();
    });

  it('Haiku 5.5 also refuses computer_20250124', async () => {
    await expect400(client().messages.create(ask('claude-haiku-5-5', 'Take a screenshot.', { tools: [computer('computer_20250124')] })),
      /^'claude-haiku-5-5' does not support tool types: computer_20250124\./);
  });

  it('Fable 5.2 refuses computer_20251124', async () => {
    await expect400(client().messages.create(ask('claude-fable-5-2', 'Take a screenshot.', { tools: [computer('computer_20251124')] })),
      /^'claude-fable-5-2' does not support tool types: computer_20251124\./);
  });

  it('Sonnet 5 accepts computer_20251124', async () => {
    await expect(client().messages.create(ask('claude-sonnet-5', 'Take a screenshot.', { tools: [computer('computer_20251124')] }))).resolves.toBeTruthy();
  });
});

describe('error codes', () => {
  it('duplicate tool names carry error_code tool_name_conflict, so the SDK raises ToolNameConflictError', async () => {
    const error = await apiError(client().messages.create(ask('claude-sonnet-5-5', WEATHER, { tools: [weatherTool, weatherTool] })));
    expect(error.status).toBe(400);
    expect(error.errorCode).toBe('tool_name_conflict');
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.constructor.name).toBe('ToolNameConflictError');
  });

  it('an ordinary 400 has no error code', async () => {
    const error = await apiError(client().messages.create(ask('claude-sonnet-5-5', WEATHER, { tools: [weatherTool], tool_choice: { type: 'any' } })));
    expect(error.errorCode).toBeNull();
  });
});

describe('tool_choice needs tools', () => {
  it('any tool_choice without tools is a 400 "tool_choice.<type> may only be specified while providing tools"', async () => {
    // The API's words as captured in third-party code ("tool_choice.any may only be specified while providing tools").
    for (const type of ['auto', 'any', 'none'] as const) {
      const response = await rawPost(testEmulator(), '/v1/messages', hello({ tool_choice: { type } }));
      expect(response.status, type).toBe(400);
      const body = await response.json();
      expect(body.error.type).toBe('invalid_request_error');
      expect(body.error.message).toBe(`tool_choice.${type} may only be specified while providing tools`);
    }
    const emptyTools = await rawPost(testEmulator(), '/v1/messages', hello({ tools: [], tool_choice: { type: 'tool', name: 'x' } }));
    expect(emptyTools.status).toBe(400);
  });
});
