/**
 * One generated reply with its cache accounting folded into `usage`: what `POST /v1/messages` answers and what a
 * Message Batch stores as a succeeded result. Rate limiting, faults and streaming stay with the callers.
 */
import type { Message, MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import type { PromptCache } from './cache';
import { apiError, type ApiFailure } from './errors';
import { generateMessage } from './generate/message';
import type { IdGenerator } from './ids';
import type { ModelFacts } from './models';
import { countInputTokens } from './tokens';

export interface ProductionContext {
  seed: string;
  ids: IdGenerator;
  cache: PromptCache;
}

export function produceMessage(ctx: ProductionContext, params: MessageCreateParamsBase, model: ModelFacts): Message {
  const accounting = ctx.cache.account(params, model);
  const message: Message = generateMessage(params, { model, ids: ctx.ids, seed: ctx.seed, cache: accounting });
  message.usage = {
    ...message.usage,
    input_tokens: accounting.input_tokens,
    cache_creation_input_tokens: accounting.cache_creation_input_tokens,
    cache_read_input_tokens: accounting.cache_read_input_tokens,
    cache_creation: { ...accounting.cache_creation },
  };
  return message;
}

/** 400 when the prompt passes the model's context window (the emulator's long-standing wording; no source quotes the API's). */
export function checkPromptLength(params: MessageCreateParamsBase, model: ModelFacts): ApiFailure | null {
  const promptTokens = countInputTokens(params);
  return promptTokens > model.max_input_tokens
    ? apiError(400, 'invalid_request_error', `prompt is too long: ${promptTokens} tokens > ${model.max_input_tokens} maximum`)
    : null;
}
