/**
 * Thinking-block binding (MD §5 rules 13-15 [TH; PT; TT; ER]): each thinking block is bound to the model that wrote
 * it and to the conversation before it — the `system` prompt, the `tools`, and every earlier message and block,
 * thinking blocks included. A replayed block is checked against the request it comes back in:
 *  - its signature no longer matches its text (an edited block) → 400 E-modified in the latest assistant turn,
 *    "Invalid `signature` in `thinking` block" elsewhere (a tampered signature [PT; TT]);
 *  - written by a model the requested model does not read → dropped silently (rule 14);
 *  - on a model that runs the prefix check, the conversation before it differs from the one it was made in (an
 *    edit of system/tools/earlier messages, or a thinking block left out, put back or moved) → 400 E-prefix, or
 *    dropped with `thinking.block_binding.prefix_mismatch_behavior: "drop_block"` (rule 15).
 *
 * Account binding (MD §5 rule 16: Sonnet 5.5 and Haiku 5.5 drop blocks made in another, unlinked organization) never
 * applies here: every emulator key belongs to the one emulator organization (headers.ts `EMULATOR_ORGANIZATION_ID`),
 * and a block signed by the real API fails the signature check instead.
 * Accounts count as created after 2026-08-31, so an unset `prefix_mismatch_behavior` is "error" (validate/thinking.ts).
 *
 * What is NOT part of the prefix, so changing it is not an edit [PT]: `output_config` (effort, format),
 * `max_tokens`, `tool_choice`, `metadata`, `thinking`, and every `cache_control`. Output-only fields a client may
 * or may not echo back (`citations: null`, a tool_use's `caller`, the SDK's `parsed_output`) are ignored too, and a
 * string `content` equals one text block, so passing a reply back as received never counts as an edit.
 */
import type { ContentBlock } from '@anthropic-ai/sdk/resources/messages/messages';
import { sha256, utf8Bytes } from './hash';
import { PREFIX_DIGEST_LENGTH, SYSTEM_DIGEST_LENGTH, TOOLS_DIGEST_LENGTH, type ThinkingBinding } from './signature';

/** Keys that never make two prompts differ for binding purposes (see the file comment). */
const IGNORED_KEYS = new Set(['cache_control', 'caller', 'parsed_output']);

/** Canonical JSON for binding: sorted keys, ignored keys and null/undefined values dropped. */
export function bindingJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(bindingJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => !IGNORED_KEYS.has(key) && v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${bindingJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A block as it counts in a prefix: a thinking block by its signature (its text may be omitted or ignored). */
function blockKey(block: unknown): string {
  if (block && typeof block === 'object' && (block as { type?: unknown }).type === 'thinking') {
    return bindingJson({ type: 'thinking', signature: (block as { signature?: unknown }).signature });
  }
  return bindingJson(block);
}

function asBlocks(content: unknown): unknown[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? content : [];
}

function digest(text: string, length: number): Uint8Array {
  return sha256(utf8Bytes(text)).subarray(0, length);
}

/** The conversation so far, as a running digest that each message and block extends. */
export class ConversationChain {
  readonly system: Uint8Array;
  readonly tools: Uint8Array;
  private state: Uint8Array;
  private role: 'user' | 'assistant' | null = null;

  constructor(system: unknown, tools: unknown) {
    this.system = digest(`system:${bindingJson(system === undefined || system === null ? [] : asBlocks(system))}`, SYSTEM_DIGEST_LENGTH);
    this.tools = digest(`tools:${bindingJson(Array.isArray(tools) ? tools : [])}`, TOOLS_DIGEST_LENGTH);
    this.state = sha256(utf8Bytes('conversation'));
  }

  private mix(text: string): void {
    const bytes = utf8Bytes(text);
    const next = new Uint8Array(this.state.length + bytes.length);
    next.set(this.state);
    next.set(bytes, this.state.length);
    this.state = sha256(next);
  }

  /**
   * A user or assistant message starts a new turn only when the role changes: consecutive same-role messages are
   * one turn (SDK:resources/messages/messages.ts:7665-7666), so splitting a turn differently is not an edit.
   */
  beginMessage(role: 'user' | 'assistant'): void {
    if (role !== this.role) this.mix(`turn:${role}`);
    this.role = role;
  }

  /** A mid-conversation `role: "system"` message is part of the prefix, but neither ends nor splits a turn. */
  addSystemMessage(content: unknown): void {
    this.mix(`system-message:${bindingJson(asBlocks(content))}`);
  }

  addBlock(block: unknown): void {
    this.mix(`block:${blockKey(block)}`);
  }

  /** What a thinking block written at this point is bound to. */
  binding(model: string, omitted: boolean): ThinkingBinding {
    return { model, system: this.system, tools: this.tools, prefix: this.state.subarray(0, PREFIX_DIGEST_LENGTH), omitted };
  }

  /** Whether `binding` was made at this point of this conversation; if not, what changed (for the 400's last sentence). */
  compare(binding: ThinkingBinding): 'same' | 'system' | 'tools' | 'messages' {
    if (!sameBytes(binding.system, this.system)) return 'system';
    if (!sameBytes(binding.tools, this.tools)) return 'tools';
    return sameBytes(binding.prefix, this.state.subarray(0, PREFIX_DIGEST_LENGTH)) ? 'same' : 'messages';
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/** The chain after every message of a request: where a reply's blocks continue from. */
export function chainAfterRequest(params: { system?: unknown; tools?: unknown; messages: readonly unknown[] }): ConversationChain {
  const chain = new ConversationChain(params.system, params.tools);
  for (const message of params.messages) {
    if (!message || typeof message !== 'object') continue;
    const { role, content } = message as { role?: unknown; content?: unknown };
    if (role === 'system') {
      chain.addSystemMessage(content);
      continue;
    }
    if (role !== 'user' && role !== 'assistant') continue;
    chain.beginMessage(role);
    for (const block of asBlocks(content)) chain.addBlock(block);
  }
  return chain;
}

/**
 * Signs a reply's thinking blocks in place: each is bound to the request's conversation plus the reply's blocks
 * before it. `sign` receives the binding and returns the signature.
 */
export function bindReplyBlocks(
  params: { system?: unknown; tools?: unknown; messages: readonly unknown[] },
  blocks: ContentBlock[],
  sign: (block: Extract<ContentBlock, { type: 'thinking' }>, chain: ConversationChain) => string,
): void {
  const chain = chainAfterRequest(params);
  chain.beginMessage('assistant');
  for (const block of blocks) {
    if (block.type === 'thinking') block.signature = sign(block, chain);
    chain.addBlock(block);
  }
}
