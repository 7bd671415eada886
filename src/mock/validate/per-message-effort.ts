/**
 * Per-message effort (models.md §5 rule 6 [EF; ER]): a mid-conversation `role: "system"` message may carry
 * `output_config.effort` with the beta header `mid-conversation-output-config-2026-07-01`, on the models that support
 * per-message effort (Fable 5.1, Mythos 5.1, Opus 5.5, Opus 5, Sonnet 5.5, Haiku 5.5 [EF]).
 *  - without the header the field is an extra input (`messages.N.output_config: Extra inputs are not permitted`,
 *    messages.ts);
 *  - with it, on another model: E-per-turn `output_config.effort requires a model that supports per-turn effort; this
 *    model does not`;
 *  - a level the model lacks: as for the top-level effort (model-params.ts);
 *  - with thinking off where effort is capped (Sonnet 5.5 `between_tools`, Haiku 5.5 `disabled`; Opus 5 `disabled`
 *    by the same rule, unverified), a level different from the one in effect: E-effort-change, naming the index of
 *    the message that set it.
 */
import type { ApiFailure } from '../errors';
import { effectiveEffort, type Effort } from '../models';
import { expectLiteral, invalid, isObject, rejectExtraKeys, typeMessages, type RuleContext } from './util';

export const PER_MESSAGE_EFFORT_BETA = 'mid-conversation-output-config-2026-07-01';

export function checkPerMessageEffort(ctx: RuleContext): ApiFailure | null {
  const { model, body } = ctx;
  const topLevel = isObject(body.output_config) && typeof body.output_config.effort === 'string'
    ? (body.output_config.effort as Effort) : null;
  const thinking = body.thinking;
  const thinkingOff = isObject(thinking) && (thinking.type === 'disabled' || thinking.type === 'between_tools');
  let inEffect = effectiveEffort(model, topLevel);
  for (const [index, message] of (body.messages as unknown[]).entries()) {
    if (!isObject(message) || message.role !== 'system' || !('output_config' in message)) continue;
    const path = ['messages', index, 'output_config'];
    if (!model.perMessageEffort) {
      return invalid([], 'output_config.effort requires a model that supports per-turn effort; this model does not');
    }
    const config = message.output_config;
    if (!isObject(config)) return invalid(path, typeMessages.object);
    const extra = rejectExtraKeys(path, config, ['effort']);
    if (extra) return extra;
    const level = expectLiteral([...path, 'effort'], config.effort, ['low', 'medium', 'high', 'xhigh', 'max']);
    if (level) return level;
    const effort = config.effort as Effort;
    const levels = model.effort?.levels ?? [];
    if (!levels.includes(effort)) {
      return invalid([], `This model does not support effort level '${effort}'. Supported levels: ${[...levels].sort().join(', ') || 'none'}.`);
    }
    if (thinkingOff && model.thinking.offCapsEffortAtHigh && effort !== inEffect) {
      return invalid(['messages', index],
        `output_config.effort '${effort}' differs from the '${inEffect}' in effect before it; effort cannot change when ` +
        `thinking is disabled on this model. Use effort '${inEffect}', or enable thinking.`);
    }
    inEffect = effort;
  }
  return null;
}
