/** Shared set-up for the generator tests: a real model row and a fresh seeded id generator. */
import type { Message, MessageCreateParamsBase, MessageParam } from '@anthropic-ai/sdk/resources/messages/messages';
import { generateMessage } from '../../../src/mock/generate/message';
import { createIdGenerator } from '../../../src/mock/ids';
import { getModelFacts, type ModelFacts } from '../../../src/mock/models';

export const MODEL_ID = 'claude-sonnet-5-5';

export function facts(id = MODEL_ID): ModelFacts {
  const row = getModelFacts(id);
  if (!row) throw new Error(`no model facts for ${id}`);
  return row;
}

/** Generates with the facts of `params.model` (default Sonnet 5.5). */
export function generate(params: Partial<MessageCreateParamsBase> & { messages: MessageParam[] }): Message {
  const modelId = params.model ?? MODEL_ID;
  return generateMessage({ model: modelId, max_tokens: 1024, ...params }, { model: facts(modelId), ids: createIdGenerator('test'), seed: 'test' });
}

export function ask(text: string, extra: Partial<MessageCreateParamsBase> = {}): Message {
  return generate({ ...extra, messages: [{ role: 'user', content: text }] });
}

/** All text blocks of a message, joined. */
export function textOf(message: Message): string {
  return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
}
