/**
 * MSW handlers for Message Batches (store and timing: batches.ts). Same header checks and error shape as the other
 * endpoints. Routes: SDK:resources/messages/batches.ts:49 (POST /v1/messages/batches), :92 (GET …/{id}), :128 (GET
 * list), :166 (DELETE …/{id}), :209 (POST …/{id}/cancel), and the `results_url` the SDK fetches as-is (:248-266).
 *
 * `results_url` is absolute and the SDK follows it verbatim, so it must name the origin the client reached: the
 * in-page emulator is api.anthropic.com; the local Node server passes its own origin in `PUBLIC_ORIGIN_HEADER`.
 */
import { http, type RequestHandler } from 'msw';
import type { MessageBatchResult } from '@anthropic-ai/sdk/resources/messages/batches';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import { parseBatchCreateBody, resultsJsonl, toMessageBatch } from './batches';
import { failureResponse, type ApiFailure } from './errors';
import type { EmulatorRuntime } from './handlers';
import { baseResponseHeaders, checkApiVersion, isFailure, readCredentials } from './headers';
import { produceMessage } from './produce-message';
import { countInputTokens } from './tokens';
import { parseJsonBody, validateMessagesRequest } from './validate';
import { invalid, typeMessages, type JsonObject } from './validate/util';

/** Set by the Node server (never trusted for anything but building `results_url`). */
export const PUBLIC_ORIGIN_HEADER = 'x-emulator-public-origin';

export function createBatchHandlers(runtime: EmulatorRuntime, apiOrigin: string): RequestHandler[] {
  const base = `${apiOrigin}/v1/messages/batches`;
  // A bug while generating one request must not wedge the batch: that request alone is `errored` (api_error).
  const process = (params: JsonObject): MessageBatchResult => {
    try {
      return processBatchRequest(runtime, params);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return errored({ status: 500, type: 'api_error', message: `Internal server error (emulator: ${reason})` });
    }
  };
  return [
    http.post(base, ({ request }) =>
      withChecks(runtime, request, async (headers) => {
        const parsed = parseJsonBody(await request.text());
        if (!parsed.ok) return fail(parsed.failure, headers);
        const body = parseBatchCreateBody(parsed.value);
        if (!body.ok) return fail(body.failure, headers);
        const batch = runtime.batches.create(runtime.ids.next('msgbatch_'), body.value);
        return json(toMessageBatch(batch, originOf(request, apiOrigin)), headers);
      })),
    http.get(base, ({ request }) =>
      withChecks(runtime, request, async (headers) => {
        const page = runtime.batches.list(new URL(request.url).searchParams, originOf(request, apiOrigin));
        return page.ok ? json(page.value, headers) : fail(page.failure, headers);
      })),
    http.get(`${base}/:batchId`, ({ request, params }) =>
      withChecks(runtime, request, async (headers) => {
        const batch = runtime.batches.poll(String(params.batchId), process);
        return batch.ok ? json(toMessageBatch(batch.value, originOf(request, apiOrigin)), headers) : fail(batch.failure, headers);
      })),
    http.delete(`${base}/:batchId`, ({ request, params }) =>
      withChecks(runtime, request, async (headers) => {
        const deleted = runtime.batches.delete(String(params.batchId));
        return deleted.ok ? json(deleted.value, headers) : fail(deleted.failure, headers);
      })),
    http.post(`${base}/:batchId/cancel`, ({ request, params }) =>
      withChecks(runtime, request, async (headers) => {
        const batch = runtime.batches.cancel(String(params.batchId));
        return batch.ok ? json(toMessageBatch(batch.value, originOf(request, apiOrigin)), headers) : fail(batch.failure, headers);
      })),
    http.get(`${base}/:batchId/results`, ({ request, params }) =>
      withChecks(runtime, request, async (headers) => {
        const batch = runtime.batches.poll(String(params.batchId), process);
        if (!batch.ok) return fail(batch.failure, headers);
        // The SDK asks for `Accept: application/binary` and decodes the body as JSON lines (SDK batches.ts:255-266);
        // the content type the API itself answers with is unverified, so the emulator answers what the SDK asks for.
        return new Response(resultsJsonl(batch.value), {
          status: 200,
          headers: { ...headers, 'content-type': 'application/binary' },
        });
      })),
  ];
}

type Headers = Record<string, string>;

/** Auth, version, and the emulator-bug guard shared by every batch route. */
async function withChecks(
  runtime: EmulatorRuntime,
  request: Request,
  answer: (headers: Headers) => Promise<Response>,
): Promise<Response> {
  const requestId = runtime.ids.next('req_');
  const headers = baseResponseHeaders(requestId);
  const credentials = readCredentials(request.headers);
  if (isFailure(credentials)) return fail(credentials, headers);
  const version = checkApiVersion(request.headers);
  if (version) return fail(version, headers);
  try {
    return await answer(headers);
  } catch (error) {
    if (request.signal.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return fail({ status: 500, type: 'api_error', message: `Internal server error (emulator: ${reason})` }, headers);
  }
}

function fail(failure: ApiFailure, headers: Headers): Response {
  return failureResponse(failure, { requestId: headers['request-id'] ?? null, headers });
}

function json(body: unknown, headers: Headers): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
}

function originOf(request: Request, apiOrigin: string): string {
  const declared = request.headers.get(PUBLIC_ORIGIN_HEADER);
  return declared !== null && /^https?:\/\/[^/\s]+$/.test(declared) ? declared : apiOrigin;
}

/**
 * One batch request, validated like `POST /v1/messages` (a failure becomes an `errored` result with the same error
 * the endpoint would answer). Batch-only rules: no streaming (`params` is `MessageCreateParamsNonStreaming`,
 * SDK batches.ts:501) and no `max_tokens: 0` ("not supported inside a batch", docs: …/batch-processing, REF §4).
 * Succeeded messages report `usage.service_tier: "batch"` (SDK messages.ts Usage.service_tier).
 */
function processBatchRequest(runtime: EmulatorRuntime, params: JsonObject): MessageBatchResult {
  const batchRule: ApiFailure | null =
    params.stream === true ? invalid(['stream'], 'streaming is not supported for requests in a Message Batch')
    : params.max_tokens === 0 ? invalid(['max_tokens'], '0 (cache pre-warming) is not supported inside a Message Batch')
    : null;
  if (batchRule) return errored(batchRule);
  // In a batch, `user_profile_id` is a body field of `params` (attribution only; docs: …/api/messages/batches/create
  // "an individual request whose `user_profile_id` body field conflicts with this header is errored").
  const { user_profile_id: userProfileId, ...messageBody } = params;
  if (userProfileId !== undefined && typeof userProfileId !== 'string') return errored(invalid(['user_profile_id'], typeMessages.string));
  const validation = validateMessagesRequest(messageBody, { batch: true });
  if (!validation.ok) return errored(validation.failure);
  const { model } = validation;
  const messageParams: MessageCreateParamsBase = validation.params;
  const promptTokens = countInputTokens(messageParams);
  if (promptTokens > model.max_input_tokens) {
    return errored({
      status: 400,
      type: 'invalid_request_error',
      message: `prompt is too long: ${promptTokens} tokens > ${model.max_input_tokens} maximum`,
    });
  }
  const message = produceMessage(runtime, messageParams, model);
  message.usage = { ...message.usage, service_tier: 'batch' };
  return { type: 'succeeded', message };
}

/** The error types a batch request can meet here (validation only): all are in the SDK's `ErrorObject` union. */
const RESULT_ERROR_TYPES = ['invalid_request_error', 'not_found_error', 'permission_error', 'api_error'] as const;

function errored(failure: ApiFailure): MessageBatchResult {
  const type = RESULT_ERROR_TYPES.find((known) => known === failure.type) ?? 'invalid_request_error';
  return { type: 'errored', error: { type: 'error', error: { type, message: failure.message }, request_id: null } };
}
