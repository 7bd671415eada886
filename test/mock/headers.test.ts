/** headers.ts: authentication, API version, request ids, organization header and the browser (CORS) emulation. */
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { API, hello, rawPost, sdkClient, TEST_KEY, testEmulator } from './helpers';

const body = JSON.stringify(hello());

function post(headers: Record<string, string>) {
  return testEmulator().handle(new Request(`${API}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }));
}

async function errorOf(response: Response) {
  return (await response.json()) as { type: string; error: { type: string; message: string }; request_id: string };
}

describe('authentication', () => {
  it('accepts x-api-key', async () => {
    const response = await post({ 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01' });
    expect(response.status).toBe(200);
  });

  it('accepts Authorization: Bearer (what the SDK sends)', async () => {
    const response = await post({ authorization: `Bearer ${TEST_KEY}`, 'anthropic-version': '2026-10-21' });
    expect(response.status).toBe(200);
    const message = await sdkClient(testEmulator()).messages.create(hello() as never);
    expect(message.type).toBe('message');
  });

  it('answers a missing key with 401 authentication_error', async () => {
    const response = await post({ 'anthropic-version': '2023-06-01' });
    expect(response.status).toBe(401);
    const json = await errorOf(response);
    expect(json.error.type).toBe('authentication_error');
    expect(json.error.message).toMatch(/x-api-key header is required/);
    expect(response.headers.get('x-should-retry')).toBe('false');
  });

  it('answers a key that is not an Anthropic key with 401', async () => {
    const response = await post({ 'x-api-key': 'my-secret', 'anthropic-version': '2023-06-01' });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).error.message).toBe('invalid x-api-key');
    const bearer = await post({ authorization: 'Bearer sk-proj-123', 'anthropic-version': '2023-06-01' });
    expect((await errorOf(bearer)).error.message).toBe('invalid bearer token');
  });

  it('surfaces as the SDK AuthenticationError', async () => {
    const noKey = sdkClient(testEmulator(), { defaultHeaders: { Authorization: null } });
    await expect(noKey.messages.create(hello() as never)).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    const badKey = sdkClient(testEmulator(), { apiKey: 'not-a-key' });
    const error = await badKey.messages.create(hello() as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((error as InstanceType<typeof Anthropic.AuthenticationError>).type).toBe('authentication_error');
  });
});

describe('anthropic-version', () => {
  it('is required', async () => {
    const response = await post({ 'x-api-key': TEST_KEY });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).error.message).toBe('anthropic-version: header is required');
  });

  it('must be a known version', async () => {
    const response = await post({ 'x-api-key': TEST_KEY, 'anthropic-version': '2024-01-01' });
    expect(response.status).toBe(400);
    const json = await errorOf(response);
    expect(json.error.type).toBe('invalid_request_error');
    expect(json.error.message).toMatch(/^anthropic-version: "2024-01-01" is not a valid version/);
  });

  it.each(['2023-01-01', '2023-06-01', '2026-10-21'])('accepts %s', async (version) => {
    expect((await post({ 'x-api-key': TEST_KEY, 'anthropic-version': version })).status).toBe(200);
  });

  it('accepts anthropic-beta flags', async () => {
    expect((await post({ 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01', 'anthropic-beta': 'foo-2025-01-01,bar' })).status).toBe(200);
  });
});

describe('response headers', () => {
  it('request-id equals the SDK _request_id and the id is req_-shaped', async () => {
    const client = sdkClient(testEmulator());
    const message = await client.messages.create(hello() as never);
    expect(message._request_id).toMatch(/^req_01[0-9A-Za-z]{22}$/);
    const { response, request_id } = await client.messages.create(hello() as never).withResponse();
    expect(request_id).toMatch(/^req_01[0-9A-Za-z]{22}$/);
    expect(request_id).not.toBe(message._request_id);
    expect(response.headers.get('request-id')).toBe(request_id);
    expect(response.headers.get('anthropic-organization-id')).toMatch(/^[0-9a-f-]{36}$/);
    for (const kind of ['requests', 'tokens', 'input-tokens', 'output-tokens']) {
      expect(response.headers.get(`anthropic-ratelimit-${kind}-limit`)).toMatch(/^\d+$/);
      expect(response.headers.get(`anthropic-ratelimit-${kind}-remaining`)).toMatch(/^\d+$/);
      expect(response.headers.get(`anthropic-ratelimit-${kind}-reset`)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  it('unknown /v1 paths are 404 not_found_error', async () => {
    const response = await testEmulator().handle(new Request(`${API}/v1/completions/nope`, { headers: { 'x-api-key': TEST_KEY } }));
    expect(response.status).toBe(404);
    expect((await errorOf(response)).error.type).toBe('not_found_error');
  });
});

describe('browser access (CORS emulation)', () => {
  it('is off by default', async () => {
    expect((await rawPost(testEmulator(), '/v1/messages', hello())).status).toBe(200);
  });

  it('rejects a request without the opt-in header with a TypeError that names the header', async () => {
    const emulator = testEmulator({ browserAccess: 'require-header' });
    const failure = await rawPost(emulator, '/v1/messages', hello()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toMatch(/^Failed to fetch/);
    expect((failure as TypeError).message).toContain('anthropic-dangerous-direct-browser-access: true');
    expect((failure as TypeError).message).toContain('dangerouslyAllowBrowser');
  });

  it('lets the request through with the header (raw fetch and SDK)', async () => {
    const emulator = testEmulator({ browserAccess: 'require-header' });
    const response = await rawPost(emulator, '/v1/messages', hello(), { 'anthropic-dangerous-direct-browser-access': 'true' });
    expect(response.status).toBe(200);
    const sdk = sdkClient(emulator, { dangerouslyAllowBrowser: true });
    expect((await sdk.messages.create(hello() as never)).type).toBe('message');
    const withoutOptIn = sdkClient(emulator);
    await expect(withoutOptIn.messages.create(hello() as never)).rejects.toBeInstanceOf(Anthropic.APIConnectionError);
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
