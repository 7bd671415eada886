/**
 * What an image costs in input tokens, from its pixel size: "tokens = (width px * height px)/750" for an image
 * that needs no resizing, and one whose long edge is over 1,568 px (or that is over ~1,600 tokens, about
 * 1.15 megapixels) is first scaled down, keeping its aspect ratio, until it fits.
 * Source: docs: platform.claude.com/docs/en/build-with-claude/vision ("Evaluate image size", "Calculate image
 * costs"). The size is read from the file header of base64 data (PNG, GIF, JPEG, WebP); a URL or file source,
 * which the emulator never downloads, costs the docs' figure for a full-size picture (~1,600 tokens).
 */
import { decodeBase64Head } from './validate/media';

export const FULL_SIZE_IMAGE_TOKENS = 1600;
const MAX_LONG_EDGE = 1568;
const MAX_PIXELS = 1_150_000;

export interface ImageSize {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
const text = (b: Uint8Array, at: number, length: number) => String.fromCharCode(...b.subarray(at, at + length));

function jpegSize(bytes: Uint8Array): ImageSize | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(bytes, at + 5), width: u16be(bytes, at + 7) };
    }
    at += 2 + u16be(bytes, at + 2);
  }
  return null;
}

/** The pixel size in the header of base64 image data, or null when it cannot be read. */
export function imageSize(base64: string): ImageSize | null {
  // JPEG headers may carry metadata before the frame header; 64 KB covers ordinary EXIF blocks.
  const bytes = decodeBase64Head(base64, 65_536);
  if (!bytes || bytes.length < 30) return null;
  if (text(bytes, 1, 3) === 'PNG') return { width: u32be(bytes, 16), height: u32be(bytes, 20) };
  if (text(bytes, 0, 4) === 'GIF8') return { width: u16le(bytes, 6), height: u16le(bytes, 8) };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  if (text(bytes, 0, 4) === 'RIFF' && text(bytes, 8, 4) === 'WEBP') {
    const chunk = text(bytes, 12, 4);
    if (chunk === 'VP8X') return { width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
    if (chunk === 'VP8 ') return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = bytes[21]! | (bytes[22]! << 8) | (bytes[23]! << 16) | (bytes[24]! << 24);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
  }
  return null;
}

/** Input tokens of an image block's source. */
export function imageTokens(source: { type: string; data?: unknown }): number {
  const size = source.type === 'base64' && typeof source.data === 'string' ? imageSize(source.data) : null;
  if (!size || size.width <= 0 || size.height <= 0) return FULL_SIZE_IMAGE_TOKENS;
  const scale = Math.min(1, MAX_LONG_EDGE / Math.max(size.width, size.height), Math.sqrt(MAX_PIXELS / (size.width * size.height)));
  const width = Math.max(1, Math.round(size.width * scale));
  const height = Math.max(1, Math.round(size.height * scale));
  return Math.ceil((width * height) / 750);
}
