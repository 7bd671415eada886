/**
 * `thinking`: shape, budget, per-model support of each type, display, block binding of replayed blocks, and the
 * thinking-block requirement when continuing a tool-use turn with `enabled`.
 *
 * Sources:
 *  - variants `enabled{budget_tokens, display?}`, `adaptive{display?}`, `disabled`, `between_tools`:
 *    SDK:resources/messages/messages.ts:5863-5926; `block_binding` and `display: "updates"` exist only in the beta
 *    types (SDK:resources/beta/messages/messages.ts:7313-7400).
 *  - budget "Must be ≥1024 and less than `max_tokens`": SDK messages.ts:5890.
 *  - per-model support and the quoted 400s (E-enabled, E-adaptive, E-disabled, E-disabled-preview, E-disabled-s55,
 *    E-bt): MD §5 rules 2-5 [TH; ER; TT], read from the model table (models.ts).
 *  - `between_tools` with `display`, `budget_tokens` or `block_binding` → 400, text unverified (MD §5 rule 5): the
 *    emulator answers with the schema library's "Extra inputs are not permitted" at that field, the documented
 *    pattern of the `block_binding` case below.
 *  - `block_binding` without the `thinking-binding-controls-2026-08-01` beta → 400 ending
 *    "block_binding: Extra inputs are not permitted" [ER] (MD §5 rule 15).
 *  - `display: "updates"` without the `thinking-display-updates-2026-08-18` beta gets "the same 400
 *    `invalid_request_error` as an unknown `display` value" [TH] (MD §5 rule 8); `display` with `disabled` is invalid.
 *  - replayed blocks: thinking-binding.ts (MD §5 rules 13-15).
 */
import type { ApiFailure } from '../errors';
import { readsThinkingOf } from '../models';
import { isValidRedactedThinking, readThinkingSignature } from '../signature';
import { ConversationChain } from '../thinking-binding';
import { mergeTurns } from './turns';
import {
  checkUnionTag,
  contentBlocks,
  expectLiteral,
  invalid,
  isInteger,
  isObject,
  rejectExtraKeys,
  typeMessages,
  type InputTransformation,
  type RuleContext,
} from './util';

/** Beta that enables `thinking.block_binding` and `input_transformations` [PT; ER]. */
export const BINDING_BETA = 'thinking-binding-controls-2026-08-01';
/** Beta that enables `thinking.display: "updates"` [TH]. */
export const DISPLAY_UPDATES_BETA = 'thinking-display-updates-2026-08-18';

const USE_ADAPTIVE = 'Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.';
/** The quoted 400s of MD §5 [ER; TT]. */
export const THINKING_MESSAGES = {
  'E-enabled': `"thinking.type.enabled" is not supported for this model. ${USE_ADAPTIVE}`,
  'E-adaptive': 'adaptive thinking is not supported on this model',
  'E-disabled': `"thinking.type.disabled" is not supported for this model. ${USE_ADAPTIVE}`,
  'E-disabled-preview':
    '"thinking.type.disabled" is not supported for this model. Thinking defaults to adaptive mode when not specified; ' +
    'use "thinking.type.enabled" with "budget_tokens" for extended thinking.',
  'E-disabled-s55':
    'To turn thinking off on this model, send "thinking": {"type": "between_tools"} instead of {"type": "disabled"}. ' +
    'The model does not think before responding. The short updates it writes between tool calls come back as thinking blocks.',
  'E-bt': '"thinking.type.between_tools" is not supported for this model.',
} as const;

export function checkThinkingConfig(ctx: RuleContext): ApiFailure | null {
  const thinking = ctx.body.thinking;
  if (thinking === undefined || thinking === null) return null;
  if (!isObject(thinking)) return invalid(['thinking'], typeMessages.object);
  const kind = checkUnionTag(['thinking'], thinking.type, ['enabled', 'disabled', 'adaptive', 'between_tools']);
  if (kind) return kind;
  const type = thinking.type as 'enabled' | 'disabled' | 'adaptive' | 'between_tools';
  const path = ['thinking', type];
  const binding = ctx.betas.includes(BINDING_BETA) ? ['block_binding'] : [];
  const allowedKeys = type === 'enabled' ? ['type', 'budget_tokens', 'display', ...binding]
    : type === 'adaptive' ? ['type', 'display', ...binding] : ['type'];
  const extra = rejectExtraKeys(path, thinking, allowedKeys);
  if (extra) return extra;
  if (thinking.display !== undefined && thinking.display !== null) {
    const displays = ctx.betas.includes(DISPLAY_UPDATES_BETA) ? ['summarized', 'omitted', 'updates'] : ['summarized', 'omitted'];
    const display = expectLiteral([...path, 'display'], thinking.display, displays);
    if (display) return display;
  }
  if (thinking.block_binding !== undefined && thinking.block_binding !== null) {
    const failure = checkBlockBinding(thinking.block_binding, [...path, 'block_binding']);
    if (failure) return failure;
  }
  if (type === 'enabled') {
    if (!('budget_tokens' in thinking)) return invalid([...path, 'budget_tokens'], 'Field required');
    if (!isInteger(thinking.budget_tokens)) return invalid([...path, 'budget_tokens'], typeMessages.integer);
    if (thinking.budget_tokens < 1024) return invalid([...path, 'budget_tokens'], 'Input should be greater than or equal to 1024');
  }
  const support = ctx.model.thinking;
  if (type === 'enabled' && support.enabled === 'rejected') return invalid([], THINKING_MESSAGES['E-enabled']);
  if (type === 'adaptive' && support.adaptive === 'rejected') return invalid([], THINKING_MESSAGES['E-adaptive']);
  if (type === 'disabled' && support.disabled !== 'ok') return invalid([], THINKING_MESSAGES[support.disabled]);
  if (type === 'between_tools' && !support.betweenTools) return invalid([], THINKING_MESSAGES['E-bt']);
  if (type === 'enabled' && ctx.endpoint === 'messages') {
    const maxTokens = ctx.body.max_tokens as number;
    if ((thinking.budget_tokens as number) >= maxTokens) {
      return invalid([], '`max_tokens` must be greater than `thinking.budget_tokens`.');
    }
  }
  return null;
}

function checkBlockBinding(value: unknown, path: Array<string | number>): ApiFailure | null {
  if (!isObject(value)) return invalid(path, typeMessages.object);
  const extra = rejectExtraKeys(path, value, ['prefix_mismatch_behavior']);
  if (extra) return extra;
  const behavior = value.prefix_mismatch_behavior;
  if (behavior === undefined || behavior === null) return null;
  return expectLiteral([...path, 'prefix_mismatch_behavior'], behavior, ['error', 'drop_block']);
}

/**
 * What a failed prefix check does (MD §5 rule 15 [PT]). The emulator's accounts count as created after 2026-08-31,
 * so an unset `prefix_mismatch_behavior` means `"error"`; in Message Batches an unset field drops instead.
 */
function prefixMismatchBehavior(ctx: RuleContext): 'error' | 'drop_block' {
  const thinking = ctx.body.thinking;
  const binding = isObject(thinking) && isObject(thinking.block_binding) ? thinking.block_binding : null;
  const chosen = binding?.prefix_mismatch_behavior;
  if (chosen === 'error' || chosen === 'drop_block') return chosen;
  return ctx.batch ? 'drop_block' : 'error';
}

/**
 * The last sentence of E-prefix names what changed; the docs say its wording "can change" [TT; PT], so these are
 * the emulator's own words.
 */
const WHAT_CHANGED = {
  system: 'The `system` prompt differs from the one the block was created with.',
  tools: 'The `tools` differ from the ones the block was created with.',
  messages: 'The messages before the block differ from the ones it was created after: an earlier message was edited, ' +
    'or a thinking block was left out, added or moved.',
} as const;

function prefixMismatch(ctx: RuleContext, path: string, change: keyof typeof WHAT_CHANGED): ApiFailure {
  const betaHint = ctx.betas.includes(BINDING_BETA) ? ''
    : ` That setting requires the \`${BINDING_BETA}\` value in the \`anthropic-beta\` header.`;
  return {
    status: 400,
    type: 'invalid_request_error',
    message: `${path}: Invalid \`signature\` in \`thinking\` block. The block is bound to a different conversation. Remove ` +
      `the block, or set \`thinking.block_binding.prefix_mismatch_behavior\` to "drop_block".${betaHint} ${WHAT_CHANGED[change]}`,
  };
}

const MODIFIED =
  '`thinking` or `redacted_thinking` blocks in the latest assistant message cannot be modified. These blocks must ' +
  'remain as they were in the original response.';

/**
 * Replayed thinking blocks, in request order (MD §5 rules 13-15). Removals go to `ctx.inputTransformations`;
 * a block that fails a check takes the rest of its turn's consecutive thinking blocks with it ([PT];
 * SDK:resources/beta/messages/messages.ts:7449-7466).
 */
export function checkThinkingPassback(ctx: RuleContext): ApiFailure | null {
  const messages = ctx.body.messages as unknown[];
  const turns = mergeTurns(messages);
  const latestAssistant = [...turns].reverse().find((turn) => turn.role === 'assistant');
  const latestIndexes = new Set(latestAssistant?.messageIndexes ?? []);
  const chain = new ConversationChain(ctx.body.system, ctx.body.tools);
  let droppingRun: InputTransformation['reason'] | null = null;
  const drop = (path: string, reason: InputTransformation['reason']) => {
    ctx.inputTransformations.push({ type: 'thinking_dropped', path, reason });
    droppingRun = reason;
  };

  for (const [messageIndex, message] of messages.entries()) {
    if (!isObject(message)) continue;
    if (message.role === 'system') {
      chain.addSystemMessage(message.content);
      continue;
    }
    if (message.role !== 'user' && message.role !== 'assistant') continue;
    chain.beginMessage(message.role);
    if (message.role === 'user') droppingRun = null;
    for (const [blockIndex, block] of contentBlocks(message.content).entries()) {
      const pathText = `messages.${messageIndex}.content.${blockIndex}`;
      const isThinking = block.type === 'thinking' || block.type === 'redacted_thinking';
      if (!isThinking || message.role !== 'assistant') {
        droppingRun = null;
        chain.addBlock(block);
        continue;
      }
      if (block.type === 'redacted_thinking') {
        if (!isValidRedactedThinking(String(block.data))) {
          return latestIndexes.has(messageIndex)
            ? invalid(['messages', messageIndex, 'content', blockIndex], MODIFIED)
            : invalid(['messages', messageIndex, 'content', blockIndex], 'Invalid `signature` in `redacted_thinking` block');
        }
        if (droppingRun) drop(pathText, droppingRun);
        chain.addBlock(block);
        continue;
      }
      const binding = readThinkingSignature(block);
      if (!binding) {
        // An empty or tampered signature has no conversation sentence [PT; TT]; an edited block in the latest
        // assistant message is E-modified [ER].
        const emptySignature = typeof block.signature !== 'string' || block.signature === '';
        return latestIndexes.has(messageIndex) && !emptySignature
          ? invalid(['messages', messageIndex, 'content', blockIndex], MODIFIED)
          : invalid(['messages', messageIndex, 'content', blockIndex], 'Invalid `signature` in `thinking` block');
      }
      if (droppingRun) {
        drop(pathText, droppingRun);
      } else if (!readsThinkingOf(ctx.model, binding.model)) {
        drop(pathText, 'model_binding_mismatch');
      } else if (ctx.model.thinking.prefixCheck) {
        const change = chain.compare(binding);
        if (change !== 'same') {
          if (prefixMismatchBehavior(ctx) === 'error') return prefixMismatch(ctx, pathText, change);
          drop(pathText, 'prefix_binding_mismatch');
        }
      }
      chain.addBlock(block);
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
