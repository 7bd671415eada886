/**
 * Conformance fixes from the audit: each test drives the emulator the way learners' code does (official SDK or raw
 * fetch) and fails on the behaviour that was wrong before the fix.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages/messages';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_ORGANIZATION_ID } from '../../src/mock/headers';
import { startMockServer, type RunningMockServer } from '../../src/mock/server/node-server';
import { API, hello, MODEL, rawPost, sdkClient, TEST_KEY, testEmulator } from './helpers';

const LIMIT = 32 * 1024 * 1024;
const authHeaders = { 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };

/** A body that sends `bytes` bytes of JSON-ish text in 1 MB chunks and then never ends. */
function neverEndingBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return new Promise<void>(() => undefined); // stalls: the upload never finishes
      const piece = chunk.subarray(0, Math.min(chunk.byteLength, bytes - sent));
      sent += piece.byteLength;
      controller.enqueue(piece);
      return undefined;
    },
  });
}

describe('413 request_too_large is decided from the byte length alone', () => {
  it('answers a 33 MB string body in-page well under a second, with request-id, before any fault is used', async () => {
    const emulator = testEmulator();
    emulator.inject({ kind: 'overloaded' });
    const body = JSON.stringify(hello({ messages: [{ role: 'user', content: 'a'.repeat(33 * 1024 * 1024) }] }));
    const request = new Request(`${API}/v1/messages`, { method: 'POST', headers: authHeaders, body });
    const started = performance.now();
    const response = await emulator.handle(request);
    const elapsedMs = performance.now() - started;
    expect(response.status).toBe(413);
    expect(elapsedMs).toBeLessThan(1000);
    const json = (await response.json()) as { error: { type: string }; request_id: string };
    expect(json.error.type).toBe('request_too_large');
    expect(response.headers.get('request-id')).toBe(json.request_id);
    expect(json.request_id).toMatch(/^req_/);
    // The size gate sits in front of the API (REF §3): the injected fault is still waiting for the next request.
    expect(emulator.pendingFaults()).toEqual([{ kind: 'overloaded', count: 1 }]);
  });

  it('stops reading an upload as soon as it passes 32 MB (the rest never arrives)', async () => {
    const request = new Request(`${API}/v1/messages/count_tokens`, {
      method: 'POST', headers: authHeaders, body: neverEndingBody(LIMIT + 1), duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const response = await testEmulator().handle(request);
    expect(response.status).toBe(413);
  });

  it('trusts a declared content-length over the limit without reading anything', async () => {
    const request = new Request(`${API}/v1/messages`, {
      method: 'POST', headers: { ...authHeaders, 'content-length': String(LIMIT + 10) }, body: neverEndingBody(0), duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const response = await testEmulator().handle(request);
    expect(response.status).toBe(413);
  });

  it('still answers a body of exactly 32 MB past the size gate (here: a 400 for its content, not a 413)', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', `{"x":"${'a'.repeat(LIMIT - 8)}"}`);
    expect(response.status).toBe(400);
  }, 20_000);
});

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
    // A browser page must opt in (conformance-2.test.ts covers the 401 without it), as the SDK's dangerouslyAllowBrowser does.
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

describe('permission_error (403) fault scenario', () => {
  it('is a 403 permission_error that the SDK does not retry', async () => {
    const emulator = testEmulator();
    emulator.inject({ kind: 'permission' });
    const statuses: number[] = [];
    const client = sdkClient(emulator, {
      maxRetries: 2,
      fetch: async (url, init) => {
        const response = await emulator.handle(new Request(url, init));
        statuses.push(response.status);
        return response;
      },
    });
    const failure = await client.messages.create(hello() as unknown as MessageCreateParamsNonStreaming).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Anthropic.PermissionDeniedError);
    const apiError = failure as InstanceType<typeof Anthropic.PermissionDeniedError>;
    expect(apiError.error).toMatchObject({ type: 'error', error: { type: 'permission_error' } });
    expect(apiError.headers.get('x-should-retry')).toBe('false');
    expect(apiError.requestID).toMatch(/^req_/);
    expect(statuses).toEqual([403]);
  });
});

describe('unknown routes carry the headers of every API response', () => {
  it('404 for an unknown path has request-id (matching the body) and the organization id', async () => {
    const response = await testEmulator().handle(new Request(`${API}/v1/nope`, { headers: authHeaders }));
    expect(response.status).toBe(404);
    const json = (await response.json()) as { error: { type: string }; request_id: string };
    expect(json.error.type).toBe('not_found_error');
    expect(response.headers.get('request-id')).toBe(json.request_id);
    expect(response.headers.get('anthropic-organization-id')).toBe(EMULATOR_ORGANIZATION_ID);
  });

  it('404 for a path the router cannot decode still has a request id', async () => {
    const response = await testEmulator().handle(new Request(`${API}/v1/models/%E0%A4%A`, { headers: authHeaders }));
    expect(response.status).toBe(404);
    const json = (await response.json()) as { request_id: string | null };
    expect(json.request_id).toMatch(/^req_/);
    expect(response.headers.get('request-id')).toBe(json.request_id);
  });
});

describe('max_tokens: 1', () => {
  it('returns one token of text, not an empty content list', async () => {
    const client = sdkClient(testEmulator());
    // On a model that does not think unless asked (Opus 4.8, models.md §5 rule 1): on Sonnet 5.5 the one token
    // would go to its default adaptive thinking (test/mock/validate/thinking.test.ts covers that).
    const message = await client.messages.create({
      model: 'claude-opus-4-8', max_tokens: 1, messages: [{ role: 'user', content: 'Tell me a long story about a lighthouse keeper.' }],
    });
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBe(1);
    expect(message.content).toHaveLength(1);
    expect(message.content[0]).toMatchObject({ type: 'text' });
    expect((message.content[0] as { text: string }).text.trim().length).toBeGreaterThan(0);
  });
});

describe('pathologically nested JSON', () => {
  const deepSchema = (levels: number) => {
    let schema = '{"type":"string"}';
    for (let i = 0; i < levels; i++) schema = `{"type":"array","items":${schema}}`;
    return `{"type":"object","properties":{"x":${schema}}}`;
  };

  it('a tool schema nested 50,000 levels deep is a 400 invalid_request_error, not a 500', async () => {
    const body =
      `{"model":"${MODEL}","max_tokens":50,"messages":[{"role":"user","content":"hi"}],` +
      `"tools":[{"name":"deep","input_schema":${deepSchema(50_000)}}],"tool_choice":{"type":"any"}}`;
    for (const path of ['/v1/messages', '/v1/messages/count_tokens']) {
      const response = await rawPost(testEmulator(), path, path.endsWith('count_tokens') ? body.replace('"max_tokens":50,', '') : body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    }
  });

  it('ordinary nesting (a schema 20 levels deep) is still accepted', async () => {
    const body = `{"model":"${MODEL}","messages":[{"role":"user","content":"hi"}],"tools":[{"name":"deep","input_schema":${deepSchema(20)}}]}`;
    const response = await rawPost(testEmulator(), '/v1/messages/count_tokens', body);
    expect(response.status).toBe(200);
  });
});
