/**
 * A read-only view of a request's conversation that the generators share: the system prompt,
 * the latest user text, an assistant prefill, the tool results being returned, and facts the user
 * stated earlier ("My name is Ada").
 */
import type {
  ContentBlockParam,
  MessageCreateParamsBase,
  MessageParam,
  ToolResultBlockParam,
  ToolUseBlockParam,
} from '@anthropic-ai/sdk/resources/messages/messages';

export interface ReturnedToolResult {
  toolUseId: string;
  /** Name and input of the matching tool_use in the previous assistant turn (null if not found). */
  toolName: string | null;
  toolInput: unknown;
  content: string;
  isError: boolean;
}

export interface Conversation {
  system: string;
  /** Text of the latest user turn (tool_result blocks excluded). */
  lastUserText: string;
  /** The user text that started the current exchange (before any tool round trips). */
  questionText: string;
  /** All user texts, oldest first. */
  userTexts: string[];
  /** Text of a trailing assistant turn, which the reply must continue; null without a prefill. */
  prefill: string | null;
  /** Tool results in the latest user turn (an answer is owed for them). */
  toolResults: ReturnedToolResult[];
  /** All tool results since the question, over every round of tool calls. */
  exchangeResults: ReturnedToolResult[];
  /** `toolCallKey`s of the tool calls already made since the question. */
  executedCalls: string[];
  /** Text of the assistant turn before the latest user turn ("multiply that by 2" refers to it). */
  previousAssistantText: string;
  /** Non-text blocks (image, document…) in the latest user turn, which the emulator cannot read. */
  attachments: string[];
  /** Reference texts the user provided: the system prompt, text documents and search results. */
  sources: Array<{ title: string; text: string }>;
}

/** Identifies a tool call by name and input, to avoid making the same call twice. */
export function toolCallKey(name: string, input: unknown): string {
  return `${name}:${JSON.stringify(input)}`;
}

export function blocksOf(message: MessageParam): ContentBlockParam[] {
  return typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : (message.content as ContentBlockParam[]);
}

export function textOf(blocks: ContentBlockParam[]): string {
  return blocks
    .filter((block): block is Extract<ContentBlockParam, { type: 'text' }> => block.type === 'text')
    .map((block) => block.text)
    .join('\n')
    .trim();
}

export function toolResultText(content: ToolResultBlockParam['content']): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content
    .map((block) => {
      if (block.type === 'text') return block.text;
      if (block.type === 'search_result') return block.content.map((text) => text.text).join('\n');
      if (block.type === 'image') return '[image]';
      if (block.type === 'document') return block.title ?? '[document]';
      return '';
    })
    .filter(Boolean)
    .join('\n');
}

function systemText(params: MessageCreateParamsBase): string {
  const parts: string[] = [];
  if (typeof params.system === 'string') parts.push(params.system);
  else if (Array.isArray(params.system)) parts.push(...params.system.map((block) => block.text));
  // Mid-conversation system messages steer the reply too.
  for (const message of params.messages) if (message.role === 'system') parts.push(textOf(blocksOf(message)));
  return parts.join('\n').trim();
}

/**
 * The generators read at most this many characters of any one text, and the latest `MAX_USER_TEXTS` user texts:
 * their pattern matching is linear, but a 32 MB prompt must still be answered in bounded time (in the page, on the
 * main thread). Token counts and cache accounting still see the whole request. The emulator's own bound.
 */
export const MAX_GENERATION_CHARS = 50_000;
export const MAX_USER_TEXTS = 100;

const clip = (text: string): string => (text.length > MAX_GENERATION_CHARS ? text.slice(0, MAX_GENERATION_CHARS) : text);

export function readConversation(params: MessageCreateParamsBase): Conversation {
  const full = readFullConversation(params);
  const clipResult = (result: ReturnedToolResult): ReturnedToolResult => ({ ...result, content: clip(result.content) });
  return {
    ...full,
    system: clip(full.system),
    lastUserText: clip(full.lastUserText),
    questionText: clip(full.questionText),
    userTexts: full.userTexts.slice(-MAX_USER_TEXTS).map(clip),
    prefill: full.prefill === null ? null : clip(full.prefill),
    toolResults: full.toolResults.map(clipResult),
    exchangeResults: full.exchangeResults.slice(-MAX_USER_TEXTS).map(clipResult),
    previousAssistantText: clip(full.previousAssistantText),
    sources: full.sources.slice(-MAX_USER_TEXTS).map((source) => ({ title: clip(source.title), text: clip(source.text) })),
  };
}

function readFullConversation(params: MessageCreateParamsBase): Conversation {
  const messages = params.messages;
  const last = messages[messages.length - 1];
  const prefill = last && last.role === 'assistant' ? textOf(blocksOf(last)) : null;

  const userTexts: string[] = [];
  let lastUserIndex = -1;
  messages.forEach((message, index) => {
    if (message.role !== 'user') return;
    lastUserIndex = index;
    const text = textOf(blocksOf(message));
    if (text) userTexts.push(text);
  });

  // Consecutive user messages form one turn (the API combines them).
  let turnStart = lastUserIndex;
  while (turnStart > 0 && messages[turnStart - 1]!.role === 'user') turnStart--;
  const lastUserBlocks = lastUserIndex >= 0 ? messages.slice(turnStart, lastUserIndex + 1).flatMap(blocksOf) : [];
  const lastUserText = textOf(lastUserBlocks);

  const toolUses = new Map<string, ToolUseBlockParam>();
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    for (const block of blocksOf(message)) if (block.type === 'tool_use') toolUses.set(block.id, block);
  }
  const resultsOf = (blocks: ContentBlockParam[]): ReturnedToolResult[] =>
    blocks
      .filter((block): block is ToolResultBlockParam => block.type === 'tool_result')
      .map((block) => {
        const use = toolUses.get(block.tool_use_id);
        return {
          toolUseId: block.tool_use_id,
          toolName: use?.name ?? null,
          toolInput: use?.input ?? null,
          content: toolResultText(block.content),
          isError: block.is_error === true,
        };
      });
  const toolResults = prefill === null ? resultsOf(lastUserBlocks) : [];

  // The question behind a tool round trip is the last user turn that had text of its own.
  let questionText = lastUserText;
  let questionIndex = lastUserIndex;
  for (let i = lastUserIndex; i >= 0 && !questionText; i--) {
    const message = messages[i]!;
    if (message.role === 'user') {
      questionText = textOf(blocksOf(message));
      questionIndex = i;
    }
  }

  // Everything done with tools since that question (an agent loop may take several rounds).
  const executedCalls: string[] = [];
  const exchangeResults: ReturnedToolResult[] = [];
  if (toolResults.length > 0) {
    for (let i = Math.max(0, questionIndex); i < messages.length; i++) {
      const message = messages[i]!;
      const blocks = blocksOf(message);
      if (message.role === 'assistant') {
        for (const block of blocks) if (block.type === 'tool_use') executedCalls.push(toolCallKey(block.name, block.input));
      } else if (message.role === 'user') {
        exchangeResults.push(...resultsOf(blocks));
      }
    }
  }

  let previousAssistantText = '';
  for (let i = lastUserIndex - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.role === 'assistant') {
      previousAssistantText = textOf(blocksOf(message));
      break;
    }
  }

  const sources: Conversation['sources'] = [];
  const system = systemText(params);
  if (system) sources.push({ title: 'the system prompt', text: system });
  for (const message of messages) {
    if (message.role !== 'user') continue;
    for (const block of blocksOf(message)) {
      if (block.type === 'document' && block.source.type === 'text') sources.push({ title: block.title ?? 'the document', text: block.source.data });
      if (block.type === 'search_result') sources.push({ title: block.title, text: block.content.map((text) => text.text).join('\n') });
    }
  }
  // A plain-text document is readable; images and PDFs are not.
  const attachments = lastUserBlocks
    .filter((block) => block.type === 'image' || (block.type === 'document' && block.source.type !== 'text'))
    .map((block) => block.type);

  return { system, sources, lastUserText, questionText, userTexts, prefill, toolResults, exchangeResults, executedCalls, previousAssistantText, attachments };
}
