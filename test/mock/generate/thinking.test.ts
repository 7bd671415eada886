import type { ThinkingBlock } from '@anthropic-ai/sdk/resources/messages/messages';
import { describe, expect, it } from 'vitest';
import { REDACTED_THINKING_TRIGGER } from '../../../src/mock/knowledge';
import { isValidRedactedThinking, verifyThinkingSignature } from '../../../src/mock/signature';
import { estimateTextTokens } from '../../../src/mock/tokens';
import { ask, textOf } from './setup';

const thinkingOf = (reply: ReturnType<typeof ask>) => reply.content.find((b): b is ThinkingBlock => b.type === 'thinking');

describe('thinking', () => {
  it('puts a signed thinking block with real working first (adaptive, summarized)', () => {
    const reply = ask('What is 17 * 23?', { thinking: { type: 'adaptive', display: 'summarized' } });
    expect(reply.content.map((b) => b.type)).toEqual(['thinking', 'text']);
    const block = thinkingOf(reply)!;
    expect(block.thinking).toContain('17 × 20 + 17 × 3 = 340 + 51 = 391');
    expect(verifyThinkingSignature(block)).toBe(true);
    expect(textOf(reply)).toContain('391');
  });

  it('omits the text but keeps a valid signature with display omitted', () => {
    const block = thinkingOf(ask('What is 17 * 23?', { thinking: { type: 'adaptive', display: 'omitted' } }))!;
    expect(block.thinking).toBe('');
    expect(block.signature.length).toBeGreaterThan(100);
    expect(verifyThinkingSignature(block)).toBe(true);
  });

  it('uses the model default display when none is given', () => {
    // Sonnet 4.6 summarizes by default; Sonnet 5.5 omits.
    const summarized = ask('What is 2+2?', { model: 'claude-sonnet-4-6', thinking: { type: 'enabled', budget_tokens: 1024 } });
    expect(thinkingOf(summarized)!.thinking).not.toBe('');
    expect(thinkingOf(ask('What is 2+2?', { thinking: { type: 'adaptive' } }))!.thinking).toBe('');
  });

  it('bills thinking as output tokens and reports thinking_tokens', () => {
    const reply = ask('What is 17 * 23?', { thinking: { type: 'adaptive', display: 'summarized' } });
    const thinkingTokens = estimateTextTokens(thinkingOf(reply)!.thinking);
    expect(reply.usage.output_tokens_details).toEqual({ thinking_tokens: thinkingTokens });
    expect(reply.usage.output_tokens).toBe(thinkingTokens + estimateTextTokens(textOf(reply)));
  });

  it('stays within budget_tokens (cut at a word boundary)', () => {
    // The validator enforces budget_tokens >= 1024; the generator alone must still respect small budgets.
    const reply = ask('What is 17 * 23?', { model: 'claude-sonnet-4-6', thinking: { type: 'enabled', budget_tokens: 12, display: 'summarized' } });
    expect(reply.usage.output_tokens_details!.thinking_tokens).toBeLessThanOrEqual(12);
    expect(thinkingOf(reply)!.thinking).toMatch(/^The user asks/);
    expect(textOf(reply)).toBe('17 × 23 = 391.');
  });

  it('thinks less with low effort than with high effort', () => {
    const tokens = (effort: 'low' | 'high') =>
      ask('What is 17 * 23?', { system: 'You are a careful tutor.', thinking: { type: 'adaptive' }, output_config: { effort } }).usage.output_tokens_details!.thinking_tokens;
    expect(tokens('low')).toBeLessThan(tokens('high'));
  });

  it('does not think with thinking disabled or absent (on a model without default thinking)', () => {
    // Opus 4.8 thinks only when asked (models.md §5 rule 1).
    const model = 'claude-opus-4-8';
    expect(thinkingOf(ask('What is 2+2?', { model, thinking: { type: 'disabled' } }))).toBeUndefined();
    expect(thinkingOf(ask('What is 2+2?', { model }))).toBeUndefined();
    expect(ask('What is 2+2?', { model }).usage.output_tokens_details).toBeNull();
  });

  it('thinks by default where the model defaults to adaptive thinking, and skips a greeting', () => {
    expect(thinkingOf(ask('What is 2+2?'))!.thinking).toBe('');
    expect(ask('Hello, Claude').content.map((b) => b.type)).toEqual(['text']);
    // Opus 5.5 always thinks, a greeting included.
    expect(ask('Hello, Claude', { model: 'claude-opus-5-5' }).content.map((b) => b.type)).toEqual(['thinking', 'text']);
  });

  it('returns redacted thinking for the documented trigger string', () => {
    const reply = ask(`Please think about this: ${REDACTED_THINKING_TRIGGER}`, { thinking: { type: 'adaptive' } });
    const block = reply.content[0]!;
    expect(block.type).toBe('redacted_thinking');
    expect(block.type === 'redacted_thinking' && isValidRedactedThinking(block.data)).toBe(true);
  });
});
