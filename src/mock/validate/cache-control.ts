/**
 * `cache_control` breakpoints.
 *
 * Sources (REF §4, docs: …/prompt-caching; SDK messages.ts:2896-2912):
 *  - `{type:"ephemeral", ttl?: "5m"|"1h"}`, default `5m`.
 *  - at most 4 breakpoints; the top-level (automatic) `cache_control` takes one slot, and with 4 explicit ones the
 *    request fails "(no slots left for automatic caching)". If the last block is already marked with the same TTL,
 *    automatic caching is a no-op; with a different TTL it is a 400.
 *  - "Cache entries with longer TTL must appear before shorter TTLs", in prefix order tools → system → messages.
 *  - thinking blocks cannot carry `cache_control` (messages.ts rejects the key on them); empty text blocks are
 *    rejected by messages.ts.
 * The 4-breakpoint message follows third-party logs of the API ("A maximum of 4 blocks with cache_control may be
 * provided. Found N."); the TTL-order wording is the emulator's.
 */
import type { ApiFailure } from '../errors';
import { contentBlocks, invalid, isObject, rejectExtraKeys, typeMessages, type JsonObject, type Path, type RuleContext } from './util';

const MAX_BREAKPOINTS = 4;

interface Breakpoint {
  path: Path;
  ttl: '5m' | '1h';
}

export function checkCacheControl(ctx: RuleContext): ApiFailure | null {
  const found: Breakpoint[] = [];
  let failure: ApiFailure | null = null;
  const visit = (owner: JsonObject, path: Path) => {
    if (failure || owner.cache_control === undefined || owner.cache_control === null) return;
    const result = readCacheControl(owner.cache_control, [...path, 'cache_control']);
    if ('status' in result) failure = result;
    else found.push(result);
  };

  const tools = Array.isArray(ctx.body.tools) ? ctx.body.tools : [];
  // Paths name the tagged-union member, as the API's do ("tools.0.custom.…", "messages.0.content.1.text.…").
  tools.forEach((tool, index) => isObject(tool) && visit(tool, ['tools', index, typeof tool.type === 'string' ? tool.type : 'custom']));
  if (Array.isArray(ctx.body.system)) ctx.body.system.forEach((block, index) => isObject(block) && visit(block, ['system', index]));
  const messages = ctx.body.messages as unknown[];
  let lastBlock: { block: JsonObject; path: Path } | null = null;
  messages.forEach((message, messageIndex) => {
    if (!isObject(message) || !Array.isArray(message.content)) {
      if (isObject(message) && typeof message.content === 'string') lastBlock = null;
      return;
    }
    contentBlocks(message.content).forEach((block, blockIndex) => {
      const path: Path = ['messages', messageIndex, 'content', blockIndex, String(block.type)];
      visit(block, path);
      if (block.type === 'tool_result' && Array.isArray(block.content)) {
        block.content.forEach((inner, innerIndex) => isObject(inner) && visit(inner, [...path, 'content', innerIndex, String(inner.type)]));
      }
      lastBlock = { block, path };
    });
  });
  if (failure) return failure;

  let automatic: Breakpoint | null = null;
  const topLevel = ctx.body.cache_control;
  if (topLevel !== undefined && topLevel !== null) {
    const result = readCacheControl(topLevel, ['cache_control']);
    if ('status' in result) return result;
    const marked = lastBlock as { block: JsonObject; path: Path } | null;
    const existing = marked && isObject(marked.block.cache_control) ? found.find((b) => b.path.join('.') === [...marked.path, 'cache_control'].join('.')) : undefined;
    if (existing) {
      if (existing.ttl !== result.ttl) {
        return invalid(['cache_control'],
          `the last block already has cache_control with ttl "${existing.ttl}", which conflicts with the top-level ttl "${result.ttl}"`);
      }
    } else {
      automatic = result;
    }
  }

  const total = found.length + (automatic ? 1 : 0);
  if (total > MAX_BREAKPOINTS) {
    const suffix = automatic && found.length >= MAX_BREAKPOINTS ? ' (no slots left for automatic caching)' : '';
    return invalid([], `A maximum of ${MAX_BREAKPOINTS} blocks with cache_control may be provided. Found ${total}${suffix}.`);
  }

  const ordered = automatic ? [...found, automatic] : found;
  const firstShort = ordered.findIndex((b) => b.ttl === '5m');
  const lateLong = firstShort === -1 ? undefined : ordered.slice(firstShort + 1).find((b) => b.ttl === '1h');
  if (lateLong) {
    return invalid(lateLong.path,
      'a ttl="1h" cache_control block must not come after a ttl="5m" one. Longer TTLs must come first; blocks are ' +
      'read in the order `tools`, `system`, `messages`.');
  }
  return null;
}

function readCacheControl(value: unknown, path: Path): Breakpoint | ApiFailure {
  if (!isObject(value)) return invalid(path, typeMessages.object);
  const extra = rejectExtraKeys(path, value, ['type', 'ttl']);
  if (extra) return extra;
  if (value.type !== 'ephemeral') return invalid([...path, 'type'], "Input should be 'ephemeral'");
  if (value.ttl === undefined || value.ttl === null) return { path, ttl: '5m' };
  if (value.ttl !== '5m' && value.ttl !== '1h') return invalid([...path, 'ttl'], "Input should be '5m' or '1h'");
  return { path, ttl: value.ttl };
}
