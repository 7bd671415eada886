/**
 * MSW handlers for Message Batches (store and timing: batches.ts), through the same request pipeline as every route
 * (pipeline.ts). Routes: SDK:resources/messages/batches.ts:49 (POST /v1/messages/batches), :92 (GET …/{id}), :128
 * (GET list), :166 (DELETE …/{id}), :209 (POST …/{id}/cancel), and the `results_url` the SDK fetches as-is (:248-266).
 *
 * `results_url` is absolute and the SDK follows it verbatim, so it must name the origin the client reached: the
 * in-page emulator is api.anthropic.com; the local Node server passes its own origin in `PUBLIC_ORIGIN_HEADER`.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import type { MessageBatchResult } from '@anthropic-ai/sdk/resources/messages/batches';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import { parseBatchCreateBody, resultsJsonl, resultsUnavailable, toMessageBatch, type StoredBatch } from './batches';
import { internalError, type ApiFailure } from './errors';
import { readBetaFlags } from './headers';
import { createIdGenerator } from './ids';
import { handle, json } from './pipeline';
import { checkPromptLength, produceMessage } from './produce-message';
import { API_ORIGIN } from '../anthropic-api';
import { PUBLIC_ORIGIN_HEADER, type EmulatorRuntime } from './runtime';
import { validateMessagesRequest } from './validate';
import { BINDING_BETA } from './validate/thinking';
import { invalid, typeMessages, type JsonObject } from './validate/util';

export function createBatchHandlers(runtime: EmulatorRuntime): RequestHandler[] {
  const base = `${API_ORIGIN}/v1/messages/batches`;
  // A bug while generating one request must not wedge the batch: that request alone is `errored` (api_error).
  // Each batch has its own id sequence, so its results do not depend on how its slices interleave with other
  // requests (batches.ts).
  const process = (params: JsonObject, batch: Pick<StoredBatch, 'id' | 'betas'>, index: number): MessageBatchResult => {
    try {
      return processBatchRequest({ ...runtime, ids: createIdGenerator(`${runtime.seed}:${batch.id}:${index}`) }, params, batch.betas);
    } catch {
      return errored(internalError());
    }
  };
  return [
    http.post(base, handle(runtime, {
      body: parseBatchCreateBody,
      answer: (ctx, requests) => {
        // The batch's beta flags apply to each of its requests (thinking `block_binding`, input_transformations).
        const batch = runtime.batches.create(runtime.ids.next('msgbatch_'), requests, readBetaFlags(ctx.request.headers));
        return json(ctx, toMessageBatch(batch, originOf(ctx.request)));
      },
    })),
    http.get(base, handle(runtime, {
      answer: (ctx) => {
        const page = runtime.batches.list(new URL(ctx.request.url).searchParams, originOf(ctx.request));
        return page.ok ? json(ctx, page.value) : page.failure;
      },
    })),
    http.get(`${base}/:batchId`, handle(runtime, {
      answer: (ctx) => {
        const batch = runtime.batches.poll(ctx.params.batchId ?? '', process);
        return batch.ok ? json(ctx, toMessageBatch(batch.value, originOf(ctx.request))) : batch.failure;
      },
    })),
    http.delete(`${base}/:batchId`, handle(runtime, {
      answer: (ctx) => {
        const deleted = runtime.batches.delete(ctx.params.batchId ?? '');
        return deleted.ok ? json(ctx, deleted.value) : deleted.failure;
      },
    })),
    http.post(`${base}/:batchId/cancel`, handle(runtime, {
      answer: (ctx) => {
        const batch = runtime.batches.cancel(ctx.params.batchId ?? '');
        return batch.ok ? json(ctx, toMessageBatch(batch.value, originOf(ctx.request))) : batch.failure;
      },
    })),
    http.get(`${base}/:batchId/results`, handle(runtime, {
      answer: (ctx) => {
        const batch = runtime.batches.poll(ctx.params.batchId ?? '', process);
        if (!batch.ok) return batch.failure;
        const unavailable = resultsUnavailable(batch.value);
        if (unavailable) return unavailable;
        // The SDK asks for `Accept: application/binary` and decodes the body as JSON lines (SDK batches.ts:255-266);
        // the content type the API itself answers with is unverified, so the emulator answers what the SDK asks for.
        return new HttpResponse(resultsJsonl(batch.value), {
          status: 200,
          headers: { ...ctx.headers, 'content-type': 'application/binary' },
        });
      },
    })),
  ];
}

function originOf(request: Request): string {
  const declared = request.headers.get(PUBLIC_ORIGIN_HEADER);
  return declared !== null && /^https?:\/\/[^/\s]+$/.test(declared) ? declared : API_ORIGIN;
}

/**
 * One batch request, validated like `POST /v1/messages` (a failure becomes an `errored` result with the same error
 * the endpoint would answer). Batch-only rules: no streaming (`params` is `MessageCreateParamsNonStreaming`,
 * SDK batches.ts:501) and no `max_tokens: 0` ("not supported inside a batch", docs: …/batch-processing, REF §4).
 * Succeeded messages report `usage.service_tier: "batch"` (SDK messages.ts Usage.service_tier).
 */
function processBatchRequest(runtime: EmulatorRuntime, params: JsonObject, betas: readonly string[]): MessageBatchResult {
  const batchRule: ApiFailure | null =
    params.stream === true ? invalid(['stream'], 'streaming is not supported for requests in a Message Batch')
    : params.max_tokens === 0 ? invalid(['max_tokens'], '0 (cache pre-warming) is not supported inside a Message Batch')
    : null;
  if (batchRule) return errored(batchRule);
  // In a batch, `user_profile_id` is a body field of `params` (attribution only; docs: …/api/messages/batches/create
  // "an individual request whose `user_profile_id` body field conflicts with this header is errored").
  const { user_profile_id: userProfileId, ...messageBody } = params;
  if (userProfileId !== undefined && typeof userProfileId !== 'string') return errored(invalid(['user_profile_id'], typeMessages.string));
  const validation = validateMessagesRequest(messageBody, { batch: true, betas });
  if (!validation.ok) return errored(validation.failure);
  const { model } = validation;
  const messageParams: MessageCreateParamsBase = validation.params;
  const tooLong = checkPromptLength(messageParams, model);
  if (tooLong) return errored(tooLong);
  const message = produceMessage(runtime, messageParams, model);
  message.usage = { ...message.usage, service_tier: 'batch' };
  // As on /v1/messages (handlers.ts): the blocks dropped before generation are reported under the binding beta.
  if (betas.includes(BINDING_BETA)) Object.assign(message, { input_transformations: validation.inputTransformations });
  return { type: 'succeeded', message };
}

/** The error types a batch request can meet here (validation only): all are in the SDK's `ErrorObject` union. */
const RESULT_ERROR_TYPES = ['invalid_request_error', 'not_found_error', 'permission_error', 'api_error'] as const;

function errored(failure: ApiFailure): MessageBatchResult {
  const type = RESULT_ERROR_TYPES.find((known) => known === failure.type) ?? 'invalid_request_error';
  return { type: 'errored', error: { type: 'error', error: { type, message: failure.message }, request_id: null } };
}
