/**
 * `thinking`: shape, budget, per-model support, display, passback of signed blocks, and the
 * thinking-block requirement when continuing a tool-use turn.
 *
 * Sources:
 *  - variants `enabled{budget_tokens, display?}`, `adaptive{display?}`, `disabled`, `between_tools`:
 *    SDK messages.ts:5863-5926 (REF §4).
 *  - budget "Must be ≥1024 and less than `max_tokens`": SDK messages.ts:5890, 5915.
 *  - per-model support and messages: REF §4 (docs: …/api/errors): `"thinking.type.enabled" is not supported for this
 *    model. Use "thinking.type.adaptive" and "output_config.effort"…`, "adaptive thinking is not supported on this
 *    model", `"thinking.type.disabled" is not supported for this model…`. `between_tools` follows adaptive (inferred).
 *  - `display` is `summarized|omitted`, invalid with `type:"disabled"`: SDK messages.ts:5873, 5907; REF §4.
 *  - passback: "`thinking` or `redacted_thinking` blocks in the latest assistant message cannot be modified…":
 *    REF §4 (docs: …/api/errors); signatures checked with signature.ts.
 *  - with `type:"enabled"` and tool use, the assistant turn being continued must start with its thinking block
 *    (REF §4 "passback required? only with tool use", docs: …/extended-thinking). With adaptive thinking the model
 *    may legitimately skip thinking, so the emulator only enforces this for `enabled`.
 */
import type { ApiFailure } from '../errors';
import { isValidRedactedThinking, verifyThinkingSignature } from '../signature';
import { mergeTurns } from './turns';
import { checkUnionTag, expectLiteral, invalid, isInteger, isObject, rejectExtraKeys, typeMessages, type RuleContext } from './util';

export function checkThinkingConfig(ctx: RuleContext): ApiFailure | null {
  const thinking = ctx.body.thinking;
  if (thinking === undefined || thinking === null) return null;
  if (!isObject(thinking)) return invalid(['thinking'], typeMessages.object);
  const kind = checkUnionTag(['thinking'], thinking.type, ['enabled', 'disabled', 'adaptive', 'between_tools']);
  if (kind) return kind;
  const type = thinking.type as 'enabled' | 'disabled' | 'adaptive' | 'between_tools';
  const path = ['thinking', type];
  const allowedKeys = type === 'enabled' ? ['type', 'budget_tokens', 'display']
    : type === 'adaptive' ? ['type', 'display'] : ['type'];
  const extra = rejectExtraKeys(path, thinking, allowedKeys);
  if (extra) return extra;
  if (thinking.display !== undefined && thinking.display !== null) {
    const display = expectLiteral([...path, 'display'], thinking.display, ['summarized', 'omitted']);
    if (display) return display;
  }
  if (type === 'enabled') {
    if (!('budget_tokens' in thinking)) return invalid([...path, 'budget_tokens'], 'Field required');
    if (!isInteger(thinking.budget_tokens)) return invalid([...path, 'budget_tokens'], typeMessages.integer);
    if (thinking.budget_tokens < 1024) return invalid([...path, 'budget_tokens'], 'Input should be greater than or equal to 1024');
  }
  const support = ctx.model.thinking;
  if (type === 'enabled' && support.enabled === 'rejected') {
    return invalid([],
      '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" ' +
      'to control thinking behavior.');
  }
  if ((type === 'adaptive' || type === 'between_tools') && support.adaptive === 'rejected') {
    return invalid([], `${type === 'adaptive' ? 'adaptive' : 'between_tools'} thinking is not supported on this model`);
  }
  if (type === 'disabled' && support.disabled === 'rejected') {
    return invalid([], '"thinking.type.disabled" is not supported for this model. Thinking is always on for this model.');
  }
  if (type === 'enabled' && ctx.endpoint === 'messages') {
    const maxTokens = ctx.body.max_tokens as number;
    if ((thinking.budget_tokens as number) >= maxTokens) {
      return invalid([], '`max_tokens` must be greater than `thinking.budget_tokens`.');
    }
  }
  return null;
}

/** Thinking blocks sent back must be exactly as the API produced them. */
export function checkThinkingPassback(ctx: RuleContext): ApiFailure | null {
  const turns = mergeTurns(ctx.body.messages as unknown[]);
  const assistantTurns = turns.filter((turn) => turn.role === 'assistant');
  const latest = assistantTurns[assistantTurns.length - 1];
  for (const turn of assistantTurns) {
    for (const { block, messageIndex, blockIndex } of turn.blocks) {
      const intact =
        block.type === 'thinking'
          ? verifyThinkingSignature({ thinking: String(block.thinking), signature: String(block.signature) })
          : block.type === 'redacted_thinking'
            ? isValidRedactedThinking(String(block.data))
            : true;
      if (intact) continue;
      const path = ['messages', messageIndex, 'content', blockIndex];
      return turn === latest
        ? invalid(path,
          '`thinking` or `redacted_thinking` blocks in the latest assistant message cannot be modified. These blocks ' +
          'must remain as they were in the original response.')
        : invalid(path, `Invalid \`signature\` in \`${String(block.type)}\` block`);
    }
  }
  return null;
}

/** With `thinking.type:"enabled"`, continuing a tool-use turn requires that turn's thinking block first. */
export function checkThinkingWithToolUse(ctx: RuleContext): ApiFailure | null {
  const thinking = ctx.body.thinking;
  if (!isObject(thinking) || thinking.type !== 'enabled') return null;
  const turns = mergeTurns(ctx.body.messages as unknown[]);
  const last = turns[turns.length - 1];
  const previous = turns[turns.length - 2];
  if (!last || !previous || last.role !== 'user' || previous.role !== 'assistant') return null;
  if (!last.blocks.some(({ block }) => block.type === 'tool_result')) return null;
  if (!previous.blocks.some(({ block }) => block.type === 'tool_use')) return null;
  const first = previous.blocks[0];
  if (first.block.type === 'thinking' || first.block.type === 'redacted_thinking') return null;
  return invalid(['messages', first.messageIndex, 'content', first.blockIndex, 'type'],
    `Expected \`thinking\` or \`redacted_thinking\`, but found \`${String(first.block.type)}\`. When \`thinking\` is ` +
    'enabled, a final `assistant` message must start with a thinking block (preceding the latest set of `tool_use` ' +
    'and `tool_result` blocks). Pass back the thinking blocks from the previous response unchanged, or disable `thinking`.');
}
