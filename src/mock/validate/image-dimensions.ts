/**
 * Image size limit, with the API's machine-readable details: an image wider or taller than the limit is a 400
 * `invalid_request_error` with `details: {error_code: "image_dimensions_too_large", max_side_length_pixels, paths}`
 * (SDK:resources/messages/messages.ts:4968-4983; SDK:core/error-classes.ts `400 image_dimensions_too_large`), so
 * the SDK raises `ImageDimensionsTooLargeError` and `err.errorCode` names the cause. `paths` lists every image over
 * the limit, nested `tool_result` images included (`messages.0.content.1.content.0`).
 *
 * The limit: "The maximal dimensions per image are 8000x8000 px. If you submit more than 20 images in one API request,
 * this limit is reduced to 2000x2000 px" (docs: platform.claude.com/docs/en/build-with-claude/vision, "General
 * limits"). The message text is the one reported from real responses ("At least one of the image dimensions exceed
 * max allowed size: 8000 pixels"; third-party, unverified).
 * Dimensions are read from the image headers (PNG IHDR, GIF screen descriptor, WebP VP8/VP8L/VP8X, JPEG SOF);
 * an image whose header the emulator cannot read is not size-checked.
 */
import type { ApiFailure } from '../errors';
import { decodeBase64Head } from './media';
import { contentBlocks, isObject, type RuleContext } from './util';

const MAX_SIDE = 8000;
const MAX_SIDE_MANY_IMAGES = 2000;
const MANY_IMAGES = 20;
/** How much of a JPEG to read looking for its frame header (EXIF data can come first). */
const JPEG_HEAD_BYTES = 256 * 1024;

export function imageDimensions(data: string, mediaType: string): { width: number; height: number } | null {
  const head = decodeBase64Head(data, mediaType === 'image/jpeg' ? JPEG_HEAD_BYTES : 64);
  if (!head) return null;
  const u16be = (offset: number) => (head[offset]! << 8) | head[offset + 1]!;
  const u16le = (offset: number) => head[offset]! | (head[offset + 1]! << 8);
  const u24le = (offset: number) => head[offset]! | (head[offset + 1]! << 8) | (head[offset + 2]! << 16);
  const u32be = (offset: number) => ((head[offset]! << 24) >>> 0) + (head[offset + 1]! << 16) + (head[offset + 2]! << 8) + head[offset + 3]!;
  switch (mediaType) {
    case 'image/png':
      return head.length >= 24 ? { width: u32be(16), height: u32be(20) } : null;
    case 'image/gif':
      return head.length >= 10 ? { width: u16le(6), height: u16le(8) } : null;
    case 'image/webp': {
      if (head.length < 30) return null;
      const chunk = String.fromCharCode(head[12]!, head[13]!, head[14]!, head[15]!);
      if (chunk === 'VP8X') return { width: u24le(24) + 1, height: u24le(27) + 1 };
      if (chunk === 'VP8L') {
        const bits = head[21]! | (head[22]! << 8) | (head[23]! << 16) | (head[24]! << 24);
        return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      }
      if (chunk === 'VP8 ') return { width: u16le(26) & 0x3fff, height: u16le(28) & 0x3fff };
      return null;
    }
    case 'image/jpeg': {
      let offset = 2;
      while (offset + 9 < head.length) {
        if (head[offset] !== 0xff) return null;
        const marker = head[offset + 1]!;
        if (marker === 0xff) {
          offset += 1;
          continue;
        }
        const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
        if (isFrame) return { height: u16be(offset + 5), width: u16be(offset + 7) };
        offset += 2 + u16be(offset + 2);
      }
      return null;
    }
    default:
      return null;
  }
}

interface FoundImage {
  path: string;
  data: string;
  mediaType: string;
}

function collectImages(blocks: readonly unknown[], path: string, into: FoundImage[]): void {
  for (const [index, block] of blocks.entries()) {
    if (!isObject(block)) continue;
    const here = `${path}.${index}`;
    if (block.type === 'image' && isObject(block.source) && block.source.type === 'base64'
      && typeof block.source.data === 'string' && typeof block.source.media_type === 'string') {
      into.push({ path: here, data: block.source.data, mediaType: block.source.media_type });
    }
    if (block.type === 'tool_result' && Array.isArray(block.content)) collectImages(block.content, `${here}.content`, into);
  }
}

export function checkImageDimensions(ctx: RuleContext): ApiFailure | null {
  const images: FoundImage[] = [];
  for (const [index, message] of (ctx.body.messages as unknown[]).entries()) {
    if (isObject(message)) collectImages(contentBlocks(message.content), `messages.${index}.content`, images);
  }
  if (images.length === 0) return null;
  const limit = images.length > MANY_IMAGES ? MAX_SIDE_MANY_IMAGES : MAX_SIDE;
  const paths = images.filter((image) => {
    const size = imageDimensions(image.data, image.mediaType);
    return size !== null && (size.width > limit || size.height > limit);
  }).map((image) => image.path);
  if (paths.length === 0) return null;
  return {
    status: 400,
    type: 'invalid_request_error',
    message: `At least one of the image dimensions exceed max allowed size: ${limit} pixels`,
    details: { error_code: 'image_dimensions_too_large', max_side_length_pixels: limit, paths },
  };
}
