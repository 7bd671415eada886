import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256, toHex, utf8Bytes } from '../../src/mock/hash';
import {
  createRedactedThinkingData,
  isValidRedactedThinking,
  readThinkingSignature,
  signThinking,
  verifyThinkingSignature,
  type ThinkingBinding,
} from '../../src/mock/signature';

const bytes = (fill: number, length: number) => new Uint8Array(length).fill(fill);
const binding = (overrides: Partial<ThinkingBinding> = {}): ThinkingBinding => ({
  model: 'claude-sonnet-5-5', system: bytes(1, 8), tools: bytes(2, 8), prefix: bytes(3, 16), omitted: false, ...overrides,
});

describe('hash primitives (known answers)', () => {
  it('SHA-256 of "abc" and of the empty string', () => {
    expect(toHex(sha256(utf8Bytes('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(utf8Bytes('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('HMAC-SHA-256 (RFC 4231 test case 2)', () => {
    expect(toHex(hmacSha256(utf8Bytes('Jefe'), utf8Bytes('what do ya want for nothing?')))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('thinking signatures', () => {
  const thinking = 'The user asks for 17 × 23.\n17 × 20 + 17 × 3 = 340 + 51 = 391';

  it('looks like an API signature: long base64 starting with "Eq"', () => {
    const signature = signThinking(thinking, binding());
    expect(signature).toMatch(/^Eq[A-Za-z0-9+/]+={0,2}$/);
    expect(signature.length).toBeGreaterThan(200);
    expect(signThinking(thinking, binding())).toBe(signature);
  });

  it('verifies the untouched block and rejects any edit', () => {
    const signature = signThinking(thinking, binding());
    expect(verifyThinkingSignature({ thinking, signature })).toBe(true);
    expect(verifyThinkingSignature({ thinking: thinking.replace('391', '392'), signature })).toBe(false);
    expect(verifyThinkingSignature({ thinking: `${thinking} `, signature })).toBe(false);
    expect(verifyThinkingSignature({ thinking: '', signature })).toBe(false);
  });

  it('rejects forged or damaged signatures', () => {
    const signature = signThinking(thinking, binding());
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    expect(verifyThinkingSignature({ thinking, signature: flipped })).toBe(false);
    expect(verifyThinkingSignature({ thinking, signature: signature.slice(0, -4) })).toBe(false);
    expect(verifyThinkingSignature({ thinking, signature: 'not base64!' })).toBe(false);
    expect(verifyThinkingSignature({ thinking, signature: '' })).toBe(false);
  });

  it('signs the empty text of an omitted block, and ignores text written into it later', () => {
    const signature = signThinking('', binding({ omitted: true }));
    expect(verifyThinkingSignature({ thinking: '', signature })).toBe(true);
    // "Text placed in the empty thinking field of an omitted block is ignored rather than rejected" [TH].
    expect(verifyThinkingSignature({ thinking: 'my own notes', signature })).toBe(true);
    expect(verifyThinkingSignature({ thinking: 'x', signature: signThinking('', binding()) })).toBe(false);
  });

  it('carries the model and the conversation digests it was bound to, sealed by the MAC', () => {
    const signature = signThinking(thinking, binding({ model: 'claude-opus-5-5', prefix: bytes(9, 16) }));
    const read = readThinkingSignature({ thinking, signature })!;
    expect(read.model).toBe('claude-opus-5-5');
    expect([...read.prefix]).toEqual([...bytes(9, 16)]);
    expect([...read.system]).toEqual([...bytes(1, 8)]);
    expect(signThinking(thinking, binding({ model: 'claude-haiku-5-5' }))).not.toBe(signThinking(thinking, binding()));
    // Rewriting the prefix digest inside the signature breaks the MAC.
    const raw = Buffer.from(signature, 'base64');
    raw[3 + 2 + 4 + 8 + 8] ^= 0xff;
    expect(readThinkingSignature({ thinking, signature: raw.toString('base64') })).toBeNull();
  });
});

describe('redacted thinking', () => {
  it('accepts data it created and rejects anything else', () => {
    const data = createRedactedThinkingData('seed');
    expect(isValidRedactedThinking(data)).toBe(true);
    expect(isValidRedactedThinking(data.slice(0, 20) + (data[20] === 'x' ? 'y' : 'x') + data.slice(21))).toBe(false);
    expect(isValidRedactedThinking(signThinking('x', binding()))).toBe(false);
    expect(isValidRedactedThinking('')).toBe(false);
  });
});
