/**
 * count_tokens charges the tool-use system prompt each model's row of the pricing page gives (models.md §3 note
 * [PR]): 286 tokens with tool_choice auto on the 5.5 models, 354 on Sonnet 5, 406 forced on Haiku 5.5, …
 * Through the official SDK; the tool definition itself costs the same on every model, so differences between
 * models and between tool_choice values isolate the documented figures.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { sdkClient, testEmulator } from './helpers';

const client = sdkClient(testEmulator());
const tool: Anthropic.Tool = {
  name: 'get_weather',
  description: 'Current weather for a city.',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Weather in Oslo?' }];

async function toolCost(model: string, toolChoice?: Anthropic.ToolChoice): Promise<number> {
  const bare = await client.messages.countTokens({ model, messages });
  const withTool = await client.messages.countTokens({
    model, messages, tools: [tool], ...(toolChoice ? { tool_choice: toolChoice } : {}),
  });
  return withTool.input_tokens - bare.input_tokens;
}

describe('the tool-use system prompt in count_tokens, per model', () => {
  it('is the same on the three 5.5 models (286 with auto)', async () => {
    const sonnet = await toolCost('claude-sonnet-5-5');
    expect(await toolCost('claude-haiku-5-5')).toBe(sonnet);
    expect(await toolCost('claude-opus-5-5')).toBe(sonnet);
  });

  it('differs by the documented amounts between models: Sonnet 5 354, Opus 4.7 675, the 4.5 models 496', async () => {
    const base = await toolCost('claude-sonnet-5-5'); // 286 + the tool definition
    expect((await toolCost('claude-sonnet-5')) - base).toBe(354 - 286);
    expect((await toolCost('claude-opus-4-7')) - base).toBe(675 - 286);
    expect((await toolCost('claude-haiku-4-5')) - base).toBe(496 - 286);
  });

  it('a forced tool costs more where forcing is allowed (Haiku 5.5: 406 against 286)', async () => {
    const auto = await toolCost('claude-haiku-5-5', { type: 'auto' });
    expect((await toolCost('claude-haiku-5-5', { type: 'any' })) - auto).toBe(406 - 286);
    expect(await toolCost('claude-haiku-5-5', { type: 'none' })).toBe(auto);
  });
});
