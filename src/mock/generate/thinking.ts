/**
 * The reasoning written into a thinking block: what was asked, what the system prompt requires,
 * the real working (arithmetic steps, tool choice and inputs, tool results), and the plan for the
 * answer. Longer with higher effort; cut to the thinking budget at a word boundary.
 */
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import { truncateToTokens } from './limits';

export type Effort = NonNullable<NonNullable<MessageCreateParamsBase['output_config']>['effort']>;

export interface ThinkingInput {
  question: string;
  system: string;
  notes: string[];
  plan: string;
  effort: Effort;
}

/** Tokens adaptive thinking may use at each effort level (the emulator's own choice). */
export const ADAPTIVE_THINKING_BUDGET: Record<Effort, number> = { low: 150, medium: 600, high: 1500, xhigh: 3000, max: 6000 };

function shorten(text: string, words: number): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : all.join(' ');
}

export function writeThinking(input: ThinkingInput, budgetTokens: number): string {
  const lines: string[] = [];
  if (input.question) lines.push(`The user asks: "${shorten(input.question, 40)}".`);
  if (input.system && input.effort !== 'low') lines.push(`The system prompt says: "${shorten(input.system, 30)}". I'll follow it.`);
  lines.push(...(input.effort === 'low' ? input.notes.slice(0, 2) : input.notes));
  if (input.effort !== 'low') lines.push(input.plan);
  if (input.effort === 'xhigh' || input.effort === 'max') lines.push('Let me check that the answer addresses exactly what was asked, and nothing is missing.');
  return truncateToTokens(lines.join('\n'), Math.max(1, budgetTokens));
}
