/**
 * The emulator's routes as MSW request handlers, kept thin: each states what is its own (which body it reads, how it
 * validates it, what it answers) and the shared steps run in the request pipeline (pipeline.ts): auth, version,
 * faults, body parsing, validation, error responses. Message Batches have their own routes (batch-routes.ts).
 *
 * Streams are answered with `new HttpResponse(stream, …)` and `content-type: text/event-stream`, because MSW's
 * `sse()` helper only matches GET requests and the Messages API streams the answer to a POST.
 */
import './local-storage-shim';
import { http, HttpResponse, type RequestHandler } from 'msw';
import type { Message, MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import { createBatchHandlers } from './batch-routes';
import { apiError, errorResponse, notFound, type ApiFailure, type Outcome } from './errors';
import { streamFaultFor } from './faults';
import { readBetaFlags } from './headers';
import { listModelsPage } from './model-pages';
import { getModelFacts, toModelInfo, type ModelFacts } from './models';
import { failBeforeRouting, handle, json, type RouteContext } from './pipeline';
import { checkPromptLength, produceMessage } from './produce-message';
import { rateLimitMessage } from './rate-limit';
import { API_ORIGIN } from '../anthropic-api';
import type { EmulatorRuntime } from './runtime';
import { createSseBody, messageToStreamEvents } from './stream';
import { countInputTokens } from './tokens';
import { validateCountTokensRequest, validateMessagesRequest, type ValidationResult } from './validate';
import { BINDING_BETA } from './validate/thinking';
import type { InputTransformation } from './validate/util';

export function createHandlers(runtime: EmulatorRuntime): RequestHandler[] {
  return [
    http.post(`${API_ORIGIN}/v1/messages`, handle(runtime, {
      queuedFaults: true,
      body: (json, request) => {
        const betas = readBetaFlags(request.headers);
        return validated(validateMessagesRequest(json, { betas }), betas);
      },
      answer: answerCreateMessage,
    })),
    http.post(`${API_ORIGIN}/v1/messages/count_tokens`, handle(runtime, {
      body: (json, request) => validated(validateCountTokensRequest(json, { betas: readBetaFlags(request.headers) })),
      answer: (ctx, { params }) => json(ctx, { input_tokens: countInputTokens(params) }),
    })),
    // `GET /v1/models` (paging in model-pages.ts).
    http.get(`${API_ORIGIN}/v1/models`, handle(runtime, {
      answer: (ctx) => {
        const result = listModelsPage(new URL(ctx.request.url).searchParams);
        return result.ok ? json(ctx, result.page) : result.failure;
      },
    })),
    // `GET /v1/models/{id}`: aliases resolve to the canonical id (SDK:resources/models.ts:13-14).
    http.get(`${API_ORIGIN}/v1/models/:modelId`, handle(runtime, {
      answer: (ctx) => {
        const facts = getModelFacts(ctx.params.modelId ?? '');
        return facts ? json(ctx, toModelInfo(facts)) : notFound(`model: ${ctx.params.modelId}`);
      },
    })),
    ...createBatchHandlers(runtime),
    // Unknown paths and methods: 404 `not_found_error` in the usual shape, with the headers every response carries
    // (REF §2-3, docs: …/api/errors quotes this 404 body). What the API answers for a known path with another method
    // is unverified, so the emulator treats it as an unknown route too.
    http.all(`${API_ORIGIN}/*`, () => failBeforeRouting(runtime, notFound('Not Found'))),
  ];
}

interface Validated<Params> {
  params: Params;
  model: ModelFacts;
  inputTransformations: InputTransformation[];
  betas: readonly string[];
}

/** The validator's result as the pipeline's outcome (validate/index.ts keeps its own result shape). */
function validated<Params>(result: ValidationResult<Params>, betas: readonly string[] = []): Outcome<Validated<Params>> {
  return result.ok
    ? { ok: true, value: { params: result.params, model: result.model, inputTransformations: result.inputTransformations, betas } }
    : result;
}

async function answerCreateMessage(
  ctx: RouteContext,
  { params, model, inputTransformations, betas }: Validated<MessageCreateParamsBase>,
): Promise<Response | ApiFailure> {
  const { runtime, request } = ctx;
  const tooLong = checkPromptLength(params, model);
  if (tooLong) return tooLong;

  const admission = runtime.rateLimiter.admit();
  if (!admission.admitted) {
    return errorResponse(apiError(429, 'rate_limit_error', rateLimitMessage(admission.resource, admission.limit)), ctx.requestId, {
      ...ctx.headers,
      ...admission.headers,
      'retry-after': String(admission.retryAfterSeconds),
    });
  }

  const message: Message = produceMessage(runtime, params, model);
  // With the binding beta, every reply reports the blocks removed before the model saw them, `[]` when none; when
  // streaming, the array rides on message_start (SDK:resources/beta/messages/messages.ts:6180-6191).
  if (betas.includes(BINDING_BETA)) Object.assign(message, { input_transformations: inputTransformations });
  runtime.rateLimiter.record(
    message.usage.input_tokens + (message.usage.cache_creation_input_tokens ?? 0), message.usage.output_tokens);
  const headers = { ...ctx.headers, ...runtime.rateLimiter.headers() };

  if (params.stream === true) {
    const streamFault = ctx.fault?.kind === 'stream_error' ? streamFaultFor(ctx.fault) : undefined;
    const body = createSseBody(messageToStreamEvents(message), {
      pacing: runtime.pacing,
      sleep: runtime.sleep,
      signal: request.signal,
      ...(streamFault ?? {}),
    });
    return new HttpResponse(body, {
      status: 200,
      headers: { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
    });
  }
  await waitLikeGeneration(runtime, message.usage.output_tokens, request.signal);
  return json({ headers }, message);
}

/** A non-streaming answer arrives only once the whole reply is generated (realistic pacing; capped for lessons). */
async function waitLikeGeneration(runtime: EmulatorRuntime, outputTokens: number, signal: AbortSignal): Promise<void> {
  if (runtime.pacing === 'instant') return;
  const ms = runtime.pacing.timeToFirstTokenMs + (outputTokens / Math.max(1, runtime.pacing.tokensPerSecond)) * 1000;
  await runtime.sleep(Math.min(ms, 8_000), signal);
}
