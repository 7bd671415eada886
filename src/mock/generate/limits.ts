/**
 * Output limits: `stop_sequences` cut the text before the first match (stop_reason
 * "stop_sequence"); `max_tokens` cuts the output at a word boundary once the token estimate would
 * exceed it (stop_reason "max_tokens"). Thinking counts toward max_tokens, as on the real API.
 */
import type { TextCitation } from '@anthropic-ai/sdk/resources/messages/messages';
import { estimateTextTokens } from '../tokens';

export type DraftBlock =
  | {
    type: 'thinking';
    /** everything the model thought (billed) */
    full: string;
    omitted: boolean;
    /** A progress update written before a tool call (models.md §5 rule 17). */
    progressUpdate?: boolean;
  }
  | { type: 'redacted_thinking'; data: string; tokens: number }
  | { type: 'text'; text: string; /** a cited claim (generate/documents.ts) */ citations?: TextCitation[] }
  | { type: 'tool_use'; id: string; name: string; input: unknown };

export interface LimitedOutput {
  blocks: DraftBlock[];
  stopReason: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use';
  stopSequence: string | null;
  outputTokens: number;
  thinkingTokens: number;
}

/** Tokens a block costs as output. */
export function outputTokensOf(block: DraftBlock): number {
  switch (block.type) {
    case 'thinking':
      return estimateTextTokens(block.full);
    case 'redacted_thinking':
      return block.tokens;
    case 'text':
      return estimateTextTokens(block.text);
    case 'tool_use':
      return 4 + estimateTextTokens(block.name) + estimateTextTokens(JSON.stringify(block.input));
  }
}

/** The longest prefix of `text`, ending at a word boundary, that costs at most `maxTokens`. */
export function truncateToTokens(text: string, maxTokens: number): string {
  if (estimateTextTokens(text) <= maxTokens) return text;
  // Whitespace is free and no token piece spans it, so the estimate adds up word by word.
  let kept = '';
  let used = 0;
  for (const match of text.matchAll(/\s*\S+/g)) {
    const cost = estimateTextTokens(match[0]);
    if (used + cost > maxTokens) break;
    kept += match[0];
    used += cost;
  }
  // The API always spends its budget: with max_tokens: 1 a reply is one token of text, not an empty block
  // (max_tokens is "the maximum number of tokens to generate before stopping", SDK:resources/messages/messages.ts:7644;
  // 0 alone means "generate nothing", 7649). So a first word too long for the budget is cut inside the word.
  if (kept === '' && maxTokens > 0) {
    const first = /\s*\S+/.exec(text)?.[0] ?? '';
    for (const char of first) {
      if (estimateTextTokens(kept + char) > maxTokens) break;
      kept += char;
    }
  }
  return kept;
}

/** Text before the earliest stop sequence, or null when none occurs. */
export function cutAtStopSequence(text: string, stopSequences: readonly string[]): { text: string; sequence: string } | null {
  let best: { index: number; sequence: string } | null = null;
  for (const sequence of stopSequences) {
    if (!sequence) continue;
    const index = text.indexOf(sequence);
    if (index >= 0 && (!best || index < best.index)) best = { index, sequence };
  }
  return best ? { text: text.slice(0, best.index), sequence: best.sequence } : null;
}

export function applyOutputLimits(draft: DraftBlock[], maxTokens: number, stopSequences: readonly string[] = []): LimitedOutput {
  const blocks: DraftBlock[] = [];
  let used = 0;
  let thinkingTokens = 0;
  let stopReason: LimitedOutput['stopReason'] = draft.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
  let stopSequence: string | null = null;

  for (const original of draft) {
    let block = original;
    let stoppedBySequence = false;
    if (block.type === 'text') {
      const cut = cutAtStopSequence(block.text, stopSequences);
      if (cut) {
        block = { type: 'text', text: cut.text };
        stopSequence = cut.sequence;
        stoppedBySequence = true;
      }
    }
    const cost = outputTokensOf(block);
    if (used + cost > maxTokens) {
      const room = maxTokens - used;
      stopReason = 'max_tokens';
      stopSequence = null;
      if (block.type === 'text' && room > 0) {
        const text = truncateToTokens(block.text, room);
        if (text) {
          blocks.push({ type: 'text', text });
          used += estimateTextTokens(text);
        }
      } else if (block.type === 'thinking' && room > 0) {
        const full = truncateToTokens(block.full, room);
        blocks.push({ ...block, full });
        used += estimateTextTokens(full);
        thinkingTokens += estimateTextTokens(full);
      }
      // An unfinished tool_use block is dropped rather than sent with half an input.
      break;
    }
    used += cost;
    if (block.type === 'thinking' || block.type === 'redacted_thinking') thinkingTokens += cost;
    if (!(block.type === 'text' && block.text === '' && stoppedBySequence)) blocks.push(block);
    if (stoppedBySequence) {
      stopReason = 'stop_sequence';
      break;
    }
  }
  // A reply cut off right after a progress update ends with that update, whose text is then exactly the documented
  // sentence (empty under `omitted`) [TH] (models.md §5 rule 17).
  const last = blocks[blocks.length - 1];
  if (stopReason === 'max_tokens' && last?.type === 'thinking' && last.progressUpdate) {
    blocks[blocks.length - 1] = { ...last, full: INTERRUPTED_PROGRESS_UPDATE };
  }
  return { blocks, stopReason, stopSequence, outputTokens: used, thinkingTokens };
}

export const INTERRUPTED_PROGRESS_UPDATE = 'This part of the response was interrupted before it finished.';
