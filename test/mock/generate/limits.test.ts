import { describe, expect, it } from 'vitest';
import { applyOutputLimits, cutAtStopSequence, truncateToTokens } from '../../../src/mock/generate/limits';
import { estimateTextTokens } from '../../../src/mock/tokens';
import { sdkClient, testEmulator } from '../helpers';
import { ask, textOf } from './setup';

describe('output limits', () => {
  it('truncates at a word boundary within the token budget', () => {
    const text = 'alpha beta gamma delta epsilon';
    expect(truncateToTokens(text, 3)).toBe('alpha beta gamma');
    expect(truncateToTokens(text, 100)).toBe(text);
    expect(truncateToTokens(text, 0)).toBe('');
  });

  it('cuts before the earliest stop sequence', () => {
    expect(cutAtStopSequence('one two three', ['three', 'two'])).toEqual({ text: 'one ', sequence: 'two' });
    expect(cutAtStopSequence('one two', ['four'])).toBeNull();
  });

  it('stops with max_tokens and keeps output_tokens within the limit', () => {
    const reply = ask('What is prompt caching?', { max_tokens: 10 });
    expect(reply.stop_reason).toBe('max_tokens');
    expect(reply.usage.output_tokens).toBeLessThanOrEqual(10);
    expect(estimateTextTokens(textOf(reply))).toBeLessThanOrEqual(10);
    expect(textOf(reply)).toMatch(/^Prompt caching lets/);
    expect(textOf(reply)).not.toMatch(/\s$/);
  });

  it('stops at a stop sequence and reports it', () => {
    const reply = ask('Count from 1 to 10', { stop_sequences: ['5'] });
    expect(reply.stop_reason).toBe('stop_sequence');
    expect(reply.stop_sequence).toBe('5');
    expect(textOf(reply)).toBe('1, 2, 3, 4, ');
  });

  it('returns empty content for max_tokens 0', () => {
    const reply = ask('Hello', { max_tokens: 0 });
    expect(reply.content).toEqual([]);
    expect(reply.stop_reason).toBe('max_tokens');
  });

  it('drops a tool call that does not fit', () => {
    const limited = applyOutputLimits(
      [
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: 'toolu_x', name: 'get_weather', input: { location: 'Paris, the capital of France' } },
      ],
      3,
    );
    expect(limited.blocks).toEqual([{ type: 'text', text: 'Checking.' }]);
    expect(limited.stopReason).toBe('max_tokens');
  });

  it('counts thinking toward max_tokens', () => {
    const limited = applyOutputLimits(
      [
        { type: 'thinking', full: 'one two three four five six', omitted: false },
        { type: 'text', text: 'answer text here' },
      ],
      8,
    );
    expect(limited.thinkingTokens).toBe(6);
    expect(limited.blocks[1]).toEqual({ type: 'text', text: 'answer text' });
    expect(limited.outputTokens).toBe(8);
  });
});

describe('max_tokens: 1', () => {
  it('returns one token of text, not an empty content list', async () => {
    const client = sdkClient(testEmulator());
    // On a model that does not think unless asked (Opus 4.8, models.md §5 rule 1): on Sonnet 5.5 the one token
    // would go to its default adaptive thinking (test/mock/validate/thinking.test.ts covers that).
    const message = await client.messages.create({
      model: 'claude-opus-4-8', max_tokens: 1, messages: [{ role: 'user', content: 'Tell me a long story about a lighthouse keeper.' }],
    });
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBe(1);
    expect(message.content).toHaveLength(1);
    expect(message.content[0]).toMatchObject({ type: 'text' });
    expect((message.content[0] as { text: string }).text.trim().length).toBeGreaterThan(0);
  });
});
