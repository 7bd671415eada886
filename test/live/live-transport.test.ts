import { describe, expect, it } from 'vitest';
import Anthropic from '@anthropic-ai/sdk';
import { createLiveTransport } from '../../src/live/live-transport';
import { PLACEHOLDER_API_KEY } from '../../src/anthropic-api';

const KEY = 'sk-ant-api03-REALKEYREALKEYREALKEY-abcd';

/** Stands in for the network: records what would have been sent, answers like the API. */
function fakeNetwork(answer: (url: string, init: RequestInit) => Response) {
  const sent: { url: string; headers: Headers; body: string }[] = [];
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const body = init?.body ? new TextDecoder().decode(init.body as ArrayBuffer) : '';
    sent.push({ url: String(url), headers, body });
    return answer(String(url), init ?? {});
  }) as typeof fetch;
  return { sent, fetchImpl };
}

describe('live transport', () => {
  it('swaps the placeholder for the real key on the way out (SDK request, Authorization and x-api-key)', async () => {
    const { sent, fetchImpl } = fakeNetwork(
      () =>
        new Response(JSON.stringify({ id: 'msg_1', type: 'message', role: 'assistant', content: [], model: 'm', stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } }), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    const transport = createLiveTransport({ getKey: () => KEY, fetch: fetchImpl });
    // The official SDK builds the request exactly as it does in the sandbox, with the placeholder key.
    const client = new Anthropic({ apiKey: PLACEHOLDER_API_KEY, fetch: (input, init) => transport.handle(new Request(input, init)), maxRetries: 0 });
    await client.messages.create({ model: 'claude-test', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('https://api.anthropic.com/v1/messages');
    const sentCredential = sent[0]?.headers.get('x-api-key') ?? sent[0]?.headers.get('authorization');
    expect(sentCredential).toContain(KEY);
    expect(JSON.stringify([...(sent[0]?.headers ?? [])])).not.toContain(PLACEHOLDER_API_KEY);

    await transport.handle(
      new Request('https://api.anthropic.com/v1/models', { headers: { authorization: `Bearer ${PLACEHOLDER_API_KEY}` } }),
    );
    expect(sent[1]?.headers.get('authorization')).toBe(`Bearer ${KEY}`);
  });

  it('redacts any echo of the key in the response body and headers', async () => {
    const { fetchImpl } = fakeNetwork(
      () =>
        new Response(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${KEY}` } }), {
          status: 401,
          headers: { 'content-type': 'application/json', 'x-debug': KEY },
        }),
    );
    const transport = createLiveTransport({ getKey: () => KEY, fetch: fetchImpl });
    const response = await transport.handle(new Request('https://api.anthropic.com/v1/messages', { method: 'POST', headers: { 'x-api-key': PLACEHOLDER_API_KEY }, body: '{}' }));
    const text = await response.text();
    expect(response.status).toBe(401);
    expect(text).toContain('sk-ant-…abcd');
    expect(text).not.toContain(KEY);
    expect(response.headers.get('x-debug')).toBe('sk-ant-...abcd');
  });

  it('redacts the key from network error messages', async () => {
    const transport = createLiveTransport({
      getKey: () => KEY,
      fetch: (async () => {
        throw new TypeError(`Failed to fetch with ${KEY}`);
      }) as typeof fetch,
    });
    await expect(transport.handle(new Request('https://api.anthropic.com/v1/models'))).rejects.toThrow('Failed to fetch with sk-ant-…abcd');
  });

  it('never calls anything but api.anthropic.com, and needs a key', async () => {
    const { sent, fetchImpl } = fakeNetwork(() => new Response('{}'));
    const withKey = createLiveTransport({ getKey: () => KEY, fetch: fetchImpl });
    await expect(withKey.handle(new Request('https://example.com/v1/messages'))).rejects.toThrow(/refused: https:\/\/example.com/);
    const withoutKey = createLiveTransport({ getKey: () => null, fetch: fetchImpl });
    await expect(withoutKey.handle(new Request('https://api.anthropic.com/v1/messages'))).rejects.toThrow(/no API key/);
    expect(sent).toHaveLength(0);
  });
});
