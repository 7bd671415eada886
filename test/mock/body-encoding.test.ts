/** Compressed request bodies (body-encoding.ts). */
import Anthropic from '@anthropic-ai/sdk';
import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { API, hello, sdkClient, TEST_KEY, testEmulator } from './helpers';

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
