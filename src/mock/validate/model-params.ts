/**
 * Top-level parameters whose acceptance depends on the model: `output_config.effort`, `inference_geo` and `speed`.
 *
 * Sources (MD = /work/shared/reference/models.md):
 *  - effort levels and defaults per model: MD §2 and §5 rule 7 [EF], from the model table.
 *  - an effort level the model lacks, or effort on a model without effort: the response is unverified (MD §2). The
 *    emulator follows the one wording seen (third-party log, MD §2): "This model does not support effort level 'max'.
 *    Supported levels: high, low, medium." (levels sorted); a model without effort lists none.
 *  - E-effort-off (MD §5 rules 4-5 [ER; TT]): thinking off (`disabled`, `between_tools`) with effort `xhigh`/`max`
 *    on the models where that is a 400 (Haiku 5.5, Sonnet 5.5, and Opus 5, whose text is unverified and follows the
 *    quoted one). The level named is the effective one, so the model's default counts too.
 *  - `inference_geo` on models before Claude 4.6 → 400 [PR] (MD §5 rule 20); text unverified, so the emulator uses the
 *    schema library's pattern at the field.
 *  - `speed: "fast"` on Opus 4.7 → "error" [PR] (MD §5 rule 21); text unverified, same pattern.
 */
import type { ApiFailure } from '../errors';
import { effectiveEffort, type Effort } from '../models';
import { invalid, isObject, type RuleContext } from './util';

export function checkEffort(ctx: RuleContext): ApiFailure | null {
  const config = ctx.body.output_config;
  const requested = isObject(config) && typeof config.effort === 'string' ? (config.effort as Effort) : null;
  const { model } = ctx;
  if (requested !== null) {
    const levels = model.effort?.levels ?? [];
    if (!levels.includes(requested)) {
      const supported = [...levels].sort().join(', ');
      return invalid([], `This model does not support effort level '${requested}'. Supported levels: ${supported || 'none'}.`);
    }
  }
  const thinking = ctx.body.thinking;
  const thinkingOff = isObject(thinking) && (thinking.type === 'disabled' || thinking.type === 'between_tools');
  if (thinkingOff && model.thinking.offCapsEffortAtHigh) {
    const effort = effectiveEffort(model, requested);
    if (effort === 'xhigh' || effort === 'max') {
      return invalid([],
        `output_config.effort '${effort}' is not supported when thinking is disabled on this model. Use effort 'high' ` +
        'or below, or enable thinking.');
    }
  }
  return null;
}

export function checkInferenceGeo(ctx: RuleContext): ApiFailure | null {
  const geo = ctx.body.inference_geo;
  if (geo === undefined || geo === null || ctx.model.supportsInferenceGeo) return null;
  return invalid(['inference_geo'], `inference_geo is not supported for ${ctx.model.id}`);
}

export function checkSpeed(ctx: RuleContext): ApiFailure | null {
  if (ctx.body.speed !== 'fast' || ctx.model.fastMode !== 'rejected') return null;
  return invalid(['speed'], `fast mode is not supported for ${ctx.model.id}`);
}
