/**
 * models.md §5 rules 1-9 (thinking types, effort, display) on every model family, through the official SDK, each
 * with its valid neighbour. The expected values are written out here from models.md §2, not read from the emulator's
 * table, so a wrong table row fails.
 */
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { ask, blockTypes, body, client, expect400 } from './api-error';

const E_ENABLED = '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.';
const E_ADAPTIVE = 'adaptive thinking is not supported on this model';
const E_DISABLED = '"thinking.type.disabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.';
const E_DISABLED_PREVIEW = '"thinking.type.disabled" is not supported for this model. Thinking defaults to adaptive mode when not specified; use "thinking.type.enabled" with "budget_tokens" for extended thinking.';
const E_DISABLED_S55 = 'To turn thinking off on this model, send "thinking": {"type": "between_tools"} instead of {"type": "disabled"}. The model does not think before responding. The short updates it writes between tool calls come back as thinking blocks.';
const E_BT = '"thinking.type.between_tools" is not supported for this model.';
const eEffortOff = (level: string) =>
  `output_config.effort '${level}' is not supported when thinking is disabled on this model. Use effort 'high' or below, or enable thinking.`;

const REASONING = 'What is 17 * 23?';
const GREETING = 'Hello, Claude';
const thinkingBlocks = (message: Anthropic.Message) =>
  message.content.filter((block): block is Anthropic.ThinkingBlock => block.type === 'thinking');

/** MD §2 "`thinking` omitted": adaptive on these, off on the rest. */
const ADAPTIVE_BY_DEFAULT = [
  'claude-fable-5-2', 'claude-mythos-5-2', 'claude-haiku-5-5', 'claude-sonnet-5-5', 'claude-fable-5-1', 'claude-opus-5-5',
  'claude-mythos-5-1', 'claude-opus-5', 'claude-sonnet-5', 'claude-fable-5', 'claude-mythos-5', 'claude-mythos-preview',
];
const OFF_BY_DEFAULT = [
  'claude-opus-4-8', 'claude-opus-4-7', 'claude-opus-4-6', 'claude-sonnet-4-6', 'claude-haiku-4-5', 'claude-opus-4-5',
];

describe('rule 1: thinking omitted', () => {
  it.each(ADAPTIVE_BY_DEFAULT)('%s thinks adaptively on a reasoning request', async (model) => {
    const reply = await client().messages.create(ask(model, REASONING));
    expect(blockTypes(reply)[0]).toBe('thinking');
    expect(blockTypes(reply)).toContain('text');
  });

  it.each(OFF_BY_DEFAULT)('%s does not think', async (model) => {
    const reply = await client().messages.create(ask(model, REASONING));
    expect(blockTypes(reply)).toEqual(['text']);
  });

  it.each(['claude-sonnet-5-5', 'claude-haiku-5-5'])('%s skips thinking on a greeting (adaptive, not always on)', async (model) => {
    expect(blockTypes(await client().messages.create(ask(model, GREETING)))).toEqual(['text']);
  });

  it.each(['claude-opus-5-5', 'claude-fable-5-1', 'claude-mythos-5-1'])('%s always thinks, a greeting included', async (model) => {
    expect(blockTypes(await client().messages.create(ask(model, GREETING)))).toEqual(['thinking', 'text']);
  });

  it('thinks on tool use and on planning, deterministically', async () => {
    const sdk = client();
    const plan = ask('claude-sonnet-5-5', 'Plan a three-day trip to Lisbon for me.');
    const first = await sdk.messages.create(plan);
    expect(blockTypes(first)[0]).toBe('thinking');
    expect((await sdk.messages.create(plan)).content).toEqual(first.content);
  });

  it('spends a small max_tokens on thinking first (Sonnet 5.5)', async () => {
    const reply = await client().messages.create(ask('claude-sonnet-5-5', REASONING, { max_tokens: 1 }));
    expect(reply.stop_reason).toBe('max_tokens');
    expect(blockTypes(reply)).toEqual(['thinking']);
  });
});

describe('rule 2: thinking.type "enabled"', () => {
  const enabled = { thinking: { type: 'enabled', budget_tokens: 1024 }, max_tokens: 4000 };
  it.each([
    'claude-haiku-5-5', 'claude-sonnet-5-5', 'claude-opus-5-5', 'claude-fable-5-1', 'claude-mythos-5-1', 'claude-sonnet-5',
    'claude-fable-5', 'claude-mythos-5', 'claude-opus-5', 'claude-opus-4-8', 'claude-opus-4-7',
  ])('%s: 400 E-enabled; adaptive is accepted', async (model) => {
    const sdk = client();
    await expect400(sdk.messages.create(ask(model, REASONING, enabled)), E_ENABLED);
    const reply = await sdk.messages.create(ask(model, REASONING, { thinking: { type: 'adaptive' } }));
    expect(blockTypes(reply)[0]).toBe('thinking');
  });

  it.each(['claude-mythos-preview', 'claude-opus-4-6', 'claude-sonnet-4-6', 'claude-haiku-4-5', 'claude-opus-4-5'])(
    '%s accepts enabled and thinks', async (model) => {
      const reply = await client().messages.create(ask(model, REASONING, enabled));
      expect(blockTypes(reply)[0]).toBe('thinking');
    });
});

describe('rule 3: thinking.type "adaptive"', () => {
  it.each(['claude-opus-4-5', 'claude-haiku-4-5'])('%s: 400 E-adaptive; enabled is accepted', async (model) => {
    const sdk = client();
    await expect400(sdk.messages.create(ask(model, REASONING, { thinking: { type: 'adaptive' } })), E_ADAPTIVE);
    await expect(sdk.messages.create(ask(model, REASONING, { thinking: { type: 'enabled', budget_tokens: 1024 } }))).resolves.toBeTruthy();
  });
});

describe('rule 4: thinking.type "disabled"', () => {
  const disabled = (extra: Record<string, unknown> = {}) => ({ thinking: { type: 'disabled' }, ...extra });

  it.each(['claude-fable-5-1', 'claude-mythos-5-1', 'claude-fable-5', 'claude-mythos-5', 'claude-opus-5-5'])(
    '%s: 400 E-disabled; omitting thinking is accepted', async (model) => {
      const sdk = client();
      await expect400(sdk.messages.create(ask(model, REASONING, disabled())), E_DISABLED);
      await expect(sdk.messages.create(ask(model, REASONING))).resolves.toBeTruthy();
    });

  it('Mythos Preview: 400 E-disabled-preview', async () => {
    await expect400(client().messages.create(ask('claude-mythos-preview', REASONING, disabled())), E_DISABLED_PREVIEW);
  });

  it.each(['low', 'medium', 'high', 'xhigh', 'max'])('Sonnet 5.5 at effort %s: 400 E-disabled-s55', async (effort) => {
    await expect400(client().messages.create(ask('claude-sonnet-5-5', REASONING, disabled({ output_config: { effort } }))), E_DISABLED_S55);
  });

  it('Haiku 5.5: thinking off at its default effort and at high; 400 E-effort-off at xhigh and max', async () => {
    const sdk = client();
    expect(blockTypes(await sdk.messages.create(ask('claude-haiku-5-5', REASONING, disabled())))).toEqual(['text']);
    expect(blockTypes(await sdk.messages.create(ask('claude-haiku-5-5', REASONING, disabled({ output_config: { effort: 'high' } }))))).toEqual(['text']);
    for (const effort of ['xhigh', 'max']) {
      await expect400(sdk.messages.create(ask('claude-haiku-5-5', REASONING, disabled({ output_config: { effort } }))), eEffortOff(effort));
    }
  });

  it('Opus 5: 400 at xhigh with thinking off (documented pattern), accepted at high', async () => {
    const sdk = client();
    await expect400(sdk.messages.create(ask('claude-opus-5', REASONING, disabled({ output_config: { effort: 'xhigh' } }))), eEffortOff('xhigh'));
    expect(blockTypes(await sdk.messages.create(ask('claude-opus-5', REASONING, disabled({ output_config: { effort: 'high' } }))))).toEqual(['text']);
  });

  it.each(['claude-sonnet-5', 'claude-opus-4-8', 'claude-opus-4-7', 'claude-opus-4-6', 'claude-sonnet-4-6', 'claude-haiku-4-5'])(
    '%s: thinking off', async (model) => {
      expect(blockTypes(await client().messages.create(ask(model, REASONING, disabled())))).toEqual(['text']);
    });

  it('Sonnet 5 has no effort limit with thinking off', async () => {
    await expect(client().messages.create(ask('claude-sonnet-5', REASONING, disabled({ output_config: { effort: 'max' } })))).resolves.toBeTruthy();
  });
});

describe('rule 5: thinking.type "between_tools"', () => {
  const betweenTools = { thinking: { type: 'between_tools' } };
  it.each([
    'claude-haiku-5-5', 'claude-opus-5-5', 'claude-fable-5-1', 'claude-mythos-5-1', 'claude-sonnet-5', 'claude-opus-5',
    'claude-opus-4-8', 'claude-mythos-preview', 'claude-opus-4-6', 'claude-haiku-4-5',
  ])('%s: 400 E-bt', async (model) => {
    await expect400(client().messages.create(ask(model, REASONING, betweenTools)), E_BT);
  });

  it('Sonnet 5.5: no up-front thinking; text only without tools', async () => {
    const reply = await client().messages.create(ask('claude-sonnet-5-5', REASONING, betweenTools));
    expect(blockTypes(reply)).toEqual(['text']);
  });

  it('Sonnet 5.5: the update before a tool call is a thinking block with its text', async () => {
    const reply = await client().messages.create(ask('claude-sonnet-5-5', "What's the weather in Paris?", {
      ...betweenTools,
      tools: [{ name: 'get_weather', description: 'Weather for a city.', input_schema: { type: 'object', properties: { location: { type: 'string' } } } }],
    }));
    expect(blockTypes(reply)).toEqual(['thinking', 'tool_use']);
    expect((reply.content[0] as Anthropic.ThinkingBlock).thinking).toMatch(/weather/i);
  });

  it('Sonnet 5.5: 400 E-effort-off at xhigh and max; accepted at high', async () => {
    const sdk = client();
    for (const effort of ['xhigh', 'max']) {
      await expect400(sdk.messages.create(ask('claude-sonnet-5-5', REASONING, { ...betweenTools, output_config: { effort } })), eEffortOff(effort));
    }
    await expect(sdk.messages.create(ask('claude-sonnet-5-5', REASONING, { ...betweenTools, output_config: { effort: 'high' } }))).resolves.toBeTruthy();
  });

  it.each([
    ['display', { display: 'summarized' }],
    ['budget_tokens', { budget_tokens: 1024 }],
    ['block_binding', { block_binding: {} }],
  ])('Sonnet 5.5: 400 with %s', async (field, extra) => {
    await expect400(
      client().messages.create(ask('claude-sonnet-5-5', REASONING, { thinking: { type: 'between_tools', ...extra } })),
      `thinking.between_tools.${field}: Extra inputs are not permitted`,
    );
  });
});

describe('rule 7: effort defaults and levels', () => {
  /** Summarized thinking shows how deep the model thought, so equal replies mean equal effort. */
  const thinkingAt = async (model: string, effort?: string) => {
    const reply = await client().messages.create(ask(model, 'Plan a three-day trip to Lisbon for me.', {
      thinking: { type: 'adaptive', display: 'summarized' },
      ...(effort ? { output_config: { effort } } : {}),
    }));
    return thinkingBlocks(reply).map((block) => block.thinking).join('\n');
  };

  it.each([
    ['claude-opus-5-5', 'medium', 'high'],
    ['claude-haiku-5-5', 'medium', 'high'],
    ['claude-sonnet-5-5', 'high', 'medium'],
    ['claude-fable-5-1', 'high', 'medium'],
    ['claude-opus-5', 'high', 'medium'],
  ])('%s defaults to %s (sending it equals omitting it; %s differs)', async (model, byDefault, other) => {
    const omitted = await thinkingAt(model);
    expect(omitted).not.toBe('');
    expect(await thinkingAt(model, byDefault)).toBe(omitted);
    expect(await thinkingAt(model, other)).not.toBe(omitted);
  });

  it.each([
    ['claude-opus-4-5', 'max', 'high, low, medium'],
    ['claude-opus-4-5', 'xhigh', 'high, low, medium'],
    ['claude-mythos-preview', 'xhigh', 'high, low, max, medium'],
    ['claude-opus-4-6', 'xhigh', 'high, low, max, medium'],
    ['claude-sonnet-4-6', 'xhigh', 'high, low, max, medium'],
  ])('%s rejects effort %s (supported: %s); high is accepted', async (model, effort, supported) => {
    const sdk = client();
    await expect400(sdk.messages.create(ask(model, REASONING, { output_config: { effort } })),
      `This model does not support effort level '${effort}'. Supported levels: ${supported}.`);
    await expect(sdk.messages.create(ask(model, REASONING, { output_config: { effort: 'high' } }))).resolves.toBeTruthy();
  });

  it.each(['claude-haiku-4-5'])('%s supports no effort at all', async (model) => {
    await expect400(client().messages.create(ask(model, REASONING, { output_config: { effort: 'high' } })),
      "This model does not support effort level 'high'. Supported levels: none.");
  });

  it.each(['claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-5-5', 'claude-opus-4-8'])('%s accepts xhigh and max', async (model) => {
    const sdk = client();
    for (const effort of ['xhigh', 'max']) await expect(sdk.messages.create(ask(model, REASONING, { output_config: { effort } }))).resolves.toBeTruthy();
  });
});

describe('rule 8: display', () => {
  it.each(['claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-5-5', 'claude-fable-5-1', 'claude-opus-4-8'])(
    '%s omits the thinking text by default, and summarizes on request', async (model) => {
      const sdk = client();
      const omitted = await sdk.messages.create(ask(model, REASONING, { thinking: { type: 'adaptive' } }));
      expect(thinkingBlocks(omitted).map((block) => block.thinking)).toEqual(['']);
      expect(thinkingBlocks(omitted)[0]!.signature).toMatch(/^Eq/);
      const shown = await sdk.messages.create(ask(model, REASONING, { thinking: { type: 'adaptive', display: 'summarized' } }));
      expect(thinkingBlocks(shown)[0]!.thinking).toContain('391');
    });

  it.each([
    ['claude-opus-4-6', { type: 'adaptive' }],
    ['claude-sonnet-4-6', { type: 'adaptive' }],
    ['claude-opus-4-5', { type: 'enabled', budget_tokens: 1024 }],
    ['claude-haiku-4-5', { type: 'enabled', budget_tokens: 1024 }],
  ])('%s summarizes by default', async (model, thinking) => {
    const reply = await client().messages.create(ask(model, REASONING, { thinking, max_tokens: 4000 }));
    expect(thinkingBlocks(reply)[0]!.thinking).toContain('391');
  });

  it('"updates" needs its beta header, else the unknown-display 400', async () => {
    const sdk = client();
    const request = ask('claude-sonnet-5-5', REASONING, { thinking: { type: 'adaptive', display: 'updates' } });
    await expect400(sdk.messages.create(request), "thinking.adaptive.display: Input should be 'summarized' or 'omitted'");
    await expect(sdk.messages.create(request, { headers: { 'anthropic-beta': 'thinking-display-updates-2026-08-18' } })).resolves.toBeTruthy();
  });

  it('display with disabled is invalid', async () => {
    await expect400(client().messages.create(ask('claude-haiku-5-5', REASONING, { thinking: { type: 'disabled', display: 'omitted' } })),
      'thinking.disabled.display: Extra inputs are not permitted');
  });
});

describe('rule 9: streaming an omitted thinking block', () => {
  it('sends an empty thinking_delta, then the signature_delta; the SDK assembles the same block', async () => {
    const stream = client().messages.stream(body({ model: 'claude-sonnet-5-5', max_tokens: 2048, messages: [{ role: 'user', content: REASONING }] }));
    const deltas: Array<{ type: string; thinking?: string }> = [];
    stream.on('streamEvent', (event) => {
      if (event.type === 'content_block_delta' && event.index === 0) deltas.push(event.delta as { type: string; thinking?: string });
    });
    const message = await stream.finalMessage();
    expect(deltas.map((delta) => delta.type)).toEqual(['thinking_delta', 'signature_delta']);
    expect(deltas[0]!.thinking).toBe('');
    expect(message.content[0]).toMatchObject({ type: 'thinking', thinking: '' });
    expect((message.content[0] as Anthropic.ThinkingBlock).signature).toMatch(/^Eq/);
  });
});
