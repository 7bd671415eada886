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
 * 1 hour"): a batch stays `in_progress` until someone polls it (retrieve or results). That first poll processes up
 * to `BATCH_LIMITS.requestsPerSlice` requests at once, so a batch of that size or less is found ended by it: runs
 * stay deterministic whatever the clock does, and a polling loop written for the real API ends after one round.
 * A larger batch goes on in slices scheduled one after another (`schedule`, a macrotask by default), so a
 * 50,000-request batch never blocks other requests (in the page, the main thread) while it is processed; polls see
 * it `in_progress` until its last slice. Each batch has its own id sequence, so its results do not depend on how
 * its slices interleave with other requests. A batch canceled before it ends gets `canceled` for every request not
 * yet processed; one not ended by `expires_at` (24 hours after creation, on the emulator's clock) gets `expired`.
 *
 * Memory: processed requests drop their params; results are archived (`archived_at`, results gone) 29 days after
 * creation ("results are available for 29 days", docs: …/build-with-claude/batch-processing); the store keeps at most
 * `BATCH_LIMITS.maxBatches` batches and `BATCH_LIMITS.maxStoredRequests` requests, dropping the oldest first.
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
const RETENTION_MS = 29 * 24 * 60 * 60 * 1000;

export interface BatchRequestInput {
  custom_id: string;
  /** Dropped (null) once the request is processed. */
  params: JsonObject | null;
}

export interface StoredBatch {
  id: string;
  /** The `anthropic-beta` flags of the create request: every entry is validated with them, as on /v1/messages. */
  betas: readonly string[];
  createdAt: number;
  requests: BatchRequestInput[];
  cancelInitiatedAt: number | null;
  endedAt: number | null;
  /** Filled as requests are processed; public only once the batch has ended. */
  results: MessageBatchIndividualResponse[];
  /** Set 29 days after creation, when the results are dropped. */
  archivedAt: number | null;
  /** The final tallies, set when the batch ends (they outlive archived results). */
  counts: MessageBatchRequestCounts | null;
  /** The processor the batch's first poll brought (later slices use it). */
  processor: BatchRequestProcessor | null;
  sliceScheduled: boolean;
}

/** Runs one request of a batch (validation + generation); never throws for bad params, it returns `errored`. */
export type BatchRequestProcessor = (params: JsonObject, batch: Pick<StoredBatch, 'id' | 'betas'>, index: number) => MessageBatchResult;

export const BATCH_LIMITS = {
  /** Requests processed in one go (the first poll, then each scheduled slice). */
  requestsPerSlice: 200,
  maxBatches: 100,
  maxStoredRequests: 200_000,
} as const;


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
  private disposed = false;

  constructor(
    private readonly now: () => number,
    /** Runs the next slice of a large batch later (a macrotask by default; tests may step it by hand). */
    private readonly schedule: (task: () => void) => void = (task) => void setTimeout(task, 0),
  ) {}

  /** Stops scheduled slices (the emulator was reset and this store replaced). */
  dispose(): void {
    this.disposed = true;
    this.batches.clear();
  }

  create(id: string, requests: BatchRequestInput[], betas: readonly string[] = []): StoredBatch {
    const batch: StoredBatch = {
      id, betas, createdAt: this.now(), requests, cancelInitiatedAt: null, endedAt: null, results: [], archivedAt: null,
      counts: null, processor: null, sliceScheduled: false,
    };
    this.batches.set(id, batch);
    this.evictOldest();
    return batch;
  }

  /** Keeps the store within its bounds, dropping the oldest batches first. */
  private evictOldest(): void {
    let stored = 0;
    for (const batch of this.batches.values()) stored += batch.requests.length;
    for (const [id, batch] of this.batches) {
      if (this.batches.size <= BATCH_LIMITS.maxBatches && stored <= BATCH_LIMITS.maxStoredRequests) break;
      this.batches.delete(id);
      stored -= batch.requests.length;
    }
  }

  /** Ends, expires or archives the batch as the clock says; null if it is gone. */
  private current(id: string): StoredBatch | null {
    const batch = this.batches.get(id);
    if (!batch) return null;
    const now = this.now();
    if (batch.endedAt === null && now >= batch.createdAt + EXPIRY_MS) this.finish(batch, { type: 'expired' }, batch.createdAt + EXPIRY_MS);
    if (batch.archivedAt === null && now >= batch.createdAt + RETENTION_MS) {
      batch.archivedAt = batch.createdAt + RETENTION_MS;
      batch.results = [];
    }
    return batch;
  }

  /** Every request not yet processed gets `result`; the batch ends at `at`. */
  private finish(batch: StoredBatch, result: MessageBatchResult, at: number): void {
    for (let index = batch.results.length; index < batch.requests.length; index++) {
      batch.results.push({ custom_id: batch.requests[index]!.custom_id, result });
      batch.requests[index]!.params = null;
    }
    this.end(batch, at);
  }

  private end(batch: StoredBatch, at: number): void {
    const counts: MessageBatchRequestCounts = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    for (const { result } of batch.results) counts[result.type] += 1;
    batch.counts = counts;
    batch.endedAt = at;
  }

  /** Processes the next slice of requests; ends the batch after its last one. */
  private processSlice(batch: StoredBatch): void {
    if (batch.endedAt !== null) return;
    if (batch.cancelInitiatedAt !== null) {
      this.finish(batch, { type: 'canceled' }, this.now());
      return;
    }
    const end = Math.min(batch.requests.length, batch.results.length + BATCH_LIMITS.requestsPerSlice);
    for (let index = batch.results.length; index < end; index++) {
      const request = batch.requests[index]!;
      batch.results.push({ custom_id: request.custom_id, result: batch.processor!(request.params ?? {}, batch, index) });
      request.params = null;
    }
    if (batch.results.length === batch.requests.length) this.end(batch, this.now());
    else this.scheduleSlice(batch);
  }

  private scheduleSlice(batch: StoredBatch): void {
    if (batch.sliceScheduled) return;
    batch.sliceScheduled = true;
    this.schedule(() => {
      batch.sliceScheduled = false;
      if (this.disposed || this.batches.get(batch.id) !== batch) return;
      if (this.current(batch.id)) this.processSlice(batch);
    });
  }

  /** A poll (see the module comment): starts processing, or reports progress. */
  poll(id: string, process: BatchRequestProcessor): Outcome<StoredBatch> {
    const batch = this.current(id);
    if (!batch) return { ok: false, failure: notFound(id) };
    if (batch.endedAt === null && batch.processor === null) {
      batch.processor = process;
      this.processSlice(batch);
    }
    return { ok: true, value: batch };
  }

  peek(id: string): Outcome<StoredBatch> {
    const batch = this.current(id);
    return batch ? { ok: true, value: batch } : { ok: false, failure: notFound(id) };
  }

  cancel(id: string): Outcome<StoredBatch> {
    const batch = this.current(id);
    if (!batch) return { ok: false, failure: notFound(id) };
    // Unverified what the API answers for a batch that already ended; the emulator says so plainly.
    if (batch.endedAt !== null) {
      return { ok: false, failure: invalid([], `message batch ${id} has already ended and can no longer be canceled`) };
    }
    batch.cancelInitiatedAt ??= this.now();
    return { ok: true, value: batch };
  }

  delete(id: string): Outcome<DeletedMessageBatch> {
    const batch = this.current(id);
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
    for (const id of [...this.batches.keys()]) this.current(id);
    const result = cursorPage([...this.batches.values()].reverse(), query, 'message batch');
    if (!result.ok) return result;
    return { ok: true, value: { ...result.page, data: result.page.data.map((batch) => toMessageBatch(batch, origin)) } };
  }
}

function countResults(batch: StoredBatch): MessageBatchRequestCounts {
  // Only `processing` counts until the whole batch ends (SDK batches.ts MessageBatchRequestCounts).
  return batch.counts ?? { processing: batch.requests.length, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
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
    archived_at: batch.archivedAt === null ? null : rfc3339(batch.archivedAt),
    cancel_initiated_at: batch.cancelInitiatedAt === null ? null : rfc3339(batch.cancelInitiatedAt),
    results_url: ended && batch.archivedAt === null ? `${origin}/v1/messages/batches/${batch.id}/results` : null,
  };
}

/**
 * The `.jsonl` body: one `MessageBatchIndividualResponse` per line. "Results are not guaranteed to be in the same
 * order as requests. Use the `custom_id` field to match results to requests" (SDK:resources/messages/batches.ts:226-228).
 * The emulator lists them in reverse request order, so a client that matches results by position fails here as it
 * would on the API, while runs stay deterministic.
 */
export function resultsJsonl(batch: StoredBatch): string {
  return [...batch.results].reverse().map((line) => JSON.stringify(line)).join('\n') + '\n';
}

/** Why a batch's results cannot be fetched yet or any more (the emulator's wording), or null when they can. */
export function resultsUnavailable(batch: StoredBatch): ApiFailure | null {
  if (batch.endedAt === null) {
    return invalid([], `message batch ${batch.id} is still processing; its results are available once processing_status is "ended"`);
  }
  if (batch.archivedAt !== null) return apiError(404, 'not_found_error', `the results of message batch ${batch.id} have been archived (29 days after creation)`);
  return null;
}
