/**
 * Pairing of `tool_use` (assistant) and `tool_result` (the next user turn).
 *
 * Sources: "tool_result blocks must immediately follow their corresponding tool use blocks"; in that user
 * message "the tool_result blocks must come FIRST in the content array. Any text must come AFTER" (REF §4,
 * docs: …/tool-use/handle-tool-calls). The two error texts below follow third-party logs of the API
 * (REF §9: unverified wording). Turns are merged first (turns.ts), as the API does.
 */
import type { ApiFailure } from '../errors';
import { mergeTurns, type Turn } from './turns';
import { invalid, type RuleContext } from './util';

export function checkToolResultPairing(ctx: RuleContext): ApiFailure | null {
  const turns = mergeTurns(ctx.body.messages as unknown[]);
  return checkResultsHaveUses(turns) ?? checkUsesHaveResults(turns);
}

/** Every tool_result answers a tool_use of the previous assistant turn, and comes before any other block. */
function checkResultsHaveUses(turns: Turn[]): ApiFailure | null {
  for (const [turnIndex, turn] of turns.entries()) {
    const previous = turns[turnIndex - 1];
    if (turn.role === 'user') {
      const expected = new Set(
        previous?.role === 'assistant'
          ? previous.blocks.filter(({ block }) => block.type === 'tool_use').map(({ block }) => String(block.id))
          : [],
      );
      let seenOtherBlock = false;
      for (const { block, messageIndex, blockIndex } of turn.blocks) {
        if (block.type !== 'tool_result') {
          seenOtherBlock = true;
          continue;
        }
        const id = String(block.tool_use_id);
        if (!expected.has(id)) {
          return invalid(['messages', messageIndex, 'content', blockIndex],
            `unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${id}. Each \`tool_result\` block must have a ` +
            'corresponding `tool_use` block in the previous message.');
        }
        if (seenOtherBlock) {
          return invalid(['messages', messageIndex, 'content', blockIndex],
            '`tool_result` blocks must come first in the user message content; any text must come after them.');
        }
      }
    }
  }
  return null;
}

/** Every tool_use of an assistant turn is answered in the next user turn. */
function checkUsesHaveResults(turns: Turn[]): ApiFailure | null {
  for (const [turnIndex, turn] of turns.entries()) {
    if (turn.role === 'assistant') {
      const next = turns[turnIndex + 1];
      if (!next) continue; // a trailing assistant turn is prefill; messages.ts rules apply
      const ids = turn.blocks.filter(({ block }) => block.type === 'tool_use').map(({ block }) => String(block.id));
      const answered = new Set(
        next.role === 'user'
          ? next.blocks.filter(({ block }) => block.type === 'tool_result').map(({ block }) => String(block.tool_use_id))
          : [],
      );
      const missing = ids.filter((id) => !answered.has(id));
      if (missing.length > 0) {
        return invalid(['messages', next.messageIndexes[0]],
          `\`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. ` +
          'Each `tool_use` block must have a corresponding `tool_result` block in the next message.');
      }
    }
  }
  return null;
}
