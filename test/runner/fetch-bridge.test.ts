import { afterEach, describe, expect, it } from 'vitest';
import Anthropic from '@anthropic-ai/sdk';
import { PLACEHOLDER_API_KEY } from '../../src/anthropic-api';
import { createBackendSwitch } from '../../src/backend';
import { FetchBridge } from '../../src/runner/fetch-bridge';
import type { ExchangeRecord } from '../../src/runner/protocol';
import { SandboxFetch } from '../../src/runner/worker-fetch';
import { parseSse } from '../../src/ui/format-exchange';
import type { PageToWorker, WorkerToPage } from '../../src/runner/worker-protocol';

const MODEL = 'claude-sonnet-5-5';
const channels: MessageChannel[] = [];

/**
 * The worker's fetch and the page's bridge joined by a real MessageChannel, with the real backend switch
 * (and emulator) behind it: what a cell's fetch goes through, minus the browser.
 */
function sandboxLink() {
  const channel = new MessageChannel();
  channels.push(channel);
  const workerSide = channel.port1;
  const pageSide = channel.port2;
  const api = createBackendSwitch({ pacing: 'instant' });
  const exchanges = new Map<string, ExchangeRecord>();
  const sandboxFetch = new SandboxFetch((message, transfer) => workerSide.postMessage(message, transfer ?? []), () => 1);
  const bridge = new FetchBridge(
    api,
    (message, transfer) => pageSide.postMessage(message, transfer ?? []),
    (_runId, exchange) => exchanges.set(exchange.id, exchange),
  );
  workerSide.onmessage = (event: MessageEvent<PageToWorker>) => void sandboxFetch.handle(event.data);
  pageSide.onmessage = (event: MessageEvent<WorkerToPage>) => {
    const message = event.data;
    if (message.type === 'fetch') void bridge.serve(message);
    if (message.type === 'fetch-abort') bridge.abort(message.fetchId, message.reason);
  };
  const client = new Anthropic({ apiKey: PLACEHOLDER_API_KEY, fetch: sandboxFetch.fetch, dangerouslyAllowBrowser: true, maxRetries: 0 });
  return { api, client, fetch: sandboxFetch.fetch, exchanges };
}

afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

describe('sandbox fetch ⇄ page bridge', () => {
  it('streams an SDK message from the emulator chunk by chunk and records the exchange', { timeout: 30_000 }, async () => {
    const { client, exchanges } = sandboxLink();
    const stream = client.messages.stream({ model: MODEL, max_tokens: 256, messages: [{ role: 'user', content: 'Hello there' }] });
    const deltas: string[] = [];
    stream.on('text', (text) => deltas.push(text));
    const message = await stream.finalMessage();
    expect(message.type).toBe('message');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(message.content.map((block) => (block.type === 'text' ? block.text : '')).join(''));
    const [record] = [...exchanges.values()];
    expect(record?.response).toMatchObject({ status: 200, streamed: true });
    expect(record?.response?.body).toContain('event: message_stop');
    expect(record?.durationMs).toBeGreaterThanOrEqual(0);
    // Each event of the recorded body has its offset from the request's start, in order, after the headers.
    const timing = record!.response!.timing!;
    const offsets = timing.eventOffsetsMs!;
    expect(offsets).toHaveLength(parseSse(record!.response!.body).length);
    expect(offsets.every((value, i) => value >= (i === 0 ? timing.firstByteMs! : offsets[i - 1]!))).toBe(true);
    expect(timing.firstByteMs).toBeGreaterThanOrEqual(timing.headersMs);
    const credential = record?.request.headers['x-api-key'] ?? record?.request.headers.authorization ?? '';
    expect(credential).toMatch(/sk-ant-…0000$/);
    expect(JSON.stringify(record)).not.toContain(PLACEHOLDER_API_KEY);
  });

  it('passes status and headers through, so the SDK raises the API error', async () => {
    const { api, client } = sandboxLink();
    (await api.emulator()).inject({ kind: 'rate_limit', count: 1, retryAfterSeconds: 2 });
    const error = await client.messages.create({ model: MODEL, max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect((error as InstanceType<typeof Anthropic.RateLimitError>).headers.get('retry-after')).toBe('2');
  });

  it('rejects with a TypeError carrying the emulator’s message when it refuses the request (CORS)', async () => {
    const { fetch } = sandboxLink();
    const failure = await fetch('https://api.anthropic.com/v1/messages', {
      method: 'POST',
      headers: { 'x-api-key': PLACEHOLDER_API_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }),
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toContain('anthropic-dangerous-direct-browser-access');
  });

  it('refuses other hosts before anything is sent', async () => {
    const { fetch, exchanges } = sandboxLink();
    await expect(fetch('https://example.com/collect')).rejects.toThrow(
      'The playground only lets cells call https://api.anthropic.com; blocked: https://example.com/',
    );
    expect(exchanges.size).toBe(0);
  });

  it('an abort in the sandbox aborts the page request and is recorded', async () => {
    const { api, client, exchanges } = sandboxLink();
    (await api.emulator()).inject({ kind: 'latency', ms: 3000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = client.messages.create({ model: MODEL, max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(Anthropic.APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(2000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([...exchanges.values()].at(-1)?.error).toMatch(/^AbortError/);
  });
});
