/**
 * One generated reply with its cache accounting folded into `usage`: what `POST /v1/messages` answers and what a
 * Message Batch stores as a succeeded result. Rate limiting, faults and streaming stay with the callers.
 */
import type { Message, MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import type { PromptCache } from './cache';
import { generateMessage } from './generate';
import type { IdGenerator } from './ids';
import type { ModelFacts } from './models';

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
