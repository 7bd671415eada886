/**
 * The reasoning written into a thinking block: what was asked, what the system prompt requires,
 * the real working (arithmetic steps, tool choice and inputs, tool results), and the plan for the
 * answer. Longer with higher effort; cut to the thinking budget at a word boundary.
 */
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import type { Effort, ModelFacts } from '../models';
import { truncateToTokens } from './limits';

export type { Effort };

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
  // Deeper effort, deeper checking: each level above medium adds a pass.
  if (input.effort === 'high' || input.effort === 'xhigh' || input.effort === 'max') lines.push('Before answering, let me double-check the key facts.');
  if (input.effort === 'xhigh' || input.effort === 'max') lines.push('Let me check that the answer addresses exactly what was asked, and nothing is missing.');
  return truncateToTokens(lines.join('\n'), Math.max(1, budgetTokens));
}

/**
 * What thinking a reply carries (MD §5 rules 1-5, 8, 10, 17):
 *  - `upFront`: the thinking block that opens the reply, or null. `enabled` always thinks; `adaptive` (asked for, or
 *    the model's default when `thinking` is omitted) thinks on every request on the "always on" models and otherwise
 *    decides with `worthThinking`; `disabled` and `between_tools` never think up front. A forced `tool_choice`
 *    prefills the tool call, so no thinking comes before it [DT; H55M].
 *  - `progressUpdates`: on the models that write them, the sentence that introduces a tool call made between tool
 *    calls (after tool results, in the same turn) comes back as its own signed thinking block instead of text ("text
 *    between tool calls comes back as thinking blocks" [S55; O55; TH], MD §5 rule 17). The one-sentence lead-in of
 *    the first call stays text ("shorter remarks stay text" [S55]), except under `between_tools`, where "any progress
 *    updates before tool calls come back as thinking blocks with text" (MD §5 rule 5). Its text is empty under
 *    `omitted` and the sentence under `summarized`, `updates` or `between_tools` [TH].
 */
export interface ThinkingPlan {
  upFront: { budget: number } | null;
  /** `between_tools`: every lead-in before a tool call, the first one included, is a progress update [TH; S55]. */
  betweenTools: boolean;
  display: 'summarized' | 'omitted';
  effort: Effort;
  progressUpdates: boolean;
}

export interface ThinkingRequest {
  thinking: MessageCreateParamsBase['thinking'];
  effort: Effort;
  forcedTool: boolean;
  prefill: boolean;
  /** The reply will call a tool, or continues after tool results. */
  toolWork: boolean;
  /** The latest user text. */
  question: string;
}

export function planThinking(request: ThinkingRequest, model: ModelFacts): ThinkingPlan {
  const config = request.thinking;
  const type = config?.type ?? (model.thinking.whenOmitted === 'adaptive' ? 'adaptive' : 'disabled');
  const requestedDisplay = config && 'display' in config ? (config.display as string | null | undefined) : null;
  // `updates` (beta) shows text like `summarized`; `between_tools` updates "carry their summary text" [TH; S55].
  const display = type === 'between_tools' ? 'summarized'
    : requestedDisplay === 'omitted' || requestedDisplay === 'summarized' ? requestedDisplay
    : requestedDisplay === 'updates' ? 'summarized' : model.thinking.defaultDisplay;
  const progressUpdates = model.thinking.progressUpdates && type !== 'disabled' && !request.forcedTool;
  const budget = ADAPTIVE_THINKING_BUDGET[request.effort];
  let upFront: ThinkingPlan['upFront'] = null;
  if (!request.forcedTool && !request.prefill) {
    if (type === 'enabled' && config?.type === 'enabled') upFront = { budget: config.budget_tokens };
    if (type === 'adaptive' && (model.thinking.alwaysOn || worthThinking(request))) upFront = { budget };
  }
  return { upFront, betweenTools: type === 'between_tools', display, effort: request.effort, progressUpdates };
}

/**
 * Arithmetic: digits joined by an operator, or a number word problem (a keyword with a digit after it, or a digit
 * before "how many/much"). Written as three linear searches: one regex with `[\s\S]*` between them backtracked from
 * every digit of a long digit run (quadratic; 38,000 digits took seconds).
 */
const OPERATION = /\d\s*[-+*/×÷^%x]\s*\d/;
const WORD_PROBLEM = /\b(?:sum|product|percent|average|how (?:many|much))\b/i;
const HOW_MANY = /\bhow (?:many|much)\b/gi;
function looksArithmetic(text: string): boolean {
  if (OPERATION.test(text)) return true;
  const word = WORD_PROBLEM.exec(text);
  if (word && /\d/.test(text.slice(word.index + word[0].length))) return true;
  let lastHowMany = -1;
  for (const match of text.matchAll(HOW_MANY)) lastHowMany = match.index;
  return lastHowMany > 0 && /\d/.test(text.slice(0, lastHowMany));
}
/** Reasoning and planning requests. */
const REASONING = new RegExp(
  '\\b(?:why|explain|calculate|compute|solve|plan|planning|steps?|compare|reason|prove|derive|design|analy[sz]e|' +
  'estimate|debug|optimi[sz]e|strategy|trade-?offs?|pros and cons|what if|should (?:i|we)|figure out|work out|' +
  'decide|evaluate|outline|recommend|think|thinking|reasoning)\\b', 'i');
/** Greetings and small talk. */
const GREETING = /^\s*(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|thanks|thank you|cheers|bye|goodbye|ok(?:ay)?)\b/i;

/**
 * Adaptive thinking's deterministic judgement of whether a request is worth thinking about ("Claude skips thinking
 * on requests it judges simple enough" [TT]): tool work, arithmetic, reasoning or planning → think; a greeting →
 * no; anything else thinks when it is long enough for the effort level (the emulator's own thresholds).
 */
export function worthThinking(request: Pick<ThinkingRequest, 'question' | 'effort' | 'toolWork'>): boolean {
  if (request.toolWork) return true;
  const text = request.question;
  if (looksArithmetic(text)) return true;
  const words = text.split(/\s+/).filter(Boolean).length;
  if (GREETING.test(text) && words <= 8) return false;
  if (REASONING.test(text)) return true;
  switch (request.effort) {
    case 'low':
      return false;
    case 'medium':
      return words >= 15;
    default:
      return words >= 8;
  }
}
