/**
 * The one request pipeline every API route goes through, so each route states only what is its own:
 *
 *   auth → version → fault (queued or attached to the request; latency waits here) → body parse → validate
 *   → the route's answer → JSON, stream or the API's error shape, with the headers every response carries.
 *
 * The byte-size gate (413) and `Content-Encoding` decoding happen once, before routing (`readRequestBody`), because
 * the API decides them in front of its servers, before routing or auth (REF §3, docs: …/api/errors).
 * A bug in a route must not look like a network failure to the learner: it becomes a 500 `api_error` in the API's
 * shape, naming the cause. An aborted request still rejects, as fetch does.
 */
import { HttpResponse, type ResponseResolver } from 'msw';
import { contentCodings, decodeBody } from './body-encoding';
import { readBodyWithinLimit } from './body-limit';
import { apiError, errorResponse, internalError, type ApiFailure, type Outcome } from './errors';
import { httpFaultFor, type FaultScenario } from './faults';
import { baseResponseHeaders, checkApiVersion, isFailure, readCredentials } from './headers';
import { rateLimitMessage } from './rate-limit';
import type { EmulatorRuntime } from './runtime';
import { parseJsonBody } from './validate';
import { checkRequestSize, MAX_REQUEST_BYTES } from './validate/size';

/** What a route's answer sees of its request. */
export interface RouteContext {
  runtime: EmulatorRuntime;
  request: Request;
  requestId: string;
  /** The headers every response carries (`request-id`, organization). */
  headers: Record<string, string>;
  /** Path parameters, already percent-decoded by MSW. */
  params: Record<string, string>;
  /** The fault this request met that the route itself carries out (a `stream_error` on a streaming request). */
  fault: FaultScenario | null;
}

export interface Route<Body> {
  /** Parses the request's JSON into the route's body, or says what is wrong. Routes without a body leave it out. */
  body?: (json: unknown, request: Request) => Outcome<Body>;
  /** Queued faults (`Emulator.inject`) apply to this route: `POST /v1/messages` only. */
  queuedFaults?: boolean;
  answer: (ctx: RouteContext, body: Body) => Response | ApiFailure | Promise<Response | ApiFailure>;
}

/** An MSW resolver running `route` through the pipeline. */
export function handle<Body = undefined>(runtime: EmulatorRuntime, route: Route<Body>): ResponseResolver {
  return async ({ request, params }) => {
    const requestId = runtime.ids.next('req_');
    const headers = baseResponseHeaders(requestId);
    try {
      const answer = await run(runtime, route, { request, requestId, headers, params: stringParams(params) });
      return answer instanceof Response ? answer : errorResponse(answer, requestId, headers);
    } catch (error) {
      if (request.signal.aborted) throw error;
      return errorResponse(internalError(), requestId, headers);
    }
  };
}

async function run<Body>(
  runtime: EmulatorRuntime,
  route: Route<Body>,
  base: Omit<RouteContext, 'runtime' | 'fault'>,
): Promise<Response | ApiFailure> {
  const { request } = base;
  const credentials = readCredentials(request.headers);
  if (isFailure(credentials)) return credentials;
  const version = checkApiVersion(request.headers);
  if (version) return version;

  const fault = runtime.requestFaults.get(request) ?? (route.queuedFaults ? runtime.faults.take() : null);
  if (fault?.kind === 'latency') await runtime.sleep(fault.ms, request.signal);

  let body: Outcome<Body> = { ok: true, value: undefined as Body };
  let wantsStream = false;
  if (route.body) {
    const parsed = parseJsonBody(await request.text());
    wantsStream = parsed.ok && isStreamRequest(parsed.value);
    body = parsed.ok ? route.body(parsed.value, request) : parsed;
  }
  const faultAnswer = fault ? answerFault(runtime, fault, wantsStream, base.headers) : null;
  if (faultAnswer) return faultAnswer;
  if (!body.ok) return body.failure;
  return route.answer({ ...base, runtime, fault }, body.value);
}

function stringParams(params: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (typeof params !== 'object' || params === null) return result;
  for (const [name, value] of Object.entries(params)) if (typeof value === 'string') result[name] = value;
  return result;
}

function isStreamRequest(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { stream?: unknown }).stream === true;
}

/**
 * The response an injected fault produces, or null to answer normally (latency, or a stream_error that will
 * break the stream later). A stream_error meeting a non-streaming request becomes its HTTP equivalent.
 */
function answerFault(
  runtime: EmulatorRuntime,
  fault: FaultScenario,
  wantsStream: boolean,
  headers: Record<string, string>,
): Response | ApiFailure | null {
  if (fault.kind === 'latency') return null;
  if (fault.kind === 'stream_error' && wantsStream) return null;
  if (fault.kind === 'rate_limit') {
    const retryAfter = fault.retryAfterSeconds ?? 1;
    const limits = runtime.rateLimiter.limits;
    const reset = new Date(Math.ceil((runtime.now() + retryAfter * 1000) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    const requestId = headers['request-id'] ?? null;
    return errorResponse(apiError(429, 'rate_limit_error', rateLimitMessage('requests', limits.requestsPerMinute)), requestId, {
      ...headers,
      ...runtime.rateLimiter.headers(),
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': reset,
      'retry-after': String(retryAfter),
    });
  }
  return httpFaultFor(fault);
}

/** A 200 JSON answer with the headers every response carries. */
export function json(ctx: Pick<RouteContext, 'headers'>, body: unknown, extraHeaders: Record<string, string> = {}): Response {
  return HttpResponse.json(body as object, { status: 200, headers: { ...ctx.headers, ...extraHeaders } });
}

/**
 * Reads, size-checks and decodes a request body before routing: the 413 is decided from the byte length alone
 * (body-limit.ts), and a compressed body is decoded here so every route sees plain JSON (body-encoding.ts).
 * Returns the request to route, or the error response to send.
 */
export async function readRequestBody(runtime: EmulatorRuntime, request: Request): Promise<Request | Response> {
  if (request.body === null && !request.headers.has('content-length')) return request;
  const body = await readBodyWithinLimit(request);
  if (!body.ok) return failBeforeRouting(runtime, checkRequestSize(body.byteLength)!);
  const codings = contentCodings(request.headers.get('content-encoding'));
  const decoded = codings.length > 0 ? await decodeBody(body.bytes, codings, MAX_REQUEST_BYTES) : { ok: true as const, bytes: body.bytes };
  if (!decoded.ok) return failBeforeRouting(runtime, decoded.failure);
  const headers = new Headers(request.headers);
  if (codings.length > 0) {
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  return new Request(request.url, {
    method: request.method,
    headers,
    body: decoded.bytes.byteLength > 0 ? decoded.bytes : null,
    signal: request.signal,
  });
}

/** An error answered before any route ran (size, encoding, unknown path), with a fresh request id. */
export function failBeforeRouting(runtime: EmulatorRuntime, failure: ApiFailure): Response {
  const requestId = runtime.ids.next('req_');
  return errorResponse(failure, requestId, baseResponseHeaders(requestId));
}
