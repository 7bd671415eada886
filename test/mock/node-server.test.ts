/** The emulator behind a real Node HTTP server: the SDK with baseURL, curl-like raw fetch, control routes. */
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, realSleep } from '../../src/mock/emulator';
import { startMockServer, type RunningMockServer } from '../../src/mock/server/node-server';
import { hello, TEST_KEY } from './helpers';

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
