/**
 * `temperature`, `top_p`, `top_k`: deprecated, absent from SDK 1.12, still in the API reference (REF §1, §4).
 *
 * Sources (REF §4, docs: …/api/messages, …/adaptive-thinking, …/extended-thinking):
 *  - ranges: temperature 0–1 (default 1), top_p 0–1, top_k ≥ 0.
 *  - per model (`sampling` in models.ts; MD §3 and §5 rule 12): the "Claude 4.7 and later" group answers any
 *    non-default value with a 400 [TH]; Haiku 5.5 accepts only `temperature: 1` or `top_p: 0.99`, not both [H55M];
 *    Haiku 4.5 rejects `temperature` with `top_p` [MG; H55M]; older models limit them only while thinking is on.
 *  - with thinking on: temperature must be 1, top_p 0.95–1, top_k not allowed.
 */
import type { ApiFailure } from '../errors';
import { thinkingIsActive } from './turns';
import { invalid, isFiniteNumber, isInteger, typeMessages, type RuleContext } from './util';

/** The 400 text is unverified (MD §5 rule 12, §7); the emulator names the field and the model. */
function notSupported(field: 'temperature' | 'top_p' | 'top_k', modelId: string): ApiFailure {
  const value = field === 'temperature' ? 'only the default value 1 is accepted'
    : field === 'top_p' ? 'only the default value is accepted' : 'it cannot be set';
  return invalid([field], `setting ${field} is not supported for ${modelId}; ${value}`);
}

/** "Cannot specify both `temperature` and `top_p`" is the wording of the Claude 4 breaking change [MC4] (MD §3). */
function bothTemperatureAndTopP(): ApiFailure {
  return invalid([], '`temperature` and `top_p` cannot both be specified for this model. Please use only one.');
}

export function checkSampling(ctx: RuleContext): ApiFailure | null {
  const { body, model } = ctx;
  const temperature = body.temperature;
  const topP = body.top_p;
  const topK = body.top_k;
  const has = (value: unknown) => value !== undefined && value !== null;

  if (has(temperature)) {
    if (!isFiniteNumber(temperature)) return invalid(['temperature'], typeMessages.number);
    if (temperature < 0) return invalid(['temperature'], 'Input should be greater than or equal to 0');
    if (temperature > 1) return invalid(['temperature'], 'Input should be less than or equal to 1');
  }
  if (has(topP)) {
    if (!isFiniteNumber(topP)) return invalid(['top_p'], typeMessages.number);
    if (topP < 0) return invalid(['top_p'], 'Input should be greater than or equal to 0');
    if (topP > 1) return invalid(['top_p'], 'Input should be less than or equal to 1');
  }
  if (has(topK)) {
    if (!isInteger(topK)) return invalid(['top_k'], typeMessages.integer);
    if (topK < 0) return invalid(['top_k'], 'Input should be greater than or equal to 0');
  }

  if (model.sampling === 'haiku-5-5') {
    // Only `temperature: 1` or `top_p: 0.99`, one at a time, and no `top_k` [H55M] (MD §3, §5 rule 12).
    if (has(temperature) && temperature !== 1) return notSupported('temperature', model.id);
    if (has(topP) && topP !== 0.99) return notSupported('top_p', model.id);
    if (has(topK)) return notSupported('top_k', model.id);
    if (has(temperature) && has(topP)) return bothTemperatureAndTopP();
  }
  if (model.sampling === 'defaults-only') {
    // "Any non-default value → 400 on every request" [TH] (MD §5 rule 12); `top_p` ≥ 0.99 counts as the default.
    if (has(temperature) && temperature !== 1) return notSupported('temperature', model.id);
    if (has(topP) && (topP as number) < 0.99) return notSupported('top_p', model.id);
    if (has(topK)) return notSupported('top_k', model.id);
  }
  if (model.sampling === 'limits-with-thinking-exclusive' && has(temperature) && has(topP)) return bothTemperatureAndTopP();

  if (thinkingIsActive(body, model)) {
    if (has(temperature) && temperature !== 1) {
      // The API's words, captured in third-party code and logs (e.g. "`temperature` may only be set to 1 when thinking
      // is enabled or in adaptive mode"); no field-path prefix.
      return invalid([], '`temperature` may only be set to 1 when thinking is enabled or in adaptive mode.');
    }
    if (has(topP) && (topP as number) < 0.95) {
      return invalid(['top_p'], 'top_p must be between 0.95 and 1 when thinking is enabled');
    }
    if (has(topK)) return invalid(['top_k'], 'top_k is not compatible with thinking');
  }
  return null;
}
