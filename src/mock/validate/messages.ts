/**
 * `messages`: roles, content, content blocks, mid-conversation system messages and prefill.
 *
 * Sources:
 *  - roles `user`, `assistant`, `system`; string content = one text block: SDK messages.ts:5252, 5648-5652, 7708-7711.
 *  - at most 100,000 messages: SDK messages.ts:7728 (REF §3).
 *  - request block types per role: SDK messages.ts:4798-4814 (REF §1); text `minLength: 1` (REF §4). The wording
 *    "messages: text content blocks must be non-empty" and "all messages must have non-empty content except for the
 *    optional final assistant message" are from third-party logs (REF §9, unverified).
 *  - consecutive same-role turns are merged, not rejected: SDK messages.ts:7665-7666.
 *  - prefill: models without support answer "This model does not support assistant message prefill. The
 *    conversation must end with a user message." (REF §4, docs: …/api/errors); not allowed with thinking on
 *    (REF §4, docs: …/extended-thinking). A prefill ending in whitespace is rejected (well-known API behaviour,
 *    wording from third-party logs).
 *  - `role:"system"` messages (decision, REF §4/§9 leave placement unverified): accepted only by models released with
 *    or after Opus 4.8 except Sonnet 5 ("not available on Claude Sonnet 5"), per models.md §4 [MCS]
 *    (`supportsSystemMessages`); content must be text; they may not be `messages[0]`
 *    (an opening instruction belongs in the top-level `system` field — third-party notes, REF §4).
 */
import type { ApiFailure } from '../errors';
import { checkBase64Image, checkBase64Pdf } from './media';
import { PER_MESSAGE_EFFORT_BETA } from './per-message-effort';
import { mergeTurns, thinkingIsActive } from './turns';
import {
  checkUnionTag,
  expectLiteral,
  invalid,
  isObject,
  rejectExtraKeys,
  typeMessages,
  type JsonObject,
  type Path,
  type RuleContext,
} from './util';

const MAX_MESSAGES = 100_000;

const USER_BLOCK_TYPES = ['text', 'image', 'document', 'search_result', 'tool_result', 'container_upload'] as const;
const SERVER_RESULT_TYPES = [
  'web_search_tool_result', 'web_fetch_tool_result', 'code_execution_tool_result', 'bash_code_execution_tool_result',
  'text_editor_code_execution_tool_result', 'tool_search_tool_result',
] as const;
const ASSISTANT_BLOCK_TYPES = [
  'text', 'thinking', 'redacted_thinking', 'tool_use', 'server_tool_use', ...SERVER_RESULT_TYPES,
] as const;

export const PREFILL_NOT_SUPPORTED =
  'This model does not support assistant message prefill. The conversation must end with a user message.';

export function checkMessages(ctx: RuleContext): ApiFailure | null {
  const messages = ctx.body.messages as unknown[];
  if (messages.length === 0) return invalid(['messages'], 'at least one message is required');
  if (messages.length > MAX_MESSAGES) {
    return invalid(['messages'], `List should have at most ${MAX_MESSAGES} items after validation, not ${messages.length}`);
  }
  for (const [index, message] of messages.entries()) {
    const failure = checkMessage(message, index, messages.length, ctx);
    if (failure) return failure;
  }
  return checkPrefill(ctx);
}

function checkMessage(message: unknown, index: number, count: number, ctx: RuleContext): ApiFailure | null {
  const path: Path = ['messages', index];
  if (!isObject(message)) return invalid(path, typeMessages.object);
  // `output_config` on a system message exists only with its beta header (per-message-effort.ts checks it).
  const keys = message.role === 'system' && ctx.betas.includes(PER_MESSAGE_EFFORT_BETA) ? ['role', 'content', 'output_config'] : ['role', 'content'];
  const extra = rejectExtraKeys(path, message, keys);
  if (extra) return extra;
  if (!('role' in message)) return invalid([...path, 'role'], 'Field required');
  if (!('content' in message)) return invalid([...path, 'content'], 'Field required');
  const role = message.role;
  const roles = ctx.model.supportsSystemMessages ? ['user', 'assistant', 'system'] : ['user', 'assistant'];
  if (role === 'system' && !ctx.model.supportsSystemMessages) {
    return invalid([...path, 'role'],
      `Input should be 'user' or 'assistant' (${ctx.model.id} does not accept system messages inside \`messages\`; ` +
      'use the top-level `system` parameter)');
  }
  const roleFailure = expectLiteral([...path, 'role'], role, roles);
  if (roleFailure) return roleFailure;
  if (role === 'system') return checkSystemMessage(message, path, index);
  const isFinal = index === count - 1;
  const content = message.content;
  if (typeof content === 'string') {
    if (content.length === 0 && !(isFinal && role === 'assistant')) return nonEmptyContent(index);
    return null;
  }
  if (!Array.isArray(content)) return invalid([...path, 'content'], typeMessages.string);
  if (content.length === 0 && !(isFinal && role === 'assistant')) return nonEmptyContent(index);
  const allowed: readonly string[] = role === 'user' ? USER_BLOCK_TYPES : ASSISTANT_BLOCK_TYPES;
  for (const [blockIndex, block] of content.entries()) {
    const failure = checkBlock(block, [...path, 'content', blockIndex], allowed, role as 'user' | 'assistant');
    if (failure) return failure;
  }
  return null;
}

function nonEmptyContent(index: number): ApiFailure {
  return invalid(['messages', index], 'all messages must have non-empty content except for the optional final assistant message');
}

function checkSystemMessage(message: JsonObject, path: Path, index: number): ApiFailure | null {
  if (index === 0) {
    return invalid(path,
      'a system message cannot be the first message; put opening instructions in the top-level `system` parameter');
  }
  const content = message.content;
  if (typeof content === 'string') return content.length > 0 ? null : invalid([...path, 'content'], 'String should have at least 1 character');
  if (!Array.isArray(content) || content.length === 0) return invalid([...path, 'content'], typeMessages.list);
  for (const [blockIndex, block] of content.entries()) {
    const failure = checkBlock(block, [...path, 'content', blockIndex], ['text'], 'system');
    if (failure) return failure;
  }
  return null;
}

function checkBlock(block: unknown, path: Path, allowed: readonly string[], role: 'user' | 'assistant' | 'system'): ApiFailure | null {
  if (!isObject(block)) return invalid(path, typeMessages.object);
  const type = block.type;
  const known = typeof type === 'string'
    && [...new Set<string>([...USER_BLOCK_TYPES, ...ASSISTANT_BLOCK_TYPES, ...TOOL_RESULT_CONTENT_TYPES])].includes(type);
  if (!known) return checkUnionTag(path, type, allowed);
  if (!allowed.includes(type as string)) return invalid([...path, 'type'], `\`${String(type)}\` blocks are not allowed in ${role} messages`);
  // Past a tagged union the schema library names the member in the path ("messages.0.content.0.image.source…").
  const tagged: Path = [...path, type as string];
  switch (type) {
    case 'text':
      return checkTextBlock(block, tagged);
    case 'image':
      return checkImageBlock(block, tagged);
    case 'document':
      return checkDocumentBlock(block, tagged);
    case 'search_result':
      return checkSearchResultBlock(block, tagged);
    case 'tool_use':
      return checkToolUseBlock(block, tagged);
    case 'tool_result':
      return checkToolResultBlock(block, tagged);
    case 'thinking':
      return firstOf(
        rejectExtraKeys(tagged, block, ['type', 'thinking', 'signature']),
        typeof block.thinking === 'string' ? null : invalid([...tagged, 'thinking'], typeMessages.string),
        typeof block.signature === 'string' ? null : invalid([...tagged, 'signature'], typeMessages.string),
      );
    case 'tool_reference': // ToolReferenceBlockParam (SDK messages.ts:6190-6199)
      return firstOf(
        rejectExtraKeys(tagged, block, ['type', 'tool_name', 'cache_control']),
        typeof block.tool_name === 'string' ? null : invalid([...tagged, 'tool_name'], typeMessages.string),
      );
    case 'browser_state': // BrowserStateBlockParam (SDK messages.ts:2252-2271)
      return firstOf(
        rejectExtraKeys(tagged, block, ['type', 'tabs', 'cache_control', 'state_changes']),
        Array.isArray(block.tabs) ? null : invalid([...tagged, 'tabs'], typeMessages.list),
      );
    case 'redacted_thinking':
      return firstOf(
        rejectExtraKeys(tagged, block, ['type', 'data']),
        typeof block.data === 'string' ? null : invalid([...tagged, 'data'], typeMessages.string),
      );
    default:
      return null; // server tool blocks and container_upload: passed through, the emulator runs no server tools
  }
}

function firstOf(...failures: Array<ApiFailure | null>): ApiFailure | null {
  return failures.find((failure) => failure !== null) ?? null;
}

export function checkTextBlock(block: JsonObject, path: Path): ApiFailure | null {
  return firstOf(
    rejectExtraKeys(path, block, ['type', 'text', 'cache_control', 'citations']),
    typeof block.text !== 'string' ? invalid([...path, 'text'], typeMessages.string) : null,
    block.text === '' ? invalid(['messages'], 'text content blocks must be non-empty') : null,
  );
}

const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

function checkImageBlock(block: JsonObject, path: Path): ApiFailure | null {
  const extra = rejectExtraKeys(path, block, ['type', 'source', 'cache_control', 'transformations']);
  if (extra) return extra;
  const source = block.source;
  if (!isObject(source)) return invalid([...path, 'source'], typeMessages.object);
  const kind = checkUnionTag([...path, 'source'], source.type, ['base64', 'url', 'file']);
  if (kind) return kind;
  const sourcePath = [...path, 'source', source.type as string];
  if (source.type === 'base64') {
    return firstOf(
      expectLiteral([...sourcePath, 'media_type'], source.media_type, IMAGE_MEDIA_TYPES),
      typeof source.data === 'string' && source.data.length > 0 ? null : invalid([...sourcePath, 'data'], typeMessages.string),
    ) ?? checkBase64Image(sourcePath, source.media_type as string, source.data as string);
  }
  if (source.type === 'url') return typeof source.url === 'string' ? null : invalid([...sourcePath, 'url'], typeMessages.string);
  return typeof source.file_id === 'string' ? null : invalid([...sourcePath, 'file_id'], typeMessages.string);
}

function checkDocumentBlock(block: JsonObject, path: Path): ApiFailure | null {
  const extra = rejectExtraKeys(path, block, ['type', 'source', 'cache_control', 'citations', 'context', 'title']);
  if (extra) return extra;
  const source = block.source;
  if (!isObject(source)) return invalid([...path, 'source'], typeMessages.object);
  const kind = checkUnionTag([...path, 'source'], source.type, ['base64', 'text', 'content', 'url', 'file']);
  if (kind) return kind;
  const sourcePath = [...path, 'source', source.type as string];
  switch (source.type) {
    case 'base64':
      return firstOf(
        expectLiteral([...sourcePath, 'media_type'], source.media_type, ['application/pdf']),
        typeof source.data === 'string' ? null : invalid([...sourcePath, 'data'], typeMessages.string),
      ) ?? checkBase64Pdf(sourcePath, source.data as string);
    case 'text':
      return firstOf(
        expectLiteral([...sourcePath, 'media_type'], source.media_type, ['text/plain']),
        typeof source.data === 'string' ? null : invalid([...sourcePath, 'data'], typeMessages.string),
      );
    case 'content':
      return typeof source.content === 'string' || Array.isArray(source.content)
        ? null : invalid([...sourcePath, 'content'], typeMessages.list);
    case 'url':
      return typeof source.url === 'string' ? null : invalid([...sourcePath, 'url'], typeMessages.string);
    default:
      return typeof source.file_id === 'string' ? null : invalid([...sourcePath, 'file_id'], typeMessages.string);
  }
}

function checkSearchResultBlock(block: JsonObject, path: Path): ApiFailure | null {
  const extra = rejectExtraKeys(path, block, ['type', 'source', 'title', 'content', 'cache_control', 'citations']);
  if (extra) return extra;
  if (typeof block.source !== 'string') return invalid([...path, 'source'], typeMessages.string);
  if (typeof block.title !== 'string') return invalid([...path, 'title'], typeMessages.string);
  if (!Array.isArray(block.content)) return invalid([...path, 'content'], typeMessages.list);
  for (const [index, inner] of block.content.entries()) {
    if (!isObject(inner) || inner.type !== 'text') return invalid([...path, 'content', index, 'type'], "Input should be 'text'");
    const failure = checkTextBlock(inner, [...path, 'content', index]);
    if (failure) return failure;
  }
  return null;
}

function checkToolUseBlock(block: JsonObject, path: Path): ApiFailure | null {
  return firstOf(
    rejectExtraKeys(path, block, ['type', 'id', 'name', 'input', 'cache_control', 'caller', 'toolset_name']),
    typeof block.id === 'string' ? null : invalid([...path, 'id'], typeMessages.string),
    typeof block.name === 'string' ? null : invalid([...path, 'name'], typeMessages.string),
    isObject(block.input) ? null : invalid([...path, 'input'], typeMessages.object),
  );
}

/** `ToolResultBlockParam.content` block types (SDK messages.ts:6219-6228). */
const TOOL_RESULT_CONTENT_TYPES = ['text', 'image', 'document', 'search_result', 'tool_reference', 'browser_state'] as const;

function checkToolResultBlock(block: JsonObject, path: Path): ApiFailure | null {
  const basic = firstOf(
    rejectExtraKeys(path, block, ['type', 'tool_use_id', 'content', 'is_error', 'cache_control', 'toolset_name']),
    typeof block.tool_use_id === 'string' ? null : invalid([...path, 'tool_use_id'], typeMessages.string),
    block.is_error === undefined || typeof block.is_error === 'boolean' ? null : invalid([...path, 'is_error'], typeMessages.boolean),
  );
  if (basic) return basic;
  const content = block.content;
  if (content === undefined || typeof content === 'string') return null;
  if (!Array.isArray(content)) return invalid([...path, 'content'], typeMessages.string);
  for (const [index, inner] of content.entries()) {
    const failure = checkBlock(inner, [...path, 'content', index], TOOL_RESULT_CONTENT_TYPES, 'user');
    if (failure) return failure;
  }
  return null;
}

/** Prefill = the merged conversation ends with an assistant turn. */
function checkPrefill(ctx: RuleContext): ApiFailure | null {
  const turns = mergeTurns(ctx.body.messages as unknown[]);
  const last = turns[turns.length - 1];
  if (!last) return invalid(['messages'], 'at least one user message is required');
  if (last.role !== 'assistant' || ctx.endpoint === 'count_tokens') return null;
  if (!ctx.model.supportsPrefill) return invalid([], PREFILL_NOT_SUPPORTED);
  if (thinkingIsActive(ctx.body, ctx.model)) {
    return invalid([],
      'Assistant message prefill is not supported when thinking is enabled. The conversation must end with a user message.');
  }
  const lastBlock = last.blocks[last.blocks.length - 1]?.block;
  if (lastBlock && lastBlock.type === 'text' && typeof lastBlock.text === 'string' && /\s$/.test(lastBlock.text)) {
    return invalid(['messages'], 'final assistant content cannot end with trailing whitespace');
  }
  return null;
}
