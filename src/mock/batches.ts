/**
 * Message Batches (`/v1/messages/batches`): the store behind create, retrieve, list, cancel, delete and results.
 *
 * Shapes: `MessageBatch`, `MessageBatchIndividualResponse`, `DeletedMessageBatch`, `MessageBatchRequestCounts`
 * (SDK:resources/messages/batches.ts:284-458). Facts used from their doc comments: `expires_at` is 24 hours after
 * creation; `request_counts` other than `processing` stay 0 until the whole batch ends, and their sum is always the
 * number of requests; `ended_at` and `results_url` are set only once processing ends; cancellation moves the batch
 * to `canceling` first; a batch can be deleted only once it has ended ("you must first cancel it"); list is newest
 * first (SDK batches.ts:104-106); `custom_id` must be unique within the batch. Pattern and length of `custom_id`
 * (`^[a-zA-Z0-9_-]{1,64}$`) and 1–100,000 requests: the API reference for batch create (docs: …/api/messages/batches).
 * `params` are validated when the batch is processed, so a bad request becomes an `errored` result, not a 400 for
 * the whole batch (batch-processing guide, docs: …/build-with-claude/batch-processing).
 *
 * Timing is the emulator's decision (the real API takes minutes to hours, "most batches finishing in less than
 * 1 hour"): a batch stays `in_progress` until someone polls it (retrieve or results), and that first poll finds it
 * ended. This keeps runs deterministic whatever the clock does, and a polling loop written for the real API ends
 * after one round. A batch canceled before that poll ends with every request `canceled`.
 * Unverified wording (REF §9 style): the 400/404 messages below are the emulator's own, naming the field at fault.
 */
import type {
  DeletedMessageBatch,
  MessageBatch,
  MessageBatchIndividualResponse,
  MessageBatchRequestCounts,
  MessageBatchResult,
} from '@anthropic-ai/sdk/resources/messages/batches';
import { cursorPage, type CursorPage } from './cursor-page';
import { apiError, type ApiFailure, type Outcome } from './errors';
import { invalid, isObject, rejectExtraKeys, requireKeys, typeMessages, type JsonObject } from './validate/util';

export const MAX_BATCH_REQUESTS = 100_000;
const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const EXPIRY_MS = 24 * 60 * 60 * 1000;

export interface BatchRequestInput {
  custom_id: string;
  params: JsonObject;
}

export interface StoredBatch {
  id: string;
  createdAt: number;
  requests: BatchRequestInput[];
  cancelInitiatedAt: number | null;
  endedAt: number | null;
  results: MessageBatchIndividualResponse[] | null;
}

/** Runs one request of a batch (validation + generation); never throws for bad params, it returns `errored`. */
export type BatchRequestProcessor = (params: JsonObject) => MessageBatchResult;


const rfc3339 = (ms: number) => new Date(ms).toISOString();

/** Checks a create body: `{ requests: [{ custom_id, params }, …] }`. */
export function parseBatchCreateBody(body: unknown): Outcome<BatchRequestInput[]> {
  if (!isObject(body)) return { ok: false, failure: invalid([], `request body: ${typeMessages.object}`) };
  const shape = rejectExtraKeys([], body, ['requests']) ?? requireKeys([], body, ['requests']);
  if (shape) return { ok: false, failure: shape };
  const requests = body.requests;
  if (!Array.isArray(requests)) return { ok: false, failure: invalid(['requests'], typeMessages.list) };
  if (requests.length === 0) {
    return { ok: false, failure: invalid(['requests'], 'List should have at least 1 item after validation, not 0') };
  }
  if (requests.length > MAX_BATCH_REQUESTS) {
    return {
      ok: false,
      failure: invalid(['requests'], `List should have at most ${MAX_BATCH_REQUESTS} items after validation, not ${requests.length}`),
    };
  }
  const seen = new Set<string>();
  const parsed: BatchRequestInput[] = [];
  for (const [index, request] of requests.entries()) {
    const path = ['requests', index];
    if (!isObject(request)) return { ok: false, failure: invalid(path, typeMessages.object) };
    const keys = rejectExtraKeys(path, request, ['custom_id', 'params']) ?? requireKeys(path, request, ['custom_id', 'params']);
    if (keys) return { ok: false, failure: keys };
    const customId = request.custom_id;
    if (typeof customId !== 'string') return { ok: false, failure: invalid([...path, 'custom_id'], typeMessages.string) };
    if (!CUSTOM_ID.test(customId)) {
      return { ok: false, failure: invalid([...path, 'custom_id'], `String should match pattern '${CUSTOM_ID.source}'`) };
    }
    if (seen.has(customId)) {
      return {
        ok: false,
        failure: invalid([...path, 'custom_id'], `custom_id "${customId}" is used by more than one request; each custom_id must be unique within the batch`),
      };
    }
    seen.add(customId);
    if (!isObject(request.params)) return { ok: false, failure: invalid([...path, 'params'], typeMessages.object) };
    parsed.push({ custom_id: customId, params: request.params });
  }
  return { ok: true, value: parsed };
}

function notFound(id: string): ApiFailure {
  return apiError(404, 'not_found_error', `message batch not found: ${id}`);
}

export class BatchStore {
  /** Insertion order is creation order. */
  private readonly batches = new Map<string, StoredBatch>();

  constructor(private readonly now: () => number) {}

  create(id: string, requests: BatchRequestInput[]): StoredBatch {
    const batch: StoredBatch = { id, createdAt: this.now(), requests, cancelInitiatedAt: null, endedAt: null, results: null };
    this.batches.set(id, batch);
    return batch;
  }

  /** A poll: the batch finishes processing if it has not yet (see the module comment). */
  poll(id: string, process: BatchRequestProcessor): Outcome<StoredBatch> {
    const batch = this.batches.get(id);
    if (!batch) return { ok: false, failure: notFound(id) };
    if (batch.endedAt === null) {
      const canceled = batch.cancelInitiatedAt !== null;
      batch.results = batch.requests.map((request) => ({
        custom_id: request.custom_id,
        result: canceled ? { type: 'canceled' } : process(request.params),
      }));
      batch.endedAt = this.now();
    }
    return { ok: true, value: batch };
  }

  peek(id: string): Outcome<StoredBatch> {
    const batch = this.batches.get(id);
    return batch ? { ok: true, value: batch } : { ok: false, failure: notFound(id) };
  }

  cancel(id: string): Outcome<StoredBatch> {
    const batch = this.batches.get(id);
    if (!batch) return { ok: false, failure: notFound(id) };
    // Unverified what the API answers for a batch that already ended; the emulator says so plainly.
    if (batch.endedAt !== null) {
      return { ok: false, failure: invalid([], `message batch ${id} has already ended and can no longer be canceled`) };
    }
    batch.cancelInitiatedAt ??= this.now();
    return { ok: true, value: batch };
  }

  delete(id: string): Outcome<DeletedMessageBatch> {
    const batch = this.batches.get(id);
    if (!batch) return { ok: false, failure: notFound(id) };
    if (batch.endedAt === null) {
      return {
        ok: false,
        failure: invalid([], `message batch ${id} is still processing; cancel it and wait for it to end before deleting it`),
      };
    }
    this.batches.delete(id);
    return { ok: true, value: { id, type: 'message_batch_deleted' } };
  }

  /** Newest first, in the API's cursor pages (cursor-page.ts). */
  list(query: URLSearchParams, origin: string): Outcome<CursorPage<MessageBatch>> {
    const result = cursorPage([...this.batches.values()].reverse(), query, 'message batch');
    if (!result.ok) return result;
    return { ok: true, value: { ...result.page, data: result.page.data.map((batch) => toMessageBatch(batch, origin)) } };
  }
}

function countResults(batch: StoredBatch): MessageBatchRequestCounts {
  const counts: MessageBatchRequestCounts = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
  if (batch.results === null) {
    counts.processing = batch.requests.length;
    return counts;
  }
  for (const { result } of batch.results) counts[result.type] += 1;
  return counts;
}

/** The public view; `origin` makes `results_url` point back at whoever serves the emulator. */
export function toMessageBatch(batch: StoredBatch, origin: string): MessageBatch {
  const ended = batch.endedAt !== null;
  return {
    id: batch.id,
    type: 'message_batch',
    processing_status: ended ? 'ended' : batch.cancelInitiatedAt !== null ? 'canceling' : 'in_progress',
    request_counts: countResults(batch),
    ended_at: ended ? rfc3339(batch.endedAt!) : null,
    created_at: rfc3339(batch.createdAt),
    expires_at: rfc3339(batch.createdAt + EXPIRY_MS),
    archived_at: null,
    cancel_initiated_at: batch.cancelInitiatedAt === null ? null : rfc3339(batch.cancelInitiatedAt),
    results_url: ended ? `${origin}/v1/messages/batches/${batch.id}/results` : null,
  };
}

/**
 * The `.jsonl` body: one `MessageBatchIndividualResponse` per line. "Results are not guaranteed to be in the same
 * order as requests. Use the `custom_id` field to match results to requests" (SDK:resources/messages/batches.ts:226-228).
 * The emulator lists them in reverse request order, so a client that matches results by position fails here as it
 * would on the API, while runs stay deterministic.
 */
export function resultsJsonl(batch: StoredBatch): string {
  return [...(batch.results ?? [])].reverse().map((line) => JSON.stringify(line)).join('\n') + '\n';
}
