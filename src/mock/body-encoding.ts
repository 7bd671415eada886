/**
 * Compressed request bodies (`Content-Encoding`). The API accepts them: the SDK's error classes name the three
 * ways it can fail — 400 `request_body_encoding_unsupported` ("The request's `Content-Encoding` is not supported"),
 * 400 `request_body_encoding_invalid` ("The request body is not valid for its `Content-Encoding`") and 413
 * `request_body_too_large_after_decoding` ("The compressed request body exceeds the request size limit once
 * decoded") (SDK:resources/shared.ts:115-186, 617-633; REF §3), and clients send gzip bodies to api.anthropic.com
 * (third-party: docs.rs synaps-engine RequestCompressionMode).
 *
 * Which codings the API supports is not documented: the emulator decodes `gzip` (and `x-gzip`) and `deflate`, the
 * codings every browser's `DecompressionStream` knows, and calls any other one unsupported. Error wording is the
 * emulator's own; `details.error_code` is the API's, so the SDK raises its specific error classes.
 */
import { readStreamWithinLimit } from './body-limit';
import { apiError, type ApiErrorType, type ApiFailure } from './errors';

export type DecodedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; failure: ApiFailure };

const FORMATS: Record<string, CompressionFormat> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate' };

/** The codings listed in a `Content-Encoding` header, in the order they were applied; none for identity. */
export function contentCodings(header: string | null): string[] {
  return (header ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
}

/** Undoes every coding (last applied first), stopping once the decoded size passes `limit`. */
export async function decodeBody(bytes: Uint8Array<ArrayBuffer>, codings: readonly string[], limit: number): Promise<DecodedBody> {
  let current = bytes;
  for (const coding of [...codings].reverse()) {
    const format = Object.hasOwn(FORMATS, coding) ? FORMATS[coding] : undefined;
    if (!format) {
      return encodingFailure(
        400,
        'invalid_request_error',
        `Content-Encoding "${coding}" is not supported; send the body uncompressed or with gzip or deflate.`,
        'request_body_encoding_unsupported',
      );
    }
    let decoded;
    try {
      decoded = await readStreamWithinLimit(new Blob([current]).stream().pipeThrough(new DecompressionStream(format)), limit);
    } catch {
      return encodingFailure(
        400,
        'invalid_request_error',
        `The request body is not valid ${coding} data, as its Content-Encoding header says it is.`,
        'request_body_encoding_invalid',
      );
    }
    if (!decoded.ok) {
      return encodingFailure(
        413,
        'request_too_large',
        `Request exceeds the maximum allowed number of bytes (${limit}) once decoded.`,
        'request_body_too_large_after_decoding',
      );
    }
    current = decoded.bytes;
  }
  return { ok: true, bytes: current };
}

function encodingFailure(status: number, type: ApiErrorType, message: string, errorCode: string): DecodedBody {
  return { ok: false, failure: apiError(status, type, message, { error_code: errorCode }) };
}
