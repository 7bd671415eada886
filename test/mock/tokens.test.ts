import { describe, expect, it } from 'vitest';
import {
  IMAGE_TOKENS,
  MESSAGE_OVERHEAD,
  REQUEST_OVERHEAD,
  SYSTEM_OVERHEAD,
  TOOL_SYSTEM_PROMPT_AUTO,
  TOOL_SYSTEM_PROMPT_FORCED,
  countInputTokens,
  estimateTextTokens,
  promptUnits,
} from '../../src/mock/tokens';

const MODEL = 'claude-sonnet-5-5';

describe('estimateTextTokens', () => {
  it.each([
    ['', 0],
    ['   \n\t', 0],
    ['the', 1],
    ['streaming', 2],
    ['internationalization', 4],
    ['Hello, world!', 4],
    ['12345', 2],
    ['日本語', 3],
  ])('%j costs %i tokens', (text, tokens) => {
    expect(estimateTextTokens(text)).toBe(tokens);
  });

  it('grows with the text and never shrinks when text is appended', () => {
    const words = 'The quick brown fox jumps over the lazy dog'.split(' ');
    let previous = 0;
    for (let i = 1; i <= words.length; i++) {
      const tokens = estimateTextTokens(words.slice(0, i).join(' '));
      expect(tokens).toBeGreaterThanOrEqual(previous);
      previous = tokens;
    }
    expect(previous).toBe(9);
  });
});

describe('countInputTokens', () => {
  it('adds the documented overheads to a single user message', () => {
    expect(countInputTokens({ model: MODEL, messages: [{ role: 'user', content: 'Hello, world!' }] })).toBe(REQUEST_OVERHEAD + MESSAGE_OVERHEAD + 4);
  });

  it('counts the system prompt, as a string or as blocks', () => {
    const base = countInputTokens({ model: MODEL, messages: [{ role: 'user', content: 'Hi' }] });
    expect(countInputTokens({ model: MODEL, system: 'You are a pirate.', messages: [{ role: 'user', content: 'Hi' }] })).toBe(base + SYSTEM_OVERHEAD + 5);
    expect(countInputTokens({ model: MODEL, system: [{ type: 'text', text: 'You are a pirate.' }], messages: [{ role: 'user', content: 'Hi' }] })).toBe(base + SYSTEM_OVERHEAD + 5);
  });

  it('charges the tool-use system prompt once; a model without documented figures gets the Claude 4 ones', () => {
    const tool = { name: 'get_weather', description: 'Get weather', input_schema: { type: 'object' as const, properties: {} } };
    const messages = [{ role: 'user' as const, content: 'Hi' }];
    const undocumented = 'claude-fable-5-1'; // the pricing page's tool-prompt table has no Fable or Mythos row
    const none = countInputTokens({ model: undocumented, messages });
    const one = countInputTokens({ model: undocumented, messages, tools: [tool] });
    const two = countInputTokens({ model: undocumented, messages, tools: [tool, { ...tool, name: 'get_time' }] });
    const forced = countInputTokens({ model: undocumented, messages, tools: [tool], tool_choice: { type: 'any' } });
    expect(one - none).toBeGreaterThan(TOOL_SYSTEM_PROMPT_AUTO);
    expect(two - one).toBeLessThan(50);
    expect(one - forced).toBe(TOOL_SYSTEM_PROMPT_AUTO - TOOL_SYSTEM_PROMPT_FORCED);
  });

  it('counts every block kind of a conversation', () => {
    const tokens = countInputTokens({
      model: MODEL,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Look' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'x' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'found it' }] },
      ],
    });
    expect(tokens).toBeGreaterThan(IMAGE_TOKENS + REQUEST_OVERHEAD + 3 * MESSAGE_OVERHEAD);
  });

  it('counts thinking only in the latest assistant message', () => {
    const thinking = { type: 'thinking' as const, thinking: 'a long chain of reasoning about the question', signature: 'sig' };
    const earlier = promptUnits({
      messages: [
        { role: 'user', content: 'q1' },
        { role: 'assistant', content: [thinking, { type: 'text', text: 'a1' }] },
        { role: 'user', content: 'q2' },
        { role: 'assistant', content: [thinking, { type: 'text', text: 'a2' }] },
      ],
    });
    const thinkingUnits = earlier.filter((u) => !u.cacheable);
    expect(thinkingUnits).toHaveLength(2);
    expect(thinkingUnits[0]!.tokens).toBe(MESSAGE_OVERHEAD);
    expect(thinkingUnits[1]!.tokens).toBeGreaterThan(MESSAGE_OVERHEAD + 5);
  });

  it('lists units in the canonical order tools, system, messages', () => {
    const units = promptUnits({
      system: 'sys',
      tools: [{ name: 't', input_schema: { type: 'object' } }],
      messages: [{ role: 'user', content: 'm' }],
    });
    expect(units.map((u) => u.section)).toEqual(['tools', 'system', 'messages']);
  });
});
