/**
 * The emulated model: turns a (validated) Messages request into a deterministic `Message`.
 * Each concern lives in src/mock/generate/: conversation reading, text answers, styling, tool
 * choice and inputs, answers after tool results, thinking, and output limits.
 *
 * Usage: `input_tokens` is `countInputTokens(params)` and the cache counters are 0 unless the
 * caller passes `ctx.cache` (the result of `PromptCache.account` for this request).
 */
import type {
  ContentBlock,
  Message,
  MessageCreateParamsBase,
  Usage,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { CacheAccounting } from '../cache';
import type { IdGenerator } from '../ids';
import { REDACTED_THINKING_TRIGGER } from '../knowledge';
import { effectiveEffort, type ModelFacts } from '../models';
import { createRedactedThinkingData, signThinking } from '../signature';
import { bindReplyBlocks } from '../thinking-binding';
import { countInputTokens } from '../tokens';
import { readConversation, type Conversation } from './conversation';
import { answerFromDocuments, readDocuments } from './documents';
import { applyOutputLimits, type DraftBlock } from './limits';
import { synthesizeFromSchema, type JsonSchema } from './schema-values';
import { applyStyle, readStyle, type Style } from './style';
import type { Reply } from './reply';
import { composeReply } from './text';
import { planThinking, writeThinking, type ThinkingPlan } from './thinking';
import { answerFromToolResults, toolResultNotes } from './tool-answer';
import { planToolCalls, toolPreamble, type PlannedToolCall } from './tools';

export interface GenerateContext {
  model: ModelFacts;
  ids: IdGenerator;
  seed: string;
  /** Cache accounting for this request; without it nothing counts as cached. */
  cache?: CacheAccounting;
}

/** The reply continues the prefill; `content` excludes the prefilled text. */
function continuePrefill(prefill: string, answer: string, reply: Reply | null): string {
  if (!prefill) return answer;
  if (answer.startsWith(prefill)) return answer.slice(prefill.length);
  const trimmed = prefill.trimStart();
  if (trimmed.startsWith('{')) {
    const value = reply?.short ?? answer;
    if (/[{,]\s*$/.test(trimmed)) return `"answer": ${JSON.stringify(value)}}`;
    if (/:\s*$/.test(trimmed)) return ` ${JSON.stringify(value)}}`;
    return `, "answer": ${JSON.stringify(value)}}`;
  }
  if (trimmed.startsWith('[')) return `${/\[\s*$/.test(trimmed) ? '' : ', '}${JSON.stringify(reply?.short ?? answer)}]`;
  if (reply && reply.kind !== 'fallback' && /(?:\bis|\bare|\bwas|=|:)$/i.test(trimmed)) return ` ${reply.short}.`;
  return /[\s(["'“]$/.test(prefill) ? answer : ` ${answer}`;
}

interface Draft {
  blocks: DraftBlock[];
  notes: string[];
  plan: string;
}

function isForced(params: MessageCreateParamsBase): boolean {
  return params.tool_choice?.type === 'any' || params.tool_choice?.type === 'tool';
}

/**
 * tool_use blocks, after a short lead-in sentence unless tool_choice forces the call (the API then writes none).
 * Between tool calls (the turn goes on after tool results), models with progress updates send the lead-in as a
 * signed thinking block instead (generate/thinking.ts `planThinking`).
 */
function toolCallDraft(params: MessageCreateParamsBase, calls: PlannedToolCall[], ids: IdGenerator, leadIn: string, notes: string[], progressUpdate: ThinkingPlan | null): Draft {
  const blocks: DraftBlock[] = isForced(params) ? []
    : progressUpdate?.progressUpdates ? [{ type: 'thinking', full: leadIn, omitted: progressUpdate.display === 'omitted', progressUpdate: true }]
    : [{ type: 'text', text: leadIn }];
  for (const call of calls) blocks.push({ type: 'tool_use', id: ids.next('toolu_'), name: call.tool.name, input: call.input });
  return {
    blocks,
    notes: [
      ...notes,
      ...calls.map((call) => `"${call.part}" needs the ${call.tool.name} tool${call.tool.description ? ` (${call.tool.description.split(/(?<=\.)\s/)[0]})` : ''}. Input: ${JSON.stringify(call.input)}.`),
    ],
    plan: calls.length > 1 ? 'These calls are independent, so I can make them in parallel.' : 'I will call it and wait for the result.',
  };
}

/** The final text: JSON for a structured-output request, otherwise the reply in the requested style. */
function finalText(params: MessageCreateParamsBase, conversation: Conversation, reply: Reply, context: string): { text: string; plan: string } {
  const format = params.output_config?.format;
  if (format && format.type === 'json_schema') {
    const value = synthesizeFromSchema(format.schema as JsonSchema, context, context, { text: reply.text, short: reply.short });
    return { text: JSON.stringify(value), plan: 'The answer must be JSON matching the requested schema.' };
  }
  const style: Style = readStyle(conversation.system, conversation.lastUserText);
  const plan = style.oneWord ? 'Answer with a single word.' : style.persona ? `Answer in character as ${style.persona}.` : 'Now write the answer clearly.';
  return { text: applyStyle(reply, style), plan };
}

/**
 * An answer quoted from the request's documents (generate/documents.ts) when they ask for citations or are ones only
 * that module reads (PDFs, custom content); plain-text documents without citations keep the context lookup of text.ts.
 */
function documentDraft(params: MessageCreateParamsBase, conversation: Conversation): Draft | null {
  if (params.output_config?.format || conversation.prefill !== null) return null;
  const { readable } = readDocuments(params);
  if (!readable.some((document) => document.citations || document.kind !== 'text')) return null;
  const answer = answerFromDocuments(readable, conversation.lastUserText);
  return answer && { blocks: answer.blocks, notes: answer.notes, plan: 'Quote the passages that answer the question, citing each.' };
}

function draftAnswer(params: MessageCreateParamsBase, conversation: Conversation, ids: IdGenerator, thinking: ThinkingPlan): Draft {
  if (conversation.toolResults.length > 0) {
    // An agent loop: if part of the question still needs a tool call (e.g. parallel calls were
    // disabled), make the next call; otherwise answer from every result gathered so far.
    const failed = conversation.toolResults.some((result) => result.isError);
    const next = failed ? [] : planToolCalls(params, conversation.questionText, conversation.executedCalls);
    if (next.length > 0) return toolCallDraft(params, next, ids, `Got it. ${toolPreamble(next)}`, toolResultNotes(conversation.toolResults), thinking);
    const answer = answerFromToolResults(conversation.exchangeResults);
    const reply: Reply = { kind: 'fact', text: answer, short: answer, notes: toolResultNotes(conversation.exchangeResults) };
    const context = [conversation.questionText, ...conversation.exchangeResults.map((result) => result.content)].join('\n');
    const { text } = finalText(params, conversation, reply, context);
    return { blocks: [{ type: 'text', text }], notes: reply.notes, plan: 'Now I can answer from these results, quoting them exactly.' };
  }

  const calls = conversation.prefill === null ? planToolCalls(params, conversation.questionText) : [];
  if (calls.length > 0) return toolCallDraft(params, calls, ids, toolPreamble(calls), [], thinking.betweenTools ? thinking : null);
  const fromDocuments = documentDraft(params, conversation);
  if (fromDocuments) return fromDocuments;

  const reply = composeReply(conversation);
  let { text, plan } = finalText(params, conversation, reply, conversation.lastUserText);
  if (conversation.prefill !== null) text = continuePrefill(conversation.prefill, text, reply);
  return { blocks: text ? [{ type: 'text', text }] : [], notes: reply.notes, plan };
}

function toContentBlock(block: DraftBlock): ContentBlock {
  switch (block.type) {
    case 'thinking':
      // Signed once the whole reply is known (bindReplyBlocks): a signature binds the blocks before it.
      return { type: 'thinking', thinking: block.omitted ? '' : block.full, signature: '' };
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: block.data };
    case 'text':
      return { type: 'text', text: block.text, citations: block.citations ?? null };
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input, caller: { type: 'direct' } };
  }
}

export function generateMessage(params: MessageCreateParamsBase, ctx: GenerateContext): Message {
  const id = ctx.ids.next('msg_');
  const inputTokens = countInputTokens(params);
  const cache = ctx.cache ?? {
    input_tokens: inputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
  };
  const conversation = readConversation(params);

  let draft: DraftBlock[] = [];
  if (params.max_tokens > 0) {
    const toolWork = conversation.toolResults.length > 0 || (conversation.prefill === null && planToolCalls(params, conversation.questionText).length > 0);
    const thinking = planThinking({
      thinking: params.thinking,
      effort: effectiveEffort(ctx.model, params.output_config?.effort),
      forcedTool: isForced(params),
      prefill: conversation.prefill !== null,
      toolWork,
      question: conversation.lastUserText,
    }, ctx.model);
    const answer = draftAnswer(params, conversation, ctx.ids, thinking);
    const upFront = thinking.upFront;
    if (upFront && conversation.lastUserText.includes(REDACTED_THINKING_TRIGGER)) {
      draft.push({ type: 'redacted_thinking', data: createRedactedThinkingData(`${ctx.seed}:${conversation.lastUserText}`), tokens: 48 });
    } else if (upFront) {
      const full = writeThinking(
        { question: conversation.questionText, system: conversation.system, notes: answer.notes, plan: answer.plan, effort: thinking.effort },
        Math.min(upFront.budget, params.max_tokens),
      );
      draft.push({ type: 'thinking', full, omitted: thinking.display === 'omitted' });
    }
    draft = draft.concat(answer.blocks);
  }

  const limited = applyOutputLimits(draft, params.max_tokens, params.stop_sequences ?? []);
  const content = limited.blocks.map(toContentBlock);
  const omitted = limited.blocks.map((block) => block.type === 'thinking' && block.omitted);
  bindReplyBlocks(params, content, (block, chain) =>
    signThinking(block.thinking, chain.binding(ctx.model.id, omitted[content.indexOf(block)] ?? false)));
  const usage: Usage = {
    input_tokens: cache.input_tokens,
    output_tokens: params.max_tokens === 0 ? 0 : Math.max(1, limited.outputTokens),
    cache_creation_input_tokens: cache.cache_creation_input_tokens,
    cache_read_input_tokens: cache.cache_read_input_tokens,
    cache_creation: { ...cache.cache_creation },
    inference_geo: params.inference_geo ?? 'global',
    output_tokens_details: limited.thinkingTokens > 0 ? { thinking_tokens: limited.thinkingTokens } : null,
    server_tool_use: null,
    service_tier: 'standard',
    speed: params.speed === 'fast' && ctx.model.fastMode === 'fast' ? 'fast' : 'standard', // models.ts fastMode
  };
  return {
    id,
    type: 'message',
    role: 'assistant',
    model: params.model,
    content,
    stop_reason: params.max_tokens === 0 ? 'max_tokens' : limited.stopReason,
    stop_sequence: limited.stopSequence,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage,
  };
}
