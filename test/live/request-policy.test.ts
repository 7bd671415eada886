import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_API_KEY } from '../../src/anthropic-api';
import { validateKey } from '../../src/live/key-store';
import { createLiveTransport, type LiveTransportOptions } from '../../src/live/live-transport';
import { COURSE_ENDPOINTS, decideLiveRequest } from '../../src/live/request-policy';

const KEY = 'sk-ant-api03-REALKEYREALKEYREALKEY-abcd';
const MESSAGE = {
  id: 'msg_1', type: 'message', role: 'assistant', content: [{ type: 'text', text: 'ok' }], model: 'claude-haiku-5-5',
  stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 },
};
const BATCH = {
  id: 'msgbatch_1', type: 'message_batch', processing_status: 'ended', archived_at: null, cancel_initiated_at: null,
  created_at: '2026-12-04T00:00:00Z', ended_at: null, expires_at: '2026-12-05T00:00:00Z',
  request_counts: { canceled: 0, errored: 0, expired: 0, processing: 0, succeeded: 1 },
  results_url: 'https://api.anthropic.com/v1/messages/batches/msgbatch_1/results',
};

/** The network the transport would use: records what it sent and answers with a plausible body per path. */
function harness(options: Partial<LiveTransportOptions> = {}) {
  const sent: { method: string; url: string }[] = [];
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    const href = String(url);
    sent.push({ method: init?.method ?? 'GET', url: href });
    const path = new URL(href).pathname;
    const body =
      path.endsWith('/count_tokens') ? { input_tokens: 3 }
      : path === '/v1/models' ? { data: [], has_more: false, first_id: null, last_id: null }
      : path.startsWith('/v1/models/') ? { id: 'claude-haiku-5-5', type: 'model', display_name: 'Claude Haiku 5.5', created_at: '2026-10-07T00:00:00Z' }
      : path === '/v1/messages/batches' && init?.method === 'GET' ? { data: [], has_more: false, first_id: null, last_id: null }
      : path.startsWith('/v1/messages/batches') && init?.method === 'DELETE' ? { id: 'msgbatch_1', type: 'message_batch_deleted' }
      : path.startsWith('/v1/messages/batches') ? BATCH
      : MESSAGE;
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  const transport = createLiveTransport({ getKey: () => KEY, fetch: fetchImpl, ...options });
  const client = new Anthropic({ apiKey: PLACEHOLDER_API_KEY, fetch: (input, init) => transport.handle(new Request(input, init)), maxRetries: 0 });
  return { sent, transport, client };
}

const ask = { model: 'claude-haiku-5-5', max_tokens: 50, messages: [{ role: 'user' as const, content: 'Hi' }] };

describe('live mode request policy', () => {
  it('forwards every endpoint the course uses, called through the official SDK', async () => {
    const { sent, client } = harness();
    await client.messages.create(ask);
    await client.messages.countTokens({ model: ask.model, messages: ask.messages });
    await client.models.list();
    await client.models.retrieve('claude-haiku-5-5');
    await client.messages.batches.create({ requests: [{ custom_id: 'a', params: ask }] });
    await client.messages.batches.list();
    await client.messages.batches.retrieve('msgbatch_1');
    await client.messages.batches.cancel('msgbatch_1');
    await client.messages.batches.delete('msgbatch_1');
    const paths = sent.map((request) => `${request.method} ${new URL(request.url).pathname}`);
    expect(paths).toEqual([
      'POST /v1/messages', 'POST /v1/messages/count_tokens', 'GET /v1/models', 'GET /v1/models/claude-haiku-5-5',
      'POST /v1/messages/batches', 'GET /v1/messages/batches', 'GET /v1/messages/batches/msgbatch_1',
      'POST /v1/messages/batches/msgbatch_1/cancel', 'DELETE /v1/messages/batches/msgbatch_1',
    ]);
    expect(decideLiveRequest('GET', new URL('https://api.anthropic.com/v1/messages/batches/msgbatch_1/results'), '')).toEqual({ kind: 'allow' });
  });

  it.each([
    ['POST', '/v1/organizations/invites', '{"email":"someone@example.com","role":"admin"}'],
    ['DELETE', '/v1/files/file_123', ''],
    ['GET', '/v1/organizations/api_keys', ''],
    ['GET', '/v1/messages', ''],
    ['PUT', '/v1/messages', '{}'],
    ['POST', '/v1/models', '{}'],
  ])('refuses %s %s in the cell and sends nothing', async (method, path, body) => {
    const { sent, transport } = harness();
    const request = new Request(`https://api.anthropic.com${path}`, { method, headers: { 'x-api-key': PLACEHOLDER_API_KEY }, body: body || undefined });
    const failure = transport.handle(request);
    await expect(failure).rejects.toThrow(TypeError);
    await expect(failure).rejects.toThrow(`${method} ${path} is not an endpoint this course uses`);
    expect(sent).toEqual([]);
  });

  it('asks before a request makes the API contact another host, once per host, and refuses when the learner says no', async () => {
    const asked: string[][] = [];
    let answer = false;
    const { sent, client } = harness({ confirmOutsideHosts: async ({ hosts }) => (asked.push(hosts), answer) });
    const withMcp = { ...ask, mcp_servers: [{ type: 'url' as const, url: 'https://mcp.example.net/sse', name: 'x' }] };
    await expect(client.beta.messages.create({ ...withMcp, betas: ['mcp-client-2025-04-04'] })).rejects.toMatchObject({ cause: expect.objectContaining({ message: expect.stringMatching(/mcp\.example\.net/) }) });
    expect(sent).toEqual([]);
    answer = true;
    await client.beta.messages.create({ ...withMcp, betas: ['mcp-client-2025-04-04'] });
    await client.beta.messages.create({ ...withMcp, betas: ['mcp-client-2025-04-04'] });
    expect(asked).toEqual([['mcp.example.net'], ['mcp.example.net']]);
    expect(sent).toHaveLength(2);
  });

  it('finds URL sources (also inside tool results and batches) and web fetch tools', () => {
    const imageByUrl = {
      ...ask,
      messages: [
        { role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'https://images.example.org/cat.png' } }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'f', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: [{ type: 'document', source: { type: 'url', url: 'https://docs.example.com/a.pdf' } }] }] },
      ],
    };
    const messages = new URL('https://api.anthropic.com/v1/messages');
    expect(decideLiveRequest('POST', messages, JSON.stringify(imageByUrl))).toMatchObject({ kind: 'confirm', hosts: ['docs.example.com', 'images.example.org'] });
    const webFetch = { ...ask, tools: [{ type: 'web_fetch_20250910', name: 'web_fetch' }] };
    expect(decideLiveRequest('POST', messages, JSON.stringify(webFetch))).toMatchObject({ kind: 'confirm', hosts: ['any web page the model chooses to fetch'] });
    const batch = { requests: [{ custom_id: 'a', params: imageByUrl }] };
    expect(decideLiveRequest('POST', new URL('https://api.anthropic.com/v1/messages/batches'), JSON.stringify(batch))).toMatchObject({ kind: 'confirm' });
    expect(decideLiveRequest('POST', messages, JSON.stringify(ask))).toEqual({ kind: 'allow' });
  });

  it('never uses an Admin API key', async () => {
    expect(() => validateKey('sk-ant-admin01-AAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toThrow(/Admin API key/);
    const { fetchImpl, sent } = (() => {
      const list: string[] = [];
      return { sent: list, fetchImpl: (async (url: string) => (list.push(url), new Response('{}'))) as unknown as typeof fetch };
    })();
    const transport = createLiveTransport({ getKey: () => 'sk-ant-admin01-AAAAAAAAAAAAAAAAAAAAAAAAAAAA', fetch: fetchImpl });
    await expect(transport.handle(new Request('https://api.anthropic.com/v1/models'))).rejects.toThrow(/Admin API key/);
    expect(sent).toEqual([]);
  });

  it('lists each endpoint once', () => {
    const names = COURSE_ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(new Set(names).size).toBe(names.length);
  });
});
