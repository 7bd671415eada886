/**
 * Base64 image and PDF payloads: the API decodes them, so data that is not base64, not an image, or an image of
 * another type than `media_type` says is a 400, not a reply (the emulator cannot look at the picture, but it can
 * tell a PNG from a JPEG by its first bytes).
 *
 * Sources: accepted image types `image/jpeg|png|gif|webp` (SDK:resources/messages/messages.ts Base64ImageSource;
 * REF §4); PDFs as `application/pdf` (SDK Base64PDFSource). The mismatch wording "The image was specified using
 * the image/jpeg media type, but the image appears to be a image/png image" follows reports of real responses
 * (third-party, unverified like the other texts in REF §9); "Could not process image" and "The PDF specified was
 * not valid." likewise. The signatures are the formats' own magic numbers.
 */
import type { ApiFailure } from '../errors';
import { invalid, type Path } from './util';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The first bytes of base64 `data`, or null when `data` is not base64 (a `data:` URL prefix included). */
export function decodeBase64Head(data: string, byteCount: number): Uint8Array | null {
  if (!BASE64.test(data) || data.length % 4 === 1) return null;
  const head = data.slice(0, Math.ceil(byteCount / 3) * 4).replace(/=+$/, '');
  const padded = head + '='.repeat((4 - (head.length % 4)) % 4);
  try {
    const text = atob(padded);
    return Uint8Array.from(text, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0) =>
  prefix.every((value, index) => bytes[offset + index] === value);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The image type the bytes actually are, by magic number. */
export function sniffImageType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

export function checkBase64Image(sourcePath: Path, mediaType: string, data: string): ApiFailure | null {
  const head = decodeBase64Head(data, 12);
  if (!head) return invalid([...sourcePath, 'data'], 'The image data is not valid base64 (send the bytes only, without a `data:` URL prefix).');
  const actual = sniffImageType(head);
  if (!actual) return invalid(sourcePath, 'Could not process image');
  if (actual !== mediaType) {
    return invalid(sourcePath, `The image was specified using the ${mediaType} media type, but the image appears to be a ${actual} image`);
  }
  return null;
}

/** A PDF starts with `%PDF-` (allowed anywhere in its first 1024 bytes by the PDF format). */
export function checkBase64Pdf(sourcePath: Path, data: string): ApiFailure | null {
  const head = decodeBase64Head(data, 1024);
  if (!head) return invalid([...sourcePath, 'data'], 'The PDF data is not valid base64 (send the bytes only, without a `data:` URL prefix).');
  const marker = ascii('%PDF-');
  for (let offset = 0; offset + marker.length <= head.length; offset++) {
    if (startsWith(head, marker, offset)) return null;
  }
  return invalid(sourcePath, 'The PDF specified was not valid.');
}
