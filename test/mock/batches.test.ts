/** Message Batches (batches.ts, batch-routes.ts): expected values from the SDK types and doc comments, never from running the emulator. */
import Anthropic from '@anthropic-ai/sdk';
import type { MessageBatchIndividualResponse } from '@anthropic-ai/sdk/resources/messages/batches';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_LIMITS } from '../../src/mock/batches';
import { startMockServer, type RunningMockServer } from '../../src/mock/server/node-server';
import { API, hello, rawPost, sdkClient, TEST_KEY, testEmulator } from './helpers';

const NOW = Date.UTC(2026, 10, 24, 8, 0, 0);
const DAY_MS = 24 * 60 * 60 * 1000;

function batchRequest(customId: string, params: Record<string, unknown> = hello()) {
  return { custom_id: customId, params: params as unknown as Anthropic.MessageCreateParamsNonStreaming };
}

async function collect(decoder: AsyncIterable<MessageBatchIndividualResponse>): Promise<MessageBatchIndividualResponse[]> {
  const lines: MessageBatchIndividualResponse[] = [];
  for await (const line of decoder) lines.push(line);
  return lines;
}

describe('Message Batches (client.messages.batches, SDK:resources/messages/batches.ts)', () => {
  it('create answers a MessageBatch that is in progress, with every request counted as processing', async () => {
    const client = sdkClient(testEmulator());
    const batch = await client.messages.batches.create({
      requests: [batchRequest('first'), batchRequest('second')],
    });
    expect(batch.id).toMatch(/^msgbatch_/); // docs example id: msgbatch_013Zva2CMHLNnXjNJJKqJ2EF
    expect(batch.type).toBe('message_batch');
    expect(batch.processing_status).toBe('in_progress');
    // "Requests start as `processing` and move to one of the other statuses only once processing of the entire
    // batch ends. The sum of all values always matches the total number of requests in the batch."
    expect(batch.request_counts).toEqual({ processing: 2, succeeded: 0, errored: 0, canceled: 0, expired: 0 });
    expect(batch.results_url).toBeNull(); // "Specified only once processing ends."
    expect(batch.ended_at).toBeNull();
    expect(batch.cancel_initiated_at).toBeNull();
    expect(batch.archived_at).toBeNull();
    expect(Date.parse(batch.created_at)).toBe(NOW);
    expect(Date.parse(batch.expires_at) - Date.parse(batch.created_at)).toBe(DAY_MS); // "24 hours after creation"
  });

  it('polling with retrieve ends the batch; results are JSON lines keyed by custom_id', async () => {
    const client = sdkClient(testEmulator());
    const created = await client.messages.batches.create({
      requests: [
        batchRequest('ok-1'),
        batchRequest('unknown-model', hello({ model: 'claude-no-such-model' })),
        batchRequest('no-messages', hello({ messages: [] })),
      ],
    });
    let batch = created;
    for (let polls = 0; batch.processing_status !== 'ended' && polls < 5; polls++) {
      batch = await client.messages.batches.retrieve(created.id);
    }
    expect(batch.processing_status).toBe('ended');
    expect(batch.ended_at).not.toBeNull();
    expect(batch.request_counts).toEqual({ processing: 0, succeeded: 1, errored: 2, canceled: 0, expired: 0 });
    expect(batch.results_url).toBe(`${API}/v1/messages/batches/${created.id}/results`);

    const results = await collect(await client.messages.batches.results(created.id));
    const byId = new Map(results.map((line) => [line.custom_id, line.result]));
    expect([...byId.keys()].sort()).toEqual(['no-messages', 'ok-1', 'unknown-model']);
    const ok = byId.get('ok-1');
    expect(ok?.type).toBe('succeeded');
    if (ok?.type !== 'succeeded') throw new Error('unreachable');
    expect(ok.message.type).toBe('message');
    expect(ok.message.id).toMatch(/^msg_/);
    expect(ok.message.usage.service_tier).toBe('batch'); // Usage.service_tier: 'standard' | 'priority' | 'batch'
    // Params are validated when the batch is processed: a bad request is an `errored` result with an ErrorResponse.
    const unknownModel = byId.get('unknown-model');
    expect(unknownModel?.type).toBe('errored');
    if (unknownModel?.type !== 'errored') throw new Error('unreachable');
    expect(unknownModel.error.type).toBe('error');
    expect(unknownModel.error.error.type).toBe('not_found_error');
    const noMessages = byId.get('no-messages');
    if (noMessages?.type !== 'errored') throw new Error(`expected errored, got ${noMessages?.type}`);
    expect(noMessages.error.error.type).toBe('invalid_request_error');
  });

  it('results are not in request order (the SDK says to match them by custom_id)', async () => {
    const client = sdkClient(testEmulator());
    const ids = ['first', 'second', 'third'];
    const created = await client.messages.batches.create({ requests: ids.map((id) => batchRequest(id)) });
    await client.messages.batches.retrieve(created.id);
    const results = await collect(await client.messages.batches.results(created.id));
    const order = results.map((line) => line.custom_id);
    expect([...order].sort()).toEqual([...ids].sort());
    expect(order).not.toEqual(ids);
  });

  it('max_tokens: 0 and stream: true are errored results inside a batch (docs: …/batch-processing)', async () => {
    const client = sdkClient(testEmulator());
    const created = await client.messages.batches.create({
      requests: [batchRequest('prewarm', hello({ max_tokens: 0 })), batchRequest('streaming', hello({ stream: true }))],
    });
    await client.messages.batches.retrieve(created.id);
    const results = await collect(await client.messages.batches.results(created.id));
    expect(results.map((line) => line.result.type)).toEqual(['errored', 'errored']);
  });

  it('accepts user_profile_id as a body field of each request params (docs: …/api/messages/batches/create)', async () => {
    const client = sdkClient(testEmulator());
    const created = await client.messages.batches.create({
      requests: [batchRequest('attributed', hello({ user_profile_id: 'uprof_0123' }))],
    });
    await client.messages.batches.retrieve(created.id);
    const [line] = await collect(await client.messages.batches.results(created.id));
    expect(line?.result.type).toBe('succeeded');
  });

  it('cancel moves an unfinished batch to canceling; it then ends with the requests canceled', async () => {
    const client = sdkClient(testEmulator());
    const created = await client.messages.batches.create({ requests: [batchRequest('a'), batchRequest('b')] });
    const canceling = await client.messages.batches.cancel(created.id);
    expect(canceling.processing_status).toBe('canceling');
    expect(canceling.cancel_initiated_at).not.toBeNull();
    const ended = await client.messages.batches.retrieve(created.id);
    expect(ended.processing_status).toBe('ended');
    expect(ended.request_counts.canceled + ended.request_counts.succeeded).toBe(2);
    const results = await collect(await client.messages.batches.results(created.id));
    expect(results.every((line) => line.result.type === 'canceled' || line.result.type === 'succeeded')).toBe(true);
  });

  it('delete works only once a batch has ended, then the batch is gone (404)', async () => {
    const client = sdkClient(testEmulator());
    const created = await client.messages.batches.create({ requests: [batchRequest('only')] });
    // "Message Batches can only be deleted once they've finished processing."
    await expect(client.messages.batches.delete(created.id)).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    await client.messages.batches.retrieve(created.id);
    const deleted = await client.messages.batches.delete(created.id);
    expect(deleted).toEqual({ id: created.id, type: 'message_batch_deleted' });
    await expect(client.messages.batches.retrieve(created.id)).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });

  it('list is newest first and pages with limit / after_id (SDK auto-pagination)', async () => {
    const client = sdkClient(testEmulator());
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      ids.push((await client.messages.batches.create({ requests: [batchRequest(name)] })).id);
    }
    const firstPage = await client.messages.batches.list({ limit: 2 });
    expect(firstPage.data.map((batch) => batch.id)).toEqual([ids[2], ids[1]]);
    expect(firstPage.has_more).toBe(true);
    const all: string[] = [];
    for await (const batch of client.messages.batches.list({ limit: 2 })) all.push(batch.id);
    expect(all).toEqual([...ids].reverse());
  });

  it('unknown batch ids are 404 not_found_error in the API error shape', async () => {
    const emulator = testEmulator();
    const response = await emulator.handle(new Request(`${API}/v1/messages/batches/msgbatch_nope`, {
      headers: { 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01' },
    }));
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('not_found_error');
    expect(body.request_id).toBe(response.headers.get('request-id'));
  });

  it('rejects a malformed create body with 400 invalid_request_error', async () => {
    const emulator = testEmulator();
    const cases: unknown[] = [
      {},
      { requests: [] },
      { requests: [batchRequest('same'), batchRequest('same')] }, // "Must be unique for each request"
      { requests: [batchRequest('has spaces')] },
      { requests: [{ custom_id: 'x' }] },
      { requests: [batchRequest('ok')], extra: true },
    ];
    for (const body of cases) {
      const response = await rawPost(emulator, '/v1/messages/batches', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.type).toBe('invalid_request_error');
    }
  });

  it('needs the same auth as every endpoint', async () => {
    const emulator = testEmulator();
    const response = await emulator.handle(new Request(`${API}/v1/messages/batches`, {
      headers: { 'anthropic-version': '2023-06-01' },
    }));
    expect(response.status).toBe(401);
    expect((await response.json()).error.type).toBe('authentication_error');
  });
});

describe('Message Batches through the Node server (results_url is followed verbatim by the SDK)', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, emulatorOptions: { pacing: 'instant', seed: 'batch-server' } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('create, poll, results with baseURL pointed at the server', async () => {
    const client = new Anthropic({ apiKey: TEST_KEY, baseURL: server.url, maxRetries: 0 });
    const created = await client.messages.batches.create({ requests: [batchRequest('via-server')] });
    const ended = await client.messages.batches.retrieve(created.id);
    expect(ended.results_url).toBe(`${server.url}/v1/messages/batches/${created.id}/results`);
    const results = await collect(await client.messages.batches.results(created.id));
    expect(results).toHaveLength(1);
    expect(results[0]?.custom_id).toBe('via-server');
    expect(results[0]?.result.type).toBe('succeeded');
  });
});

describe('Message Batches stay bounded', () => {
  it('a batch larger than one slice is processed in scheduled slices: in_progress at first, then ended', async () => {
    const client = sdkClient(testEmulator());
    const size = BATCH_LIMITS.requestsPerSlice + 50;
    const created = await client.messages.batches.create({
      requests: Array.from({ length: size }, (_, i) => batchRequest(`r${i}`, hello({ max_tokens: 8 }))),
    });
    const first = await client.messages.batches.retrieve(created.id);
    expect(first.processing_status).toBe('in_progress');
    expect(first.request_counts.processing).toBe(size);
    let batch = first;
    for (let polls = 0; batch.processing_status !== 'ended' && polls < 1_000; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 5)); // poll, as a client does; the slices run in between
      batch = await client.messages.batches.retrieve(created.id);
    }
    expect(batch.processing_status).toBe('ended');
    expect(batch.request_counts.succeeded).toBe(size);
  });

  it('a batch not polled by expires_at ends with every request expired; 29 days after creation its results are archived', async () => {
    const emulator = testEmulator();
    const client = sdkClient(emulator);
    const created = await client.messages.batches.create({ requests: [batchRequest('late'), batchRequest('later')] });
    emulator.advanceTime(DAY_MS + 1);
    const expired = await client.messages.batches.retrieve(created.id);
    expect(expired.processing_status).toBe('ended');
    expect(expired.request_counts).toMatchObject({ expired: 2, succeeded: 0, processing: 0 });
    expect(expired.ended_at).toBe(created.expires_at);
    emulator.advanceTime(29 * DAY_MS);
    const archived = await client.messages.batches.retrieve(created.id);
    expect(archived.archived_at).not.toBeNull();
    expect(archived.results_url).toBeNull();
    expect(archived.request_counts.expired).toBe(2);
    const results = await emulator.handle(new Request(`${API}/v1/messages/batches/${created.id}/results`, {
      headers: { 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01' },
    }));
    expect(results.status).toBe(404);
  });

  it(`keeps at most ${BATCH_LIMITS.maxBatches} batches, dropping the oldest`, async () => {
    const client = sdkClient(testEmulator());
    const first = await client.messages.batches.create({ requests: [batchRequest('a')] });
    for (let i = 0; i < BATCH_LIMITS.maxBatches; i++) await client.messages.batches.create({ requests: [batchRequest('a')] });
    await expect(client.messages.batches.retrieve(first.id)).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });
});
