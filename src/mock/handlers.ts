/**
 * The emulator's routes as MSW request handlers. Each resolver is a short pipeline over the pure modules:
 * headers → faults → body → validation → rate limit → cache → generation → JSON or SSE.
 * Message Batches have their own handlers (batch-routes.ts); compressed bodies are decoded before routing (emulator.ts).
 *
 * Streams are returned as a plain `Response` with `content-type: text/event-stream`, because MSW's `sse()` helper
 * only matches GET requests and the Messages API streams the answer to a POST.
 */
import './local-storage-shim';
import { http, type RequestHandler } from 'msw';
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import { API_ORIGIN } from '../anthropic-api';
import { createBatchHandlers } from './batch-routes';
import type { BatchStore } from './batches';
import type { PromptCache } from './cache';
import type { FaultScenario, Pacing } from './emulator';
import { apiError, failureResponse, notFound, rateLimited, type ApiFailure } from './errors';
import { FaultQueue, httpFaultFor, streamFaultFor } from './faults';
import { baseResponseHeaders, checkApiVersion, isFailure, readBetaFlags, readCredentials } from './headers';
import type { IdGenerator } from './ids';
import { listModelsPage } from './model-pages';
import { getModelFacts, toModelInfo } from './models';
import { produceMessage } from './produce-message';
import { RateLimiter, rateLimitMessage } from './rate-limit';
import { createSseBody, messageToStreamEvents } from './stream';
import { countInputTokens } from './tokens';
import { parseJsonBody, validateCountTokensRequest, validateMessagesRequest } from './validate';
import { checkRequestSize } from './validate/size';
import { BINDING_BETA } from './validate/thinking';

/** The mutable state the handlers share with the emulator (replaced wholesale on reset). */
export interface EmulatorRuntime {
  seed: string;
  ids: IdGenerator;
  now: () => number;
  cache: PromptCache;
  rateLimiter: RateLimiter;
  faults: FaultQueue;
  batches: BatchStore;
  pacing: Pacing;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function createHandlers(runtime: EmulatorRuntime): RequestHandler[] {
  return [
    http.post(`${API_ORIGIN}/v1/messages`, ({ request }) => guarded(runtime, request, answerCreateMessage)),
    http.post(`${API_ORIGIN}/v1/messages/count_tokens`, ({ request }) => guarded(runtime, request, answerCountTokens)),
    http.get(`${API_ORIGIN}/v1/models`, ({ request }) => answerListModels(runtime, request)),
    http.get(`${API_ORIGIN}/v1/models/:modelId`, ({ request, params }) =>
      answerRetrieveModel(runtime, request, String(params.modelId))),
    ...createBatchHandlers(runtime, API_ORIGIN),
    // Unknown paths and methods: 404 `not_found_error` in the usual shape, with the headers every response carries
    // (REF §2-3, docs: …/api/errors quotes this 404 body). What the API answers for a known path with another method
    // is unverified, so the emulator treats it as an unknown route too.
    http.all(`${API_ORIGIN}/*`, () => {
      const requestId = runtime.ids.next('req_');
      return notFound('Not Found', { requestId, headers: baseResponseHeaders(requestId) });
    }),
  ];
}

/**
 * A bug in the emulator must not look like a network failure to the learner: it becomes a 500 `api_error` in the
 * API's shape, naming the cause. An aborted request still rejects, as fetch does.
 */
async function guarded(
  runtime: EmulatorRuntime,
  request: Request,
  answer: (runtime: EmulatorRuntime, request: Request) => Promise<Response>,
): Promise<Response> {
  try {
    return await answer(runtime, request);
  } catch (error) {
    if (request.signal.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return apiError(500, 'api_error', `Internal server error (emulator: ${reason})`, { requestId: runtime.ids.next('req_') });
  }
}

/** Auth and version checks shared by every endpoint (headers.ts). */
function checkHeaders(request: Request): ApiFailure | null {
  const credentials = readCredentials(request.headers);
  if (isFailure(credentials)) return credentials;
  return checkApiVersion(request.headers);
}

async function readBody(request: Request): Promise<{ text: string; byteLength: number }> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  return { text: new TextDecoder().decode(bytes), byteLength: bytes.byteLength };
}

function jsonResponse(body: unknown, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
}

async function answerCreateMessage(runtime: EmulatorRuntime, request: Request): Promise<Response> {
  const requestId = runtime.ids.next('req_');
  const base = baseResponseHeaders(requestId);
  const headerFailure = checkHeaders(request);
  if (headerFailure) return failureResponse(headerFailure, { requestId, headers: base });

  const fault = runtime.faults.take();
  if (fault?.kind === 'latency') await runtime.sleep(fault.ms, request.signal);
  const { text, byteLength } = await readBody(request);
  const faultResponse = fault ? faultResponseFor(runtime, fault, text, requestId, base) : null;
  if (faultResponse) return faultResponse;

  const tooLarge = checkRequestSize(byteLength);
  if (tooLarge) return failureResponse(tooLarge, { requestId, headers: base });
  const parsed = parseJsonBody(text);
  if (!parsed.ok) return failureResponse(parsed.failure, { requestId, headers: base });
  const betas = readBetaFlags(request.headers);
  const validation = validateMessagesRequest(parsed.value, { byteLength, betas });
  if (!validation.ok) return failureResponse(validation.failure, { requestId, headers: base });
  const { params, model } = validation;

  const promptTokens = countInputTokens(params);
  if (promptTokens > model.max_input_tokens) {
    return apiError(400, 'invalid_request_error', `prompt is too long: ${promptTokens} tokens > ${model.max_input_tokens} maximum`,
      { requestId, headers: base });
  }

  const admission = runtime.rateLimiter.admit();
  if (!admission.admitted) {
    return rateLimited(rateLimitMessage(admission.resource, admission.limit), {
      requestId,
      headers: { ...base, ...admission.headers, 'retry-after': String(admission.retryAfterSeconds) },
    });
  }

  const message: Message = produceMessage(runtime, params, model);
  // With the binding beta, every reply reports the blocks removed before the model saw them, `[]` when none; when
  // streaming, the array rides on message_start (SDK:resources/beta/messages/messages.ts:6180-6191).
  if (betas.includes(BINDING_BETA)) Object.assign(message, { input_transformations: validation.inputTransformations });
  runtime.rateLimiter.record(
    message.usage.input_tokens + (message.usage.cache_creation_input_tokens ?? 0), message.usage.output_tokens);
  const headers = { ...base, ...runtime.rateLimiter.headers() };

  if (params.stream === true) {
    const streamFault = fault?.kind === 'stream_error' ? streamFaultFor(fault) : undefined;
    const body = createSseBody(messageToStreamEvents(message), {
      pacing: runtime.pacing,
      sleep: runtime.sleep,
      signal: request.signal,
      ...(streamFault ?? {}),
    });
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
    });
  }
  await waitLikeGeneration(runtime, message.usage.output_tokens, request.signal);
  return jsonResponse(message, headers);
}

/** A non-streaming answer arrives only once the whole reply is generated (realistic pacing; capped for lessons). */
async function waitLikeGeneration(runtime: EmulatorRuntime, outputTokens: number, signal: AbortSignal): Promise<void> {
  if (runtime.pacing === 'instant') return;
  const ms = runtime.pacing.timeToFirstTokenMs + (outputTokens / Math.max(1, runtime.pacing.tokensPerSecond)) * 1000;
  await runtime.sleep(Math.min(ms, 8_000), signal);
}

/**
 * The response an injected fault produces, or null to answer normally (latency, or a stream_error that will
 * break the stream later). A stream_error meeting a non-streaming request becomes its HTTP equivalent.
 */
function faultResponseFor(
  runtime: EmulatorRuntime,
  fault: FaultScenario,
  bodyText: string,
  requestId: string,
  base: Record<string, string>,
): Response | null {
  if (fault.kind === 'latency') return null;
  if (fault.kind === 'stream_error' && requestsStream(bodyText)) return null;
  if (fault.kind === 'rate_limit') {
    const retryAfter = fault.retryAfterSeconds ?? 1;
    const limits = runtime.rateLimiter.limits;
    const reset = new Date(Math.ceil((runtime.now() + retryAfter * 1000) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    return rateLimited(rateLimitMessage('requests', limits.requestsPerMinute), {
      requestId,
      headers: {
        ...base,
        ...runtime.rateLimiter.headers(),
        'anthropic-ratelimit-requests-remaining': '0',
        'anthropic-ratelimit-requests-reset': reset,
        'retry-after': String(retryAfter),
      },
    });
  }
  const httpFault = httpFaultFor(fault);
  return httpFault
    ? apiError(httpFault.status, httpFault.type, httpFault.message, { requestId, headers: base, ...(httpFault.details ? { details: httpFault.details } : {}) })
    : null;
}

function requestsStream(bodyText: string): boolean {
  const parsed = parseJsonBody(bodyText);
  return parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && (parsed.value as { stream?: unknown }).stream === true;
}

async function answerCountTokens(runtime: EmulatorRuntime, request: Request): Promise<Response> {
  const requestId = runtime.ids.next('req_');
  const base = baseResponseHeaders(requestId);
  const headerFailure = checkHeaders(request);
  if (headerFailure) return failureResponse(headerFailure, { requestId, headers: base });
  const { text, byteLength } = await readBody(request);
  const tooLarge = checkRequestSize(byteLength);
  if (tooLarge) return failureResponse(tooLarge, { requestId, headers: base });
  const parsed = parseJsonBody(text);
  if (!parsed.ok) return failureResponse(parsed.failure, { requestId, headers: base });
  const validation = validateCountTokensRequest(parsed.value, { byteLength, betas: readBetaFlags(request.headers) });
  if (!validation.ok) return failureResponse(validation.failure, { requestId, headers: base });
  return jsonResponse({ input_tokens: countInputTokens(validation.params) }, base);
}

/** `GET /v1/models` (paging in model-pages.ts). */
function answerListModels(runtime: EmulatorRuntime, request: Request): Response {
  const requestId = runtime.ids.next('req_');
  const base = baseResponseHeaders(requestId);
  const failure = checkHeaders(request);
  if (failure) return failureResponse(failure, { requestId, headers: base });
  const result = listModelsPage(new URL(request.url).searchParams);
  return result.ok ? jsonResponse(result.page, base) : failureResponse(result.failure, { requestId, headers: base });
}

/** `GET /v1/models/{id}`: aliases resolve to the canonical id (SDK:resources/models.ts:13-14). */
function answerRetrieveModel(runtime: EmulatorRuntime, request: Request, modelId: string): Response {
  const requestId = runtime.ids.next('req_');
  const base = baseResponseHeaders(requestId);
  const headerFailure = checkHeaders(request);
  if (headerFailure) return failureResponse(headerFailure, { requestId, headers: base });
  // MSW has already percent-decoded the path parameter.
  const facts = getModelFacts(modelId);
  if (!facts) return notFound(`model: ${modelId}`, { requestId, headers: base });
  return jsonResponse(toModelInfo(facts), base);
}
