/**
 * Thinking signatures. The real API returns an opaque base64 `signature` with each thinking block; it binds the block
 * to the model that wrote it and to the conversation before it, and the API rejects a replayed block that was
 * altered (MD §5 rules 13-15 [TH; PT; ER]). The emulator's signature carries the same bindings in the clear and seals
 * them with a keyed hash (HMAC-SHA-256), wrapped in base64 that looks like the API's (it starts with "Eq…"):
 *
 *   header(3) | version(1) | flags(1) | model tag(4) | system digest(8) | tools digest(8) | prefix digest(16) | MAC(32) | filler
 *
 * The MAC covers every field and the thinking text, so an edited block or a forged binding fails verification.
 * Under `display: "omitted"` the text is "" and the MAC covers "", so text a client writes into the empty field is
 * ignored rather than rejected, as documented ("is ignored rather than rejected" [TH], MD §5 rule 13).
 * Redacted thinking `data` is a random-looking payload followed by its own MAC.
 */
import { fromBase64, hmacSha256, sha256, toBase64, utf8Bytes } from './hash';
import { knownModelIds } from './models';

/** The emulator's signing key. Not a secret: it only has to make tampering detectable. */
const KEY = utf8Bytes('claude-playground/emulator/thinking-signature/v2');

/** Leading bytes 0x12 0xA8 encode to "Eq" in base64, like the API's signatures. */
const HEADER_THINKING = [0x12, 0xa8, 0x01];
const HEADER_REDACTED = [0x12, 0xa8, 0x02];
const VERSION = 2;
const FLAG_OMITTED = 0x01;
const MAC_LENGTH = 32;
/** Filler so the signature has the API's typical length (a few hundred characters). */
const FILLER_LENGTH = 120;

export const SYSTEM_DIGEST_LENGTH = 8;
export const TOOLS_DIGEST_LENGTH = 8;
export const PREFIX_DIGEST_LENGTH = 16;
const MODEL_TAG_LENGTH = 4;
const BINDING_LENGTH = 1 + 1 + MODEL_TAG_LENGTH + SYSTEM_DIGEST_LENGTH + TOOLS_DIGEST_LENGTH + PREFIX_DIGEST_LENGTH;
const SIGNATURE_LENGTH = HEADER_THINKING.length + BINDING_LENGTH + MAC_LENGTH + FILLER_LENGTH;

/** What a signature binds a thinking block to. */
export interface ThinkingBinding {
  /** Canonical id of the model that wrote the block. */
  model: string;
  /** Digests of the conversation before the block (thinking-binding.ts computes them). */
  system: Uint8Array;
  tools: Uint8Array;
  prefix: Uint8Array;
  /** The block was returned with `display: "omitted"` (its text is ""). */
  omitted: boolean;
}

const modelTag = (id: string) => sha256(utf8Bytes(`model:${id}`)).subarray(0, MODEL_TAG_LENGTH);
const MODEL_BY_TAG = new Map(knownModelIds().map((id) => [Array.from(modelTag(id)).join(','), id]));

function expand(seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let block = seed;
  for (let offset = 0; offset < length; offset += 32) {
    block = sha256(block);
    out.set(block.subarray(0, Math.min(32, length - offset)), offset);
  }
  return out;
}

function concat(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

function hasHeader(bytes: Uint8Array, header: number[]): boolean {
  return header.every((byte, i) => bytes[i] === byte);
}

function fit(bytes: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  out.set(bytes.subarray(0, length));
  return out;
}

/** Signs a thinking block's text (`""` when display is omitted) together with its binding. */
export function signThinking(thinking: string, binding: ThinkingBinding): string {
  const fields = concat(
    [VERSION, binding.omitted ? FLAG_OMITTED : 0],
    modelTag(binding.model),
    fit(binding.system, SYSTEM_DIGEST_LENGTH),
    fit(binding.tools, TOOLS_DIGEST_LENGTH),
    fit(binding.prefix, PREFIX_DIGEST_LENGTH),
  );
  const signed = concat(HEADER_THINKING, fields);
  const mac = hmacSha256(KEY, concat(signed, utf8Bytes(binding.omitted ? '' : thinking)));
  return toBase64(concat(signed, mac, expand(mac, FILLER_LENGTH)));
}

/**
 * The binding a thinking block's signature carries, or null when the signature is malformed, forged, or does not
 * match the block's text (an edited block).
 */
export function readThinkingSignature(block: { thinking?: unknown; signature?: unknown }): ThinkingBinding | null {
  if (typeof block.thinking !== 'string' || typeof block.signature !== 'string') return null;
  const bytes = fromBase64(block.signature);
  if (!bytes || bytes.length !== SIGNATURE_LENGTH || !hasHeader(bytes, HEADER_THINKING)) return null;
  let offset = HEADER_THINKING.length;
  const take = (length: number) => bytes.subarray(offset, (offset += length));
  const [version, flags] = take(2);
  if (version !== VERSION) return null;
  const tag = take(MODEL_TAG_LENGTH);
  const system = take(SYSTEM_DIGEST_LENGTH);
  const tools = take(TOOLS_DIGEST_LENGTH);
  const prefix = take(PREFIX_DIGEST_LENGTH);
  const signed = bytes.subarray(0, offset);
  const mac = take(MAC_LENGTH);
  const omitted = ((flags ?? 0) & FLAG_OMITTED) !== 0;
  const expected = hmacSha256(KEY, concat(signed, utf8Bytes(omitted ? '' : block.thinking)));
  if (!sameBytes(mac, expected) || !sameBytes(bytes.subarray(offset), expand(expected, FILLER_LENGTH))) return null;
  const model = MODEL_BY_TAG.get(Array.from(tag).join(','));
  if (!model) return null;
  return { model, system: new Uint8Array(system), tools: new Uint8Array(tools), prefix: new Uint8Array(prefix), omitted };
}

/** Whether a thinking block is exactly as the emulator returned it (its binding is not checked here). */
export function verifyThinkingSignature(block: { thinking: string; signature: string }): boolean {
  return readThinkingSignature(block) !== null;
}

/** Opaque `data` for a redacted_thinking block, derived from a seed (deterministic). */
export function createRedactedThinkingData(seed: string): string {
  const payload = expand(utf8Bytes(`redacted:${seed}`), 96);
  const mac = hmacSha256(KEY, concat(HEADER_REDACTED, payload));
  return toBase64(concat(HEADER_REDACTED, payload, mac));
}

export function isValidRedactedThinking(data: string): boolean {
  if (typeof data !== 'string') return false;
  const bytes = fromBase64(data);
  if (!bytes || bytes.length <= HEADER_REDACTED.length + MAC_LENGTH || !hasHeader(bytes, HEADER_REDACTED)) return false;
  const payload = bytes.subarray(HEADER_REDACTED.length, bytes.length - MAC_LENGTH);
  return sameBytes(bytes.subarray(bytes.length - MAC_LENGTH), hmacSha256(KEY, concat(HEADER_REDACTED, payload)));
}
