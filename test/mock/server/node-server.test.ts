/** The emulator behind a real Node HTTP server: the SDK with baseURL, curl-like raw fetch, control routes. */
import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages/messages';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, realSleep } from '../../../src/mock/emulator';
import { startMockServer, type RunningMockServer } from '../../../src/mock/server/node-server';
import { hello, TEST_KEY } from '../helpers';

let server: RunningMockServer;
let client: Anthropic;

beforeAll(async () => {
  server = await startMockServer({ port: 0, emulatorOptions: { pacing: 'instant', seed: 'server-test' } });
  client = new Anthropic({ apiKey: TEST_KEY, baseURL: server.url, maxRetries: 0 });
});

afterAll(async () => {
  await server.close();
});

const curlHeaders = { 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };

describe('Node server', () => {
  it('listens on 127.0.0.1', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers the SDK (create, stream, count_tokens, models)', async () => {
    const message = await client.messages.create(hello() as never);
    expect(message.type).toBe('message');
    expect(message._request_id).toMatch(/^req_/);
    const streamed = await client.messages.stream(hello() as never).finalMessage();
    expect(streamed.content.length).toBeGreaterThan(0);
    const { max_tokens: _ignored, ...countParams } = hello();
    expect((await client.messages.countTokens(countParams as never)).input_tokens).toBe(message.usage.input_tokens);
    expect((await client.models.retrieve('claude-sonnet-4-5')).id).toBe('claude-sonnet-4-5-20250929');
  });

  it('answers raw HTTP like curl, with SSE streamed', async () => {
    const response = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers: curlHeaders, body: JSON.stringify(hello({ stream: true })) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    const text = await response.text();
    expect(text.startsWith('event: message_start\n')).toBe(true);
    expect(text.trimEnd().endsWith('event: message_stop\ndata: {"type":"message_stop"}')).toBe(true);
  });

  it('keeps the API error shape for bad requests', async () => {
    const response = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers: curlHeaders, body: '{oops' });
    expect(response.status).toBe(400);
    const json = (await response.json()) as { type: string; error: { type: string } };
    expect(json).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });

  it('injects faults through the control route and the x-emulator-fault header', async () => {
    const control = await fetch(`${server.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'overloaded' }) });
    expect(await control.json()).toEqual({ pending: [{ kind: 'overloaded', count: 1 }] });
    await expect(client.messages.create(hello() as never)).rejects.toBeInstanceOf(Anthropic.OverloadedError);

    const bad = await fetch(`${server.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'meteor' }) });
    expect(bad.status).toBe(400);

    const viaHeader = await fetch(`${server.url}/v1/messages`, {
      method: 'POST', headers: { ...curlHeaders, 'x-emulator-fault': 'rate_limit' }, body: JSON.stringify(hello()),
    });
    expect(viaHeader.status).toBe(429);
    expect(viaHeader.headers.get('retry-after')).toBe('1');

    await fetch(`${server.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'api_error', count: 3 }) });
    const reset = await fetch(`${server.url}/_emulator/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(server.emulator.pendingFaults()).toEqual([]);
  });

  it('stops producing a stream when the client disconnects', async () => {
    let abortedWhileWaiting = false;
    const emulator = createEmulator({
      pacing: { timeToFirstTokenMs: 0, tokensPerSecond: 20 },
      sleep: async (ms, signal) => {
        try {
          await realSleep(ms, signal);
        } catch (error) {
          abortedWhileWaiting = true;
          throw error;
        }
      },
    });
    const slow = await startMockServer({ port: 0, emulator });
    try {
      const controller = new AbortController();
      const long = hello({ stream: true, max_tokens: 2000, messages: [{ role: 'user', content: 'Explain prompt caching in detail, step by step.' }] });
      const response = await fetch(`${slow.url}/v1/messages`, { method: 'POST', headers: curlHeaders, body: JSON.stringify(long), signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
      await expect.poll(() => abortedWhileWaiting, { timeout: 3000 }).toBe(true);
    } finally {
      await slow.close();
    }
  });
});

const LIMIT = 32 * 1024 * 1024;
const authHeaders = curlHeaders;

describe('the Node server answers an oversized upload without buffering it', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, emulatorOptions: { pacing: 'instant', seed: 'conformance' } });
  });
  afterAll(async () => {
    await server.close();
  });

  /** Sends raw HTTP and resolves with the status line of the first response bytes. */
  function rawHttp(head: string, send: (write: (data: string | Uint8Array) => void) => void): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(head);
        send((data) => socket.write(data));
      });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error('no response within 5 s'));
      }, 5000);
      socket.once('data', (data) => {
        clearTimeout(timer);
        socket.destroy();
        resolve(data.toString('latin1'));
      });
      socket.once('error', reject);
    });
  }

  const head = (extra: string) =>
    `POST /v1/messages HTTP/1.1\r\nHost: localhost\r\nx-api-key: ${TEST_KEY}\r\nanthropic-version: 2023-06-01\r\n` +
    `content-type: application/json\r\n${extra}\r\n`;

  it('answers 413 from the declared content-length before the body arrives', async () => {
    const reply = await rawHttp(head(`content-length: ${LIMIT + 1000}\r\n`), (write) => write('{"model":'));
    expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
    expect(reply).toMatch(/\r\nrequest-id: req_/);
    expect(reply).toContain('"type":"request_too_large"');
  });

  it('answers 413 to a chunked upload once it passes 32 MB, without waiting for its end', async () => {
    const megabyte = new Uint8Array(1024 * 1024).fill(0x61);
    const reply = await rawHttp(head('transfer-encoding: chunked\r\n'), (write) => {
      for (let i = 0; i < 33; i++) {
        write(`${megabyte.byteLength.toString(16)}\r\n`);
        write(megabyte);
        write('\r\n');
      }
      // No terminating 0-chunk: the upload never finishes.
    });
    expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
  });

  it('permission fault via the x-emulator-fault header reaches the SDK as PermissionDeniedError', async () => {
    const client = new Anthropic({ apiKey: TEST_KEY, baseURL: server.url, maxRetries: 0 });
    const failure = await client.messages
      .create(hello() as unknown as MessageCreateParamsNonStreaming, { headers: { 'x-emulator-fault': 'permission' } })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect((failure as InstanceType<typeof Anthropic.PermissionDeniedError>).status).toBe(403);
  });

  it('exposes the API headers to browser pages (CORS), so the SDK can read request-id and retry hints', async () => {
    // A browser page must opt in (the 401 without it is tested below), as the SDK's dangerouslyAllowBrowser does.
    const response = await fetch(`${server.url}/v1/models`, {
      headers: { ...authHeaders, origin: 'http://localhost:5173', 'anthropic-dangerous-direct-browser-access': 'true' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe('*');
  });

  it("the server's own errors (unknown x-emulator-fault value) keep the API shape with a request-id", async () => {
    const response = await fetch(`${server.url}/v1/messages`, {
      method: 'POST', headers: { ...authHeaders, 'x-emulator-fault': 'meteor' }, body: JSON.stringify(hello()),
    });
    expect(response.status).toBe(400);
    const json = (await response.json()) as { type: string; error: { type: string }; request_id: string };
    expect(json).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect(json.request_id).toMatch(/^req_/);
    expect(response.headers.get('request-id')).toBe(json.request_id);
  });

  it('permission fault via POST /_emulator/faults', async () => {
    const control = await fetch(`${server.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'permission', count: 2 }) });
    expect(await control.json()).toEqual({ pending: [{ kind: 'permission', count: 2 }] });
    const response = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers: authHeaders, body: JSON.stringify(hello()) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'permission_error' } });
    await fetch(`${server.url}/_emulator/reset`, { method: 'POST' });
  });
});

describe('browser pages (CORS) against the Node server', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, emulatorOptions: { pacing: 'instant', seed: 'batch-server' } });
  });
  afterAll(async () => {
    await server.close();
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

describe('the Node server under bad input', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, emulatorOptions: { pacing: 'instant', seed: 'bad-input' } });
  });
  afterAll(async () => {
    await server.close();
  });

  /** Sends raw HTTP/1.1 text and resolves with the whole reply (the request asks the server to close). */
  function raw(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = connect(server.port, '127.0.0.1', () => socket.write(text));
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
  }
  const auth = `x-api-key: ${TEST_KEY}\r\nanthropic-version: 2023-06-01\r\n`;

  it('answers TRACE like an unknown route: 404 not_found_error with a request-id, not a 500', async () => {
    const reply = await raw(`TRACE /v1/messages HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`);
    expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect(reply).toMatch(/\r\nrequest-id: req_/);
    expect(reply).toContain('"type":"not_found_error"');
  });

  it('routes an absolute-form request target by its path (RFC 9112 §3.2.2), not a 502', async () => {
    const reply = await raw(`GET http://127.0.0.1:${server.port}/v1/models/claude-haiku-5-5 HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`);
    expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(reply).toContain('"id":"claude-haiku-5-5"');
  });

  it('x-emulator-fault applies to its own request only, whatever the route, and never waits in the queue', async () => {
    const headers = { 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };
    const models = await fetch(`${server.url}/v1/models`, { headers: { ...headers, 'x-emulator-fault': 'overloaded' } });
    expect(models.status).toBe(529);
    const unauthorized = await fetch(`${server.url}/v1/messages`, {
      method: 'POST', headers: { 'anthropic-version': '2023-06-01', 'x-emulator-fault': 'api_error' }, body: JSON.stringify(hello()),
    });
    expect(unauthorized.status).toBe(401);
    expect(server.emulator.pendingFaults()).toEqual([]);
    const next = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers, body: JSON.stringify(hello()) });
    expect(next.status).toBe(200);
  });

  it('control routes validate their input in the API error shape, bound scenarios, and carry request-id', async () => {
    const listed = await fetch(`${server.url}/_emulator/faults`);
    expect(listed.headers.get('request-id')).toMatch(/^req_/);
    for (const scenario of [
      { kind: 'overloaded', count: Number.MAX_SAFE_INTEGER },
      { kind: 'rate_limit', retryAfterSeconds: 1e300 },
      { kind: 'latency', ms: 1e12 },
      'not a scenario',
      [],
    ]) {
      const refused = await fetch(`${server.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify(scenario) });
      expect(refused.status, JSON.stringify(scenario)).toBe(400);
      const body = (await refused.json()) as { type: string; error: { type: string; message: string }; request_id: string };
      expect(body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
      expect(refused.headers.get('request-id')).toBe(body.request_id);
    }
    const notJson = await fetch(`${server.url}/_emulator/faults`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
    expect(server.emulator.pendingFaults()).toEqual([]);
    // A scenario at the bounds still works, and a later request is answered normally once it is used.
    await fetch(`${server.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'rate_limit', retryAfterSeconds: 3600 }) });
    const limited = await fetch(`${server.url}/v1/messages`, {
      method: 'POST', headers: { 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01' }, body: JSON.stringify(hello()),
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3600');
    const cleared = await fetch(`${server.url}/_emulator/faults`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ pending: [] });
  });
});
