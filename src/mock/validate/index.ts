/**
 * Request validation for `POST /v1/messages` and `POST /v1/messages/count_tokens`.
 * Never throws: anything unexpected becomes a 400 `invalid_request_error`. Each rule lives in its own module with
 * its sources; the order here decides which problem is reported first when a request has several.
 */
import type { MessageCountTokensParams, MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import { apiError, type ApiFailure } from '../errors';
import { getModelFacts, type ModelFacts } from '../models';
import { checkCacheControl } from './cache-control';
import { checkDocumentCitations } from './documents';
import { checkMessages } from './messages';
import { checkStructuredOutputSchemas } from './output-schema';
import { checkSampling } from './sampling';
import { jsonNestingDepth, MAX_JSON_DEPTH } from './json-depth';
import { checkStopSequences } from './stop-sequences';
import { checkThinkingConfig, checkThinkingPassback, checkThinkingWithToolUse } from './thinking';
import { checkToolChoice, checkTools } from './tools';
import { checkToolResultPairing } from './tool-results';
import { checkMaxTokensForModel, checkTopLevelShape } from './top-level';
import { checkImageDimensions } from './image-dimensions';
import { checkEffort, checkInferenceGeo, checkSpeed } from './model-params';
import { checkPerMessageEffort } from './per-message-effort';
import { invalid, isObject, typeMessages, type InputTransformation, type JsonObject, type Rule, type RuleContext } from './util';

export interface ValidationContext {
  /** The request's `anthropic-beta` flags (headers.ts `readBetaFlags`). */
  betas?: readonly string[];
  /** The request is one entry of a Message Batch. */
  batch?: boolean;
}

export type ValidationResult<Params> =
  | {
    ok: true;
    /** The request as the model sees it: blocks listed in `inputTransformations` are removed. */
    params: Params;
    model: ModelFacts;
    /** Blocks removed before generation (SDK:resources/beta/messages/messages.ts:6180-6191). */
    inputTransformations: InputTransformation[];
  }
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
  checkImageDimensions,
  (ctx) => checkMaxTokensForModel(ctx.body, ctx.model),
  checkSampling,
  checkStopSequences,
  checkTools,
  checkToolChoice,
  checkStructuredOutputSchemas,
  checkDocumentCitations,
  checkThinkingConfig,
  checkEffort,
  checkPerMessageEffort,
  checkInferenceGeo,
  checkSpeed,
  checkToolResultPairing,
  checkThinkingPassback,
  checkThinkingWithToolUse,
  checkCacheControl,
];

const COUNT_TOKENS_RULES: readonly Rule[] = [
  checkMessages,
  checkImageDimensions,
  checkTools,
  checkToolChoice,
  checkThinkingConfig,
  checkEffort,
  checkPerMessageEffort,
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
    if (!isObject(body)) return { ok: false, failure: invalid([], `request body: ${typeMessages.object}`) };
    const shape = checkTopLevelShape(body, endpoint);
    if (shape) return { ok: false, failure: shape };
    const model = getModelFacts(body.model as string);
    // An unknown id and a retired model ("inference requests naming it fail", SDK:resources/models.ts) are both
    // 404 not_found_error; the text `model: <id>` is unverified (messages-api.md §errors, third-party logs only).
    if (!model || model.lifecycle === 'retired') return { ok: false, failure: apiError(404, 'not_found_error', `model: ${String(body.model)}`) };
    const ruleContext: RuleContext = {
      body, model, endpoint, betas: ctx.betas ?? [], batch: ctx.batch ?? false, inputTransformations: [],
    };
    for (const rule of rules) {
      const failure = rule(ruleContext);
      if (failure) return { ok: false, failure };
    }
    const { inputTransformations } = ruleContext;
    const params = inputTransformations.length > 0 ? withoutBlocks(body, inputTransformations.map((t) => t.path)) : body;
    return { ok: true, params: params as Params, model, inputTransformations };
  } catch {
    // A rule met a shape it did not expect: still an invalid request, never a crash (and no JavaScript message).
    return { ok: false, failure: invalid([], 'The request body does not match the Messages API request schema.') };
  }
}

/** A copy of the body without the blocks at `messages.{i}.content.{j}` paths (removed blocks are not billed [PT]). */
function withoutBlocks(body: JsonObject, paths: readonly string[]): JsonObject {
  const removed = new Set(paths);
  const messages = (body.messages as unknown[]).map((message, messageIndex) => {
    if (!isObject(message) || !Array.isArray(message.content)) return message;
    const content = message.content.filter((_, blockIndex) => !removed.has(`messages.${messageIndex}.content.${blockIndex}`));
    return content.length === message.content.length ? message : { ...message, content };
  });
  return { ...body, messages };
}
