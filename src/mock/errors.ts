/**
 * Error responses in the API's exact shape, as named constructors (in the spirit of MSW's `HttpResponse.json`).
 *
 * Body: `{"type":"error","error":{"type","message"[,"details"]},"request_id"}`.
 * Source: REF §3 (docs: platform.claude.com/docs/en/api/errors); SDK:resources/shared.ts:461-481 (ErrorResponse,
 * ErrorType); SDK:core/error.ts:45-80 (error.details.error_code).
 */
import type { ErrorType } from '@anthropic-ai/sdk/resources/shared';

/** The SDK's `ErrorType`, plus `request_too_large`, which the docs list for 413 but the SDK union lacks (REF §3). */
export type ApiErrorType = ErrorType | 'request_too_large';

export interface ApiErrorDetails {
  /** Stable machine-readable cause (SDK:core/error.ts:45-59). */
  error_code: string;
  [field: string]: unknown;
}

export interface ApiErrorOptions {
  /** The `request-id` header and the body's `request_id`. */
  requestId: string | null;
  details?: ApiErrorDetails;
  /** Extra response headers (rate-limit headers, `retry-after`, …). */
  headers?: HeadersInit;
}

export interface ApiErrorBody {
  type: 'error';
  error: { type: ApiErrorType; message: string; details?: ApiErrorDetails };
  request_id: string | null;
}

export function apiErrorBody(type: ApiErrorType, message: string, requestId: string | null, details?: ApiErrorDetails): ApiErrorBody {
  return { type: 'error', error: details ? { type, message, details } : { type, message }, request_id: requestId };
}

/**
 * Whether the API would tell clients to retry. The SDK obeys `x-should-retry` over its own status rule
 * (SDK:client.ts:1976-1993, REF §2): we send `true` where the SDK would retry anyway (408, 409, 429, ≥500)
 * and `false` elsewhere, so the header never changes the SDK's decision, it only makes it visible.
 */
export function shouldRetryStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** A JSON error `Response` with the API's body and headers. */
export function apiError(status: number, type: ApiErrorType, message: string, opts: ApiErrorOptions): Response {
  const headers = new Headers(opts.headers);
  headers.set('content-type', 'application/json');
  if (opts.requestId) headers.set('request-id', opts.requestId);
  if (!headers.has('x-should-retry')) headers.set('x-should-retry', String(shouldRetryStatus(status)));
  return new Response(JSON.stringify(apiErrorBody(type, message, opts.requestId, opts.details)), { status, headers });
}

/** 400: format or content problem (REF §3). */
export const invalidRequest = (message: string, opts: ApiErrorOptions) => apiError(400, 'invalid_request_error', message, opts);
/** 401: missing, malformed or unknown key (REF §3). */
export const authenticationError = (message: string, opts: ApiErrorOptions) => apiError(401, 'authentication_error', message, opts);
/** 404: unknown path, model or resource (REF §3). */
export const notFound = (message: string, opts: ApiErrorOptions) => apiError(404, 'not_found_error', message, opts);
/** 413: body over the byte limit (REF §3: Messages and Token Counting 32 MB). */
export const requestTooLarge = (message: string, opts: ApiErrorOptions) => apiError(413, 'request_too_large', message, opts);
/** 429: rate limited; callers add `retry-after` and the rate-limit headers (REF §2, §3). */
export const rateLimited = (message: string, opts: ApiErrorOptions) => apiError(429, 'rate_limit_error', message, opts);
/** 500: internal error (REF §3). */
export const internalError = (message: string, opts: ApiErrorOptions) => apiError(500, 'api_error', message, opts);
/** 529: overloaded across all users (REF §3). */
export const overloaded = (message: string, opts: ApiErrorOptions) => apiError(529, 'overloaded_error', message, opts);

/** Result of a check that either passes or produces the error `Response` to send. */
export interface ApiFailure {
  status: number;
  type: ApiErrorType;
  message: string;
  details?: ApiErrorDetails;
}

export function failureResponse(failure: ApiFailure, opts: ApiErrorOptions): Response {
  return apiError(failure.status, failure.type, failure.message, { ...opts, details: failure.details ?? opts.details });
}
