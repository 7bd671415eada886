/**
 * Request-header checks (auth, version) and the headers every emulated response carries.
 *
 * Sources:
 *  - Auth by `x-api-key: <key>` or `Authorization: Bearer <key>`; the SDK sends Bearer, the docs' curl examples
 *    send x-api-key: REF §2 (SDK:client.ts:752, 1344, 1421; docs: …/api/errors).
 *  - `anthropic-version`: the SDK hard-codes `2026-10-21` (SDK:client.ts:2135); `2023-06-01` is still in the docs'
 *    examples and the versioning page history, which also lists `2023-01-01` (REF §2, docs: …/api/versioning).
 *  - Response headers `request-id`, `anthropic-organization-id`: REF §2 (docs: …/api/errors).
 *
 * Error wording: "x-api-key header is required", "invalid x-api-key" and "anthropic-version: header is required"
 * are the API's words as captured in third-party reports (the docs quote no exact text); the others are the
 * emulator's own, written to name the header at fault so a learner can fix it.
 */
import { apiError, type ApiFailure } from './errors';

export const ACCEPTED_API_VERSIONS: readonly string[] = ['2023-01-01', '2023-06-01', '2026-10-21'];

/** A key the emulator accepts: the shape of real keys (`sk-ant-…`); the secret part is not checked. */
const API_KEY_SHAPE = /^sk-ant-[A-Za-z0-9_-]{4,}$/;

/** Fixed organization id: the emulator is one organization (deterministic across runs). */
export const EMULATOR_ORGANIZATION_ID = '5f8c1e2a-7d3b-4c6e-9a1f-0b2d4e6f8a10';

export interface Credentials {
  scheme: 'x-api-key' | 'bearer';
  key: string;
}

/** Finds the credential or says why there is none usable. */
export function readCredentials(headers: Headers): Credentials | ApiFailure {
  const apiKey = headers.get('x-api-key');
  const authorization = headers.get('authorization');
  if (apiKey !== null && apiKey.trim() !== '') {
    return API_KEY_SHAPE.test(apiKey.trim())
      ? { scheme: 'x-api-key', key: apiKey.trim() }
      : authFailure('invalid x-api-key');
  }
  if (authorization !== null && authorization.trim() !== '') {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) return authFailure('Authorization header must have the form "Bearer <api key>"');
    return API_KEY_SHAPE.test(match[1]) ? { scheme: 'bearer', key: match[1] } : authFailure('invalid bearer token');
  }
  // The API's exact words (captured in third-party reports, e.g. github.com/stackblitz-labs/bolt.diy/issues/156).
  return authFailure('x-api-key header is required');
}

function authFailure(message: string): ApiFailure {
  return apiError(401, 'authentication_error', message);
}

export function isFailure<T extends object>(value: T | ApiFailure): value is ApiFailure {
  return 'status' in value && 'type' in value && 'message' in value;
}

/** `anthropic-version` is required on every endpoint and must be a known version. */
export function checkApiVersion(headers: Headers): ApiFailure | null {
  const version = headers.get('anthropic-version');
  if (version === null || version.trim() === '') {
    return apiError(400, 'invalid_request_error', 'anthropic-version: header is required');
  }
  if (!ACCEPTED_API_VERSIONS.includes(version.trim())) {
    return apiError(400, 'invalid_request_error',
      `anthropic-version: "${version}" is not a valid version. Accepted: ${ACCEPTED_API_VERSIONS.join(', ')}`);
  }
  return null;
}

/** `anthropic-beta` is a comma-joined list (REF §2); every flag is accepted and echoed nowhere. */
export function readBetaFlags(headers: Headers): string[] {
  return (headers.get('anthropic-beta') ?? '')
    .split(',')
    .map((flag) => flag.trim())
    .filter(Boolean);
}

/** Headers on every response, success or error (REF §2). */
export function baseResponseHeaders(requestId: string): Record<string, string> {
  return { 'request-id': requestId, 'anthropic-organization-id': EMULATOR_ORGANIZATION_ID };
}
