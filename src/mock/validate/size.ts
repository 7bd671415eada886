/**
 * Request size: Messages and Token Counting accept at most 32 MB; larger bodies get 413 `request_too_large`
 * (REF §3, docs: …/api/errors; on the real API Cloudflare answers before the API servers, and whether its body
 * carries a request id is unverified, REF §9 — the emulator answers in the usual error shape).
 */
import { apiError, type ApiFailure } from '../errors';

export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

export function checkRequestSize(byteLength: number, limit: number = MAX_REQUEST_BYTES): ApiFailure | null {
  return byteLength > limit
    ? apiError(413, 'request_too_large', `Request exceeds the maximum allowed number of bytes (${limit}).`)
    : null;
}
