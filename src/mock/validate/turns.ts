/**
 * The conversation as the API sees it: "Consecutive `user` or `assistant` turns in your request will be
 * combined into a single turn" (SDK:resources/messages/messages.ts:7665-7666). Mid-conversation `system`
 * messages (SDK messages.ts:5648-5652) are instructions, not turns, so they neither end nor split a turn.
 */
import type { ModelFacts } from '../models';
import { contentBlocks, isObject, type JsonObject } from './util';

export interface Turn {
  role: 'user' | 'assistant';
  /** Index in `messages` of every message merged into this turn. */
  messageIndexes: number[];
  /** The merged content, each block with the message index and block index it came from. */
  blocks: Array<{ block: JsonObject; messageIndex: number; blockIndex: number }>;
}

/** Only call after the messages passed the shape checks (roles are valid strings). */
export function mergeTurns(messages: readonly unknown[]): Turn[] {
  const turns: Turn[] = [];
  messages.forEach((message, messageIndex) => {
    if (!isObject(message) || (message.role !== 'user' && message.role !== 'assistant')) return;
    const role = message.role;
    const previous = turns[turns.length - 1];
    const turn: Turn = previous && previous.role === role ? previous : { role, messageIndexes: [], blocks: [] };
    if (turn !== previous) turns.push(turn);
    turn.messageIndexes.push(messageIndex);
    contentBlocks(message.content).forEach((block, blockIndex) => turn.blocks.push({ block, messageIndex, blockIndex }));
  });
  return turns;
}

/**
 * Whether the request runs with thinking on: `enabled` or `adaptive`, or no `thinking` on a model whose default is
 * adaptive (MD §5 rule 1 [TH]). `between_tools` is "thinking turned off" (SDK:resources/models.ts:344-351).
 */
export function thinkingIsActive(body: JsonObject, model: Pick<ModelFacts, 'thinking'>): boolean {
  const thinking = body.thinking;
  if (!isObject(thinking)) return model.thinking.whenOmitted === 'adaptive';
  return thinking.type === 'enabled' || thinking.type === 'adaptive';
}
