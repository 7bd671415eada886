import { describe, expect, it } from 'vitest';
import { FULL_SIZE_IMAGE_TOKENS, imageSize, imageTokens } from '../../src/mock/image-size';

const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes, ...new Array(40).fill(0)));
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le24 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];

const png = (w: number, h: number) => b64([0x89, ...ascii('PNG\r\n\x1a\n'), 0, 0, 0, 13, ...ascii('IHDR'), ...be32(w), ...be32(h), 8, 2, 0, 0, 0]);

describe('imageSize', () => {
  it('reads PNG, GIF, JPEG and WebP headers', () => {
    expect(imageSize(png(96, 64))).toEqual({ width: 96, height: 64 });
    expect(imageSize(b64([...ascii('GIF89a'), ...le16(300), ...le16(200)]))).toEqual({ width: 300, height: 200 });
    // JPEG: SOI, an APP0 segment of 16 bytes, then SOF0 with height 480 and width 640.
    const app0 = [0xff, 0xe0, 0, 16, ...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    expect(imageSize(b64([0xff, 0xd8, ...app0, 0xff, 0xc0, 0, 17, 8, 0x01, 0xe0, 0x02, 0x80, 3]))).toEqual({ width: 640, height: 480 });
    expect(imageSize(b64([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBPVP8X'), 10, 0, 0, 0, 0, 0, 0, 0, ...le24(799), ...le24(599)]))).toEqual({ width: 800, height: 600 });
  });

  it('returns null for data it cannot read', () => {
    expect(imageSize('not base64!')).toBeNull();
    expect(imageSize(b64(ascii('hello world')))).toBeNull();
  });
});

describe('imageTokens', () => {
  it('is width × height / 750 for an image that needs no resizing', () => {
    expect(imageTokens({ type: 'base64', data: png(96, 64) })).toBe(Math.ceil((96 * 64) / 750));
    expect(imageTokens({ type: 'base64', data: png(1000, 1000) })).toBe(1334); // the docs' table: ~1334
  });

  it('scales large images down first (long edge 1,568 px, about 1.15 megapixels)', () => {
    const tokens = imageTokens({ type: 'base64', data: png(4000, 3000) });
    expect(tokens).toBeGreaterThan(1400);
    expect(tokens).toBeLessThanOrEqual(1600);
  });

  it('costs a full-size picture for sources the emulator does not download', () => {
    expect(imageTokens({ type: 'url' })).toBe(FULL_SIZE_IMAGE_TOKENS);
  });
});
