/**
 * Thinking signatures. The real API returns an opaque base64 `signature` with each thinking block
 * and rejects a request whose replayed thinking block was altered. The emulator's signature is a
 * keyed hash (HMAC-SHA-256) over the thinking text, wrapped in base64 that looks like the API's
 * (it starts with "Eq…" like a real one), so an edited or truncated block fails verification.
 * Redacted thinking `data` is a random-looking payload followed by its own MAC.
 */
import { fromBase64, hmacSha256, sha256, toBase64, utf8Bytes } from './hash';

/** The emulator's signing key. Not a secret: it only has to make tampering detectable. */
const KEY = utf8Bytes('claude-playground/emulator/thinking-signature/v1');

/** Leading bytes 0x12 0xA8 encode to "Eq" in base64, like the API's signatures. */
const HEADER_THINKING = [0x12, 0xa8, 0x01];
const HEADER_REDACTED = [0x12, 0xa8, 0x02];
const MAC_LENGTH = 32;
/** Filler so the signature has the API's typical length (a few hundred characters). */
const FILLER_LENGTH = 150;

function expand(seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let block = seed;
  for (let offset = 0; offset < length; offset += 32) {
    block = sha256(block);
    out.set(block.subarray(0, Math.min(32, length - offset)), offset);
  }
  return out;
}

function macOf(kind: number[], payload: Uint8Array): Uint8Array {
  const message = new Uint8Array(kind.length + payload.length);
  message.set(kind);
  message.set(payload, kind.length);
  return hmacSha256(KEY, message);
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

/** Signs the thinking text exactly as it appears in the block (`""` when display is omitted). */
export function signThinking(thinking: string): string {
  const mac = macOf(HEADER_THINKING, utf8Bytes(thinking));
  const bytes = new Uint8Array(HEADER_THINKING.length + MAC_LENGTH + FILLER_LENGTH);
  bytes.set(HEADER_THINKING);
  bytes.set(mac, HEADER_THINKING.length);
  bytes.set(expand(mac, FILLER_LENGTH), HEADER_THINKING.length + MAC_LENGTH);
  return toBase64(bytes);
}

export function verifyThinkingSignature(block: { thinking: string; signature: string }): boolean {
  if (typeof block.thinking !== 'string' || typeof block.signature !== 'string') return false;
  const bytes = fromBase64(block.signature);
  if (!bytes || bytes.length !== HEADER_THINKING.length + MAC_LENGTH + FILLER_LENGTH) return false;
  if (!hasHeader(bytes, HEADER_THINKING)) return false;
  const expected = macOf(HEADER_THINKING, utf8Bytes(block.thinking));
  const mac = bytes.subarray(HEADER_THINKING.length, HEADER_THINKING.length + MAC_LENGTH);
  return sameBytes(mac, expected) && sameBytes(bytes.subarray(HEADER_THINKING.length + MAC_LENGTH), expand(expected, FILLER_LENGTH));
}

/** Opaque `data` for a redacted_thinking block, derived from a seed (deterministic). */
export function createRedactedThinkingData(seed: string): string {
  const payload = expand(utf8Bytes(`redacted:${seed}`), 96);
  const mac = macOf(HEADER_REDACTED, payload);
  const bytes = new Uint8Array(HEADER_REDACTED.length + payload.length + MAC_LENGTH);
  bytes.set(HEADER_REDACTED);
  bytes.set(payload, HEADER_REDACTED.length);
  bytes.set(mac, HEADER_REDACTED.length + payload.length);
  return toBase64(bytes);
}

export function isValidRedactedThinking(data: string): boolean {
  if (typeof data !== 'string') return false;
  const bytes = fromBase64(data);
  if (!bytes || bytes.length <= HEADER_REDACTED.length + MAC_LENGTH || !hasHeader(bytes, HEADER_REDACTED)) return false;
  const payload = bytes.subarray(HEADER_REDACTED.length, bytes.length - MAC_LENGTH);
  return sameBytes(bytes.subarray(bytes.length - MAC_LENGTH), macOf(HEADER_REDACTED, payload));
}
