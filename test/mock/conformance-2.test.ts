/**
 * Second conformance audit: behaviours found missing or different from the SDK types / API docs, each pinned here.
 * Expected values come from the SDK's types and doc comments (node_modules/@anthropic-ai/sdk/src/resources/…) and the
 * docs named in each test, never from running the emulator.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { MessageBatchIndividualResponse } from '@anthropic-ai/sdk/resources/messages/batches';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from '../../src/mock/server/node-server';
import { API, hello, MODEL, rawPost, sdkClient, TEST_KEY, testEmulator } from './helpers';

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

  it('a browser request (Origin) without the opt-in header is a 401 authentication_error with no CORS headers', async () => {
    // Real captures: HTTP 401, no access-control-allow-origin, message "CORS requests must set
    // 'anthropic-dangerous-direct-browser-access' header" (github.com/open-pencil/open-pencil/issues/436,
    // ChatGPTNextWeb/NextChat#5429).
    const headers = { 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json', origin: 'https://example.com' };
    const refused = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers, body: JSON.stringify(hello()) });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const body = await refused.json();
    expect(body.error).toEqual({
      type: 'authentication_error',
      message: "CORS requests must set 'anthropic-dangerous-direct-browser-access' header",
    });
    const allowed = await fetch(`${server.url}/v1/messages`, {
      method: 'POST',
      headers: { ...headers, 'anthropic-dangerous-direct-browser-access': 'true' },
      body: JSON.stringify(hello()),
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('*');
    expect(allowed.headers.get('access-control-expose-headers')).toBe('*');
  });

  it('the SDK with dangerouslyAllowBrowser sends the opt-in, so a browser-origin call succeeds', async () => {
    const client = new Anthropic({
      apiKey: TEST_KEY, baseURL: server.url, maxRetries: 0, dangerouslyAllowBrowser: true,
      defaultHeaders: { origin: 'https://example.com' },
    });
    const message = await client.messages.create(hello() as unknown as Anthropic.MessageCreateParamsNonStreaming);
    expect(message.type).toBe('message');
  });

  it('CORS preflight allows DELETE (batches.delete) for browser pages', async () => {
    const response = await fetch(`${server.url}/v1/messages/batches/msgbatch_x`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'DELETE' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('DELETE');
  });
});

/** A 1×1 PNG and the first bytes of a JPEG (the formats' own signatures). */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PDF_MINIMAL = btoa('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function imageMessage(mediaType: string, data: string) {
  return hello({
    messages: [{
      role: 'user',
      content: [{ type: 'image', source: { type: 'base64', media_type: mediaType, data } }, { type: 'text', text: 'Describe it.' }],
    }],
  });
}

describe('base64 images and PDFs are decoded, as the API does', () => {
  it('accepts a real PNG declared as image/png', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', imageMessage('image/png', PNG_1X1));
    expect(response.status).toBe(200);
  });

  it('rejects a PNG declared as image/jpeg (media type must match the bytes)', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', imageMessage('image/jpeg', PNG_1X1));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('image/jpeg');
    expect(body.error.message).toContain('image/png');
  });

  it('rejects data that is not base64 (e.g. a data: URL) and bytes that are no image', async () => {
    const dataUrl = await rawPost(testEmulator(), '/v1/messages', imageMessage('image/png', `data:image/png;base64,${PNG_1X1}`));
    expect(dataUrl.status).toBe(400);
    const notImage = await rawPost(testEmulator(), '/v1/messages', imageMessage('image/png', btoa('hello, not an image')));
    expect(notImage.status).toBe(400);
    expect((await notImage.json()).error.type).toBe('invalid_request_error');
  });

  it('accepts a PDF and rejects bytes that are not one', async () => {
    const documentMessage = (data: string) => hello({
      messages: [{
        role: 'user',
        content: [{ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data } }, { type: 'text', text: 'Summarize.' }],
      }],
    });
    expect((await rawPost(testEmulator(), '/v1/messages', documentMessage(PDF_MINIMAL))).status).toBe(200);
    const bad = await rawPost(testEmulator(), '/v1/messages', documentMessage(btoa('plain text, not a PDF')));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.type).toBe('invalid_request_error');
  });

  it('count_tokens applies the same check', async () => {
    const { max_tokens: _dropped, ...countParams } = imageMessage('image/gif', PNG_1X1);
    const response = await rawPost(testEmulator(), '/v1/messages/count_tokens', { ...countParams, model: MODEL });
    expect(response.status).toBe(400);
  });
});

describe('authentication wording', () => {
  it('a request without any key gets the API\'s exact 401 message', async () => {
    // Captured real response: {"type":"authentication_error","message":"x-api-key header is required"}
    // (github.com/stackblitz-labs/bolt.diy/issues/156).
    const response = await testEmulator().handle(new Request(`${API}/v1/messages`, {
      method: 'POST',
      headers: { 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify(hello()),
    }));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toEqual({ type: 'authentication_error', message: 'x-api-key header is required' });
  });
});

describe('compressed request bodies (Content-Encoding; SDK error codes request_body_encoding_*)', () => {
  const postEncoded = (body: Uint8Array, encoding: string) =>
    testEmulator().handle(new Request(`${API}/v1/messages`, {
      method: 'POST',
      headers: {
        'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json', 'content-encoding': encoding,
      },
      body: new Uint8Array(body),
    }));

  it('decodes a gzip or deflate body and answers it like the plain one', async () => {
    const json = JSON.stringify(hello());
    for (const [encoding, body] of [['gzip', gzipSync(json)], ['deflate', deflateSync(json)]] as const) {
      const response = await postEncoded(body, encoding);
      expect(response.status, encoding).toBe(200);
      expect((await response.json()).type).toBe('message');
    }
  });

  it('a body that is not what its Content-Encoding says is 400 request_body_encoding_invalid', async () => {
    const response = await postEncoded(new TextEncoder().encode(JSON.stringify(hello())), 'gzip');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.details.error_code).toBe('request_body_encoding_invalid');
  });

  it('a small gzip body that inflates past the 32 MB limit is 413 request_body_too_large_after_decoding', async () => {
    const response = await postEncoded(gzipSync(new Uint8Array(33 * 1024 * 1024)), 'gzip');
    expect(response.status).toBe(413);
    const body = await response.json();
    expect(body.error.type).toBe('request_too_large');
    expect(body.error.details.error_code).toBe('request_body_too_large_after_decoding');
  });

  it('an unknown coding is 400 request_body_encoding_unsupported, which the SDK maps to its own class', async () => {
    const emulator = testEmulator();
    const client = sdkClient(emulator, {
      fetch: (url, init) => {
        const request = new Request(url, init);
        const headers = new Headers(request.headers);
        headers.set('content-encoding', 'snappy');
        return emulator.handle(new Request(request, { headers }));
      },
    });
    const failure = await client.messages.create(hello() as unknown as Anthropic.MessageCreateParamsNonStreaming).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Anthropic.RequestBodyEncodingUnsupportedError);
  });
});

describe('tool_result content accepts every block type of ToolResultBlockParam (SDK messages.ts:6219-6228)', () => {
  it('tool_reference and browser_state blocks inside a tool_result are valid input', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', hello({
      tools: [{ name: 'find_tools', description: 'Search the tool catalogue', input_schema: { type: 'object' } }],
      messages: [
        { role: 'user', content: 'Find a weather tool' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_ref', name: 'find_tools', input: {} }] },
        {
          role: 'user',
          content: [{
            type: 'tool_result',
            tool_use_id: 'toolu_ref',
            content: [{ type: 'tool_reference', tool_name: 'get_weather' }, { type: 'browser_state', tabs: [] }],
          }],
        },
      ],
    }));
    expect(response.status).toBe(200);
    expect((await response.json()).type).toBe('message');
  });
});

describe('tool inputs follow the question and the input_schema', () => {
  const weather: Anthropic.Tool = {
    name: 'get_weather',
    description: 'Get the current weather in a given location',
    input_schema: { type: 'object', properties: { location: { type: 'string', description: 'The city, e.g. San Francisco' } }, required: ['location'] },
  };
  const time: Anthropic.Tool = {
    name: 'get_time',
    description: 'Get the current time in a given time zone',
    input_schema: { type: 'object', properties: { timezone: { type: 'string', description: 'IANA time zone name, e.g. America/Los_Angeles' } }, required: ['timezone'] },
  };
  const ask = async (question: string) => {
    const message = await sdkClient(testEmulator()).messages.create({
      model: MODEL, max_tokens: 500, tools: [weather, time], messages: [{ role: 'user', content: question }],
    });
    expect(message.stop_reason).toBe('tool_use');
    return message.content.flatMap((block) => (block.type === 'tool_use' ? [{ name: block.name, input: block.input }] : []));
  };

  it('two tools asked about for two cities give one call per tool and city', async () => {
    const calls = await ask('What is the weather and the time in Paris and Tokyo?');
    expect(calls).toHaveLength(4);
    expect(calls).toEqual(expect.arrayContaining([
      { name: 'get_weather', input: { location: 'Paris' } },
      { name: 'get_weather', input: { location: 'Tokyo' } },
      { name: 'get_time', input: { timezone: 'Europe/Paris' } },
      { name: 'get_time', input: { timezone: 'Asia/Tokyo' } },
    ]));
  });

  it('a time-zone property gets an IANA zone name, not the sentence', async () => {
    expect(await ask('What time is it in New York?')).toEqual([{ name: 'get_time', input: { timezone: 'America/New_York' } }]);
  });
});

describe('sampling with thinking uses the API wording', () => {
  it('temperature other than 1 with thinking on: "`temperature` may only be set to 1 when thinking is enabled…"', async () => {
    // Wording captured from real 400s in third-party code (the docs state the rule: REF §4, …/extended-thinking).
    const response = await rawPost(testEmulator(), '/v1/messages', hello({
      model: 'claude-sonnet-4-5', max_tokens: 2048, temperature: 0.2, thinking: { type: 'enabled', budget_tokens: 1024 },
    }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/^`temperature` may only be set to 1 when thinking is enabled/);
  });
});

describe('tool_choice needs tools', () => {
  it('any tool_choice without tools is a 400 "tool_choice.<type> may only be specified while providing tools"', async () => {
    // The API's words as captured in third-party code ("tool_choice.any may only be specified while providing tools").
    for (const type of ['auto', 'any', 'none'] as const) {
      const response = await rawPost(testEmulator(), '/v1/messages', hello({ tool_choice: { type } }));
      expect(response.status, type).toBe(400);
      const body = await response.json();
      expect(body.error.type).toBe('invalid_request_error');
      expect(body.error.message).toBe(`tool_choice.${type} may only be specified while providing tools`);
    }
    const emptyTools = await rawPost(testEmulator(), '/v1/messages', hello({ tools: [], tool_choice: { type: 'tool', name: 'x' } }));
    expect(emptyTools.status).toBe(400);
  });
});

describe('tagged unions answer in the schema library\'s words (real 400s quoted in third-party code)', () => {
  it('an unknown block type, source type, tool type or thinking type is "Input tag … does not match any of the expected tags"', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [hello({ messages: [{ role: 'user', content: [{ type: 'input_text', text: 'x' }] }] }), "messages.0.content.0: Input tag 'input_text' found using 'type'"],
      [hello({ messages: [{ role: 'user', content: [{ type: 'document', source: { type: 'csv', data: 'a,b' } }] }] }),
        "messages.0.content.0.document.source: Input tag 'csv' found using 'type' does not match any of the expected tags: 'base64', 'content', 'file', 'text', 'url'"],
      [hello({ tools: [{ type: 'function', name: 'f', input_schema: { type: 'object' } }] }), "tools.0: Input tag 'function' found using 'type'"],
      [hello({ tools: [{ type: 'web_search_20990101', name: 'web_search' }] }), "tools.0: Input tag 'web_search_20990101'"],
      [hello({ thinking: { type: 'on' } }), "thinking: Input tag 'on' found using 'type'"],
    ];
    for (const [body, expected] of cases) {
      const response = await rawPost(testEmulator(), '/v1/messages', body);
      expect(response.status).toBe(400);
      const json = await response.json();
      expect(json.error.type).toBe('invalid_request_error');
      expect(json.error.message).toContain(expected);
    }
  });

  it('a block without a type: "Unable to extract tag using discriminator \'type\'"', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', hello({ messages: [{ role: 'user', content: [{ text: 'x' }] }] }));
    expect((await response.json()).error.message).toBe("messages.0.content.0: Unable to extract tag using discriminator 'type'");
  });
});

describe('error paths name the tagged-union member, as the API\'s do', () => {
  it('a bad custom tool name is reported at tools.N.custom.name (real 400 quoted in many third-party projects)', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', hello({
      tools: [{ name: 'docker.io', description: 'x', input_schema: { type: 'object' } }],
    }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe("tools.0.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'");
  });

  it('fields inside a content block are reported under the block type (messages.N.content.M.<type>.…)', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', hello({
      messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: PNG_1X1 } }] }],
    }));
    expect((await response.json()).error.message)
      .toBe("messages.0.content.0.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'");
  });
});
