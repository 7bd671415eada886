/**
 * Deterministic token approximation, used for every count the emulator reports (`usage`,
 * `count_tokens`, `max_tokens` truncation, cache prefixes, rate limits). It is NOT Claude's
 * tokenizer; it only has to be plausible and consistent everywhere.
 *
 * The rule for text (`estimateTextTokens`):
 *   - a run of letters costs ceil(length / 6) tokens ("the" = 1, "streaming" = 2);
 *   - a run of digits costs ceil(length / 3) tokens (numbers split into groups of three);
 *   - every other visible character (punctuation, symbols, emoji, each CJK character) costs 1;
 *   - whitespace is free.
 *
 * The rule for a prompt (`countInputTokens`, in canonical order tools → system → messages):
 *   - REQUEST_OVERHEAD (3) once per request;
 *   - with at least one tool, the tool-use system prompt the API adds: the model's figure from the pricing
 *     page (`ModelFacts.toolPromptTokens`, e.g. 286 with auto/none on the 5.5 models), else 346 with
 *     tool_choice auto/none (or none given) and 313 with any/tool (the documented Claude 4 figures);
 *   - per tool: TOOL_OVERHEAD (8) + its name, description and input_schema as JSON;
 *   - a system prompt: SYSTEM_OVERHEAD (3) + its text;
 *   - per message: MESSAGE_OVERHEAD (4) + its blocks;
 *   - blocks: text = its text; tool_use = 6 + name + input JSON; tool_result = 5 + its content;
 *     image = width × height / 750 after the API's downscaling (image-size.ts; 1,600 when the size is
 *     unknown, e.g. a URL); a PDF = 1,500 + 1 per 200 bytes; a plain-text
 *     document = 10 + its text; thinking/redacted_thinking = their text, in every assistant turn on
 *     models that keep prior-turn thinking and only in the latest one on Haiku 4.5 and Sonnet 4.5
 *     (models.md §4 [TH]); anything else = its JSON.
 * Overheads are attached to the first unit they belong to, so the token count of a prefix never
 * changes when more content is appended (prompt caching relies on that).
 */
import type {
  CacheControlEphemeral,
  ContentBlockParam,
  MessageCountTokensParams,
  MessageParam,
} from '@anthropic-ai/sdk/resources/messages/messages';
import { getModelFacts } from './models';
import { FULL_SIZE_IMAGE_TOKENS, imageTokens } from './image-size';

export const REQUEST_OVERHEAD = 3;
export const TOOL_SYSTEM_PROMPT_AUTO = 346;
export const TOOL_SYSTEM_PROMPT_FORCED = 313;
export const TOOL_OVERHEAD = 8;
export const SYSTEM_OVERHEAD = 3;
export const MESSAGE_OVERHEAD = 4;
/** An image whose size the emulator cannot read (a URL or file source). */
export const IMAGE_TOKENS = FULL_SIZE_IMAGE_TOKENS;

// One pass, the kind of each piece read from which group matched (a CJK character, a letter run, a digit run, or
// one other visible character).
const TOKEN_PIECE =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])|(\p{L}+)|(\p{N}+)|[^\s\p{L}\p{N}]/gu;

/** Long texts are estimated once: a request's prompt is counted several times (limits, cache, usage). */
const LONG_TEXT_CHARS = 2_000;
const longTextTokens = new Map<string, number>();

export function estimateTextTokens(text: string): number {
  if (text.length < LONG_TEXT_CHARS) return countPieces(text);
  const known = longTextTokens.get(text);
  if (known !== undefined) return known;
  const tokens = countPieces(text);
  if (longTextTokens.size >= 32) longTextTokens.delete(longTextTokens.keys().next().value!);
  longTextTokens.set(text, tokens);
  return tokens;
}

function countPieces(text: string): number {
  let tokens = 0;
  const pattern = new RegExp(TOKEN_PIECE);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[2] !== undefined) tokens += Math.ceil(match[2].length / 6);
    else if (match[3] !== undefined) tokens += Math.ceil(match[3].length / 3);
    else tokens += 1;
  }
  return tokens;
}

/** The prompt fields that cost input tokens (shared by create and count_tokens params). */
export type PromptParams = Pick<MessageCountTokensParams, 'messages' | 'system' | 'tools' | 'tool_choice'> & { model?: string };

/** One cacheable position of the prompt, in canonical order. */
export interface PromptUnit {
  section: 'tools' | 'system' | 'messages';
  tokens: number;
  /** Canonical JSON of the unit's content without `cache_control`: identical content, identical key. */
  content: string;
  cacheControl: CacheControlEphemeral | null;
  /** Thinking blocks and empty text blocks cannot carry a cache breakpoint. */
  cacheable: boolean;
}

/** Canonical JSON: sorted keys, `cache_control` dropped. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => key !== 'cache_control' && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function jsonTokens(value: unknown): number {
  return estimateTextTokens(canonicalJson(value));
}

function cacheControlOf(block: unknown): CacheControlEphemeral | null {
  const control = (block as { cache_control?: CacheControlEphemeral | null }).cache_control;
  return control && control.type === 'ephemeral' ? control : null;
}

function toolResultContentTokens(content: unknown): number {
  if (content == null) return 0;
  if (typeof content === 'string') return estimateTextTokens(content);
  if (!Array.isArray(content)) return jsonTokens(content);
  return content.reduce((sum: number, block: unknown) => sum + blockTokens(block as ContentBlockParam, true), 0);
}

function documentTokens(block: Extract<ContentBlockParam, { type: 'document' }>): number {
  const source = block.source;
  const framing = estimateTextTokens(`${block.title ?? ''} ${block.context ?? ''}`);
  switch (source.type) {
    case 'text':
      return 10 + framing + estimateTextTokens(source.data);
    case 'base64':
      return 1500 + framing + Math.ceil((source.data.length * 0.75) / 200);
    case 'content':
      return 10 + framing + toolResultContentTokens(source.content);
    default:
      return 1500 + framing;
  }
}

/** Tokens of one content block; `countThinking` is false for an earlier turn's thinking the model drops. */
export function blockTokens(block: ContentBlockParam, countThinking: boolean): number {
  switch (block.type) {
    case 'text':
      return estimateTextTokens(block.text);
    case 'tool_use':
      return 6 + estimateTextTokens(block.name) + jsonTokens(block.input);
    case 'tool_result':
      return 5 + toolResultContentTokens(block.content);
    case 'image':
      return imageTokens(block.source);
    case 'document':
      return documentTokens(block);
    case 'search_result':
      return (
        5 +
        estimateTextTokens(`${block.title} ${block.source}`) +
        block.content.reduce((sum, text) => sum + estimateTextTokens(text.text), 0)
      );
    case 'thinking':
      return countThinking ? estimateTextTokens(block.thinking) + 1 : 0;
    case 'redacted_thinking':
      return countThinking ? Math.ceil(block.data.length / 8) : 0;
    default:
      return jsonTokens(block);
  }
}

function messageBlocks(message: MessageParam): ContentBlockParam[] {
  return typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : (message.content as ContentBlockParam[]);
}

/** The prompt as an ordered list of units (tools → system → messages), each with its token cost. */
export function promptUnits(params: PromptParams): PromptUnit[] {
  const units: PromptUnit[] = [];
  const model = 'model' in params && typeof params.model === 'string' ? getModelFacts(params.model) : undefined;
  const tools = params.tools ?? [];
  const forced = params.tool_choice?.type === 'any' || params.tool_choice?.type === 'tool';
  tools.forEach((tool, index) => {
    const description = 'description' in tool && typeof tool.description === 'string' ? tool.description : '';
    const schema = 'input_schema' in tool ? tool.input_schema : { type: tool.type };
    const name = 'name' in tool && typeof tool.name === 'string' ? tool.name : '';
    let tokens = TOOL_OVERHEAD + estimateTextTokens(`${name} ${description}`) + jsonTokens(schema);
    if (index === 0) {
      const documented = model?.toolPromptTokens;
      tokens += forced
        ? (documented?.forced ?? TOOL_SYSTEM_PROMPT_FORCED)
        : (documented?.auto ?? TOOL_SYSTEM_PROMPT_AUTO);
    }
    units.push({ section: 'tools', tokens, content: canonicalJson(tool), cacheControl: cacheControlOf(tool), cacheable: true });
  });

  const systemBlocks = params.system == null ? [] : typeof params.system === 'string' ? [{ type: 'text' as const, text: params.system }] : params.system;
  systemBlocks.forEach((block, index) => {
    units.push({
      section: 'system',
      tokens: estimateTextTokens(block.text) + (index === 0 ? SYSTEM_OVERHEAD : 0),
      content: canonicalJson({ system: block }),
      cacheControl: cacheControlOf(block),
      cacheable: block.text.length > 0,
    });
  });

  let lastAssistant = -1;
  params.messages.forEach((message, index) => {
    if (message.role === 'assistant') lastAssistant = index;
  });
  // Most models keep earlier turns' thinking in context; Haiku 4.5 and Sonnet 4.5 keep only the latest turn's
  // (models.md §4 [TH]). Without a known model, only the latest turn's thinking counts.
  const keepsPriorTurns = model?.thinking.keepsPriorTurns ?? false;
  params.messages.forEach((message, messageIndex) => {
    messageBlocks(message).forEach((block, blockIndex) => {
      const isThinking = block.type === 'thinking' || block.type === 'redacted_thinking';
      units.push({
        section: 'messages',
        tokens: blockTokens(block, keepsPriorTurns || messageIndex === lastAssistant) + (blockIndex === 0 ? MESSAGE_OVERHEAD : 0),
        content: canonicalJson({ role: message.role, first: blockIndex === 0, block }),
        cacheControl: cacheControlOf(block),
        cacheable: !isThinking && !(block.type === 'text' && block.text.length === 0),
      });
    });
  });
  if (units.length > 0) units[0]!.tokens += REQUEST_OVERHEAD;
  return units;
}

/** Input tokens of a request: equals `usage.input_tokens` of the same request with no cache. */
export function countInputTokens(params: MessageCountTokensParams): number {
  return promptUnits(params).reduce((sum, unit) => sum + unit.tokens, 0);
}
