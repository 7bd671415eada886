/**
 * API errors: one named constructor, `apiError(status, type, message)`, for every failure the emulator reports, and
 * one renderer, `errorResponse`, that turns a failure into the API's JSON error response (with MSW's `HttpResponse`).
 *
 * Body: `{"type":"error","error":{"type","message"[,"details"]},"request_id"}`.
 * Source: REF §3 (docs: platform.claude.com/docs/en/api/errors); SDK:resources/shared.ts:461-481 (ErrorResponse,
 * ErrorType); SDK:core/error.ts:45-80 (error.details.error_code).
 */
import { HttpResponse } from 'msw';
import type { ErrorType } from '@anthropic-ai/sdk/resources/shared';

/** The SDK's `ErrorType`, plus `request_too_large`, which the docs list for 413 but the SDK union lacks (REF §3). */
export type ApiErrorType = ErrorType | 'request_too_large';

export interface ApiErrorDetails {
  /** Stable machine-readable cause (SDK:core/error.ts:45-59). */
  error_code: string;
  [field: string]: unknown;
}

/** A failure the API would report: the status and the `error` object of its body. */
export interface ApiFailure {
  status: number;
  type: ApiErrorType;
  message: string;
  details?: ApiErrorDetails;
}

/** A result that is either a value or the failure to report. */
export type Outcome<Value> = { ok: true; value: Value } | { ok: false; failure: ApiFailure };

/** The one constructor for API errors. */
export function apiError(status: number, type: ApiErrorType, message: string, details?: ApiErrorDetails): ApiFailure {
  return details ? { status, type, message, details } : { status, type, message };
}

export interface ApiErrorBody {
  type: 'error';
  error: { type: ApiErrorType; message: string; details?: ApiErrorDetails };
  request_id: string | null;
}

export function apiErrorBody(failure: ApiFailure, requestId: string | null): ApiErrorBody {
  const { type, message, details } = failure;
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

/**
 * The JSON error response for a failure. `headers` are the base headers (`request-id`, …) plus any extra ones
 * (rate-limit headers, `retry-after`); the body's `request_id` matches the `request-id` header.
 */
export function errorResponse(failure: ApiFailure, requestId: string | null, headers: HeadersInit = {}): Response {
  const merged = new Headers(headers);
  if (requestId) merged.set('request-id', requestId);
  if (!merged.has('x-should-retry')) merged.set('x-should-retry', String(shouldRetryStatus(failure.status)));
  return HttpResponse.json(apiErrorBody(failure, requestId), { status: failure.status, headers: merged });
}

/** 400 invalid_request_error. */
export const invalidRequest = (message: string): ApiFailure => apiError(400, 'invalid_request_error', message);
/** 404 not_found_error: unknown path, model or resource (REF §3). */
export const notFound = (message: string): ApiFailure => apiError(404, 'not_found_error', message);
/** 500 api_error for a bug in the emulator, in the API's words; JavaScript's own message never reaches the learner. */
export const internalError = (): ApiFailure => apiError(500, 'api_error', 'Internal server error');
