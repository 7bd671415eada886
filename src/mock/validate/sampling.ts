/**
 * `temperature`, `top_p`, `top_k`: deprecated, absent from SDK 1.12, still in the API reference (REF §1, §4).
 *
 * Sources (REF §4, docs: …/api/messages, …/adaptive-thinking, …/extended-thinking):
 *  - ranges: temperature 0–1 (default 1), top_p 0–1, top_k ≥ 0.
 *  - newer models (`rejectsSamplingParams`): temperature only 1.0; top_p only ≥ 0.99; top_k rejected — 400.
 *  - with thinking on: temperature must be 1, top_p 0.95–1, top_k not allowed.
 */
import type { ApiFailure } from '../errors';
import { thinkingIsActive } from './turns';
import { invalid, isFiniteNumber, isInteger, typeMessages, type RuleContext } from './util';

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

  if (model.rejectsSamplingParams) {
    if (has(temperature) && temperature !== 1) {
      return invalid(['temperature'], `setting temperature is not supported for ${model.id}; only the default value 1.0 is accepted`);
    }
    if (has(topP) && (topP as number) < 0.99) {
      return invalid(['top_p'], `top_p below 0.99 is not supported for ${model.id}`);
    }
    if (has(topK)) return invalid(['top_k'], `top_k is not supported for ${model.id}`);
  }

  if (thinkingIsActive(body, model.thinkingOnByDefault)) {
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
