import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256, toHex, utf8Bytes } from '../../src/mock/hash';
import { createRedactedThinkingData, isValidRedactedThinking, signThinking, verifyThinkingSignature } from '../../src/mock/signature';

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
    const signature = signThinking(thinking);
    expect(signature).toMatch(/^Eq[A-Za-z0-9+/]+={0,2}$/);
    expect(signature.length).toBeGreaterThan(200);
    expect(signThinking(thinking)).toBe(signature);
  });

  it('verifies the untouched block and rejects any edit', () => {
    const signature = signThinking(thinking);
    expect(verifyThinkingSignature({ thinking, signature })).toBe(true);
    expect(verifyThinkingSignature({ thinking: thinking.replace('391', '392'), signature })).toBe(false);
    expect(verifyThinkingSignature({ thinking: `${thinking} `, signature })).toBe(false);
    expect(verifyThinkingSignature({ thinking: '', signature })).toBe(false);
  });

  it('rejects forged or damaged signatures', () => {
    const signature = signThinking(thinking);
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    expect(verifyThinkingSignature({ thinking, signature: flipped })).toBe(false);
    expect(verifyThinkingSignature({ thinking, signature: signature.slice(0, -4) })).toBe(false);
    expect(verifyThinkingSignature({ thinking, signature: 'not base64!' })).toBe(false);
    expect(verifyThinkingSignature({ thinking, signature: '' })).toBe(false);
  });

  it('signs the empty text of an omitted block', () => {
    expect(verifyThinkingSignature({ thinking: '', signature: signThinking('') })).toBe(true);
  });
});

describe('redacted thinking', () => {
  it('accepts data it created and rejects anything else', () => {
    const data = createRedactedThinkingData('seed');
    expect(isValidRedactedThinking(data)).toBe(true);
    expect(isValidRedactedThinking(data.slice(0, 20) + (data[20] === 'x' ? 'y' : 'x') + data.slice(21))).toBe(false);
    expect(isValidRedactedThinking(signThinking('x'))).toBe(false);
    expect(isValidRedactedThinking('')).toBe(false);
  });
});
