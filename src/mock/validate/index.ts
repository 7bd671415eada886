/**
 * Request validation for `POST /v1/messages` and `POST /v1/messages/count_tokens`.
 * Never throws: anything unexpected becomes a 400 `invalid_request_error`. Each rule lives in its own module with
 * its sources; the order here decides which problem is reported first when a request has several.
 */
import type { MessageCountTokensParams, MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ApiFailure } from '../errors';
import { getModelFacts, type ModelFacts } from '../models';
import { checkCacheControl } from './cache-control';
import { checkMessages } from './messages';
import { checkSampling } from './sampling';
import { checkRequestSize } from './size';
import { jsonNestingDepth, MAX_JSON_DEPTH } from './json-depth';
import { checkStopSequences } from './stop-sequences';
import { checkThinkingConfig, checkThinkingPassback, checkThinkingWithToolUse } from './thinking';
import { checkToolChoice, checkTools } from './tools';
import { checkToolResultPairing } from './tool-results';
import { checkMaxTokensForModel, checkTopLevelShape } from './top-level';
import { invalid, isObject, typeMessages, type Rule, type RuleContext } from './util';

export interface ValidationContext {
  /** Size of the raw body in bytes, for the 413 check. */
  byteLength?: number;
}

export type ValidationResult<Params> =
  | { ok: true; params: Params; model: ModelFacts }
  | { ok: false; failure: ApiFailure };

/** Parses a raw body; a body that is not JSON is a 400, as on the API. */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false; failure: ApiFailure } {
  if (text.trim() === '') return { ok: false, failure: invalid([], 'Request body is empty; expected a JSON object.') };
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) {
    return { ok: false, failure: invalid([], `The request body nests JSON more than ${MAX_JSON_DEPTH} levels deep.`) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: invalid([], `The request body is not valid JSON: ${reason}`) };
  }
}

const MESSAGES_RULES: readonly Rule[] = [
  checkMessages,
  (ctx) => checkMaxTokensForModel(ctx.body, ctx.model),
  checkSampling,
  checkStopSequences,
  checkTools,
  checkToolChoice,
  checkThinkingConfig,
  checkToolResultPairing,
  checkThinkingPassback,
  checkThinkingWithToolUse,
  checkCacheControl,
];

const COUNT_TOKENS_RULES: readonly Rule[] = [
  checkMessages,
  checkTools,
  checkToolChoice,
  checkThinkingConfig,
  checkToolResultPairing,
  checkThinkingPassback,
  checkCacheControl,
];

export function validateMessagesRequest(body: unknown, ctx: ValidationContext = {}): ValidationResult<MessageCreateParamsBase> {
  return validate<MessageCreateParamsBase>(body, ctx, 'messages', MESSAGES_RULES);
}

export function validateCountTokensRequest(body: unknown, ctx: ValidationContext = {}): ValidationResult<MessageCountTokensParams> {
  return validate<MessageCountTokensParams>(body, ctx, 'count_tokens', COUNT_TOKENS_RULES);
}

function validate<Params>(
  body: unknown,
  ctx: ValidationContext,
  endpoint: RuleContext['endpoint'],
  rules: readonly Rule[],
): ValidationResult<Params> {
  try {
    const tooLarge = ctx.byteLength === undefined ? null : checkRequestSize(ctx.byteLength);
    if (tooLarge) return { ok: false, failure: tooLarge };
    if (!isObject(body)) return { ok: false, failure: invalid([], `request body: ${typeMessages.object}`) };
    const shape = checkTopLevelShape(body, endpoint);
    if (shape) return { ok: false, failure: shape };
    const model = getModelFacts(body.model as string);
    if (!model) return { ok: false, failure: { status: 404, type: 'not_found_error', message: `model: ${String(body.model)}` } };
    const ruleContext: RuleContext = { body, model, endpoint };
    for (const rule of rules) {
      const failure = rule(ruleContext);
      if (failure) return { ok: false, failure };
    }
    return { ok: true, params: body as Params, model };
  } catch (error) {
    // A rule met a shape it did not expect: still an invalid request, never a crash.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: invalid([], `The request could not be validated: ${reason}`) };
  }
}
