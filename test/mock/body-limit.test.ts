/** The 413 gate (body-limit.ts): decided from the byte length alone, before routing, auth or parsing. */
import { describe, expect, it } from 'vitest';
import { API, hello, rawPost, TEST_KEY, testEmulator } from './helpers';

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

