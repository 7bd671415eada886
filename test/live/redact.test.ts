import { describe, expect, it } from 'vitest';
import { redactHeaders, redactHeaderValue, redactSecret, scrubSecret, scrubSecretStream } from '../../src/live/redact';

const KEY = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123-WXYZ';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

function streamOf(parts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

describe('credential redaction', () => {
  it('shows a key as sk-ant-…last4', () => {
    expect(redactSecret(KEY)).toBe('sk-ant-…WXYZ');
    expect(redactSecret('sk-ant-short')).toBe('sk-ant-…'); // too short to show any of it
  });

  it('redacts x-api-key and Authorization values, nothing else', () => {
    expect(redactHeaderValue('X-Api-Key', KEY)).toBe('sk-ant-…WXYZ');
    expect(redactHeaderValue('authorization', `Bearer ${KEY}`)).toBe('Bearer sk-ant-…WXYZ');
    expect(redactHeaderValue('anthropic-version', '2023-06-01')).toBe('2023-06-01');
    expect(redactHeaders([['X-API-Key', KEY], ['Content-Type', 'application/json']])).toEqual({
      'x-api-key': 'sk-ant-…WXYZ',
      'content-type': 'application/json',
    });
  });

  it('scrubs every occurrence of the key from text', () => {
    expect(scrubSecret(`invalid x-api-key: ${KEY} (${KEY})`, KEY)).toBe('invalid x-api-key: sk-ant-…WXYZ (sk-ant-…WXYZ)');
  });

  it('scrubs the key from a stream even when it is split across chunks', async () => {
    const text = `data: {"echo":"${KEY}"}\n\n`;
    const cut = text.indexOf(KEY) + 10;
    const out = await readAll(scrubSecretStream(streamOf([text.slice(0, cut), text.slice(cut, cut + 3), text.slice(cut + 3)]), KEY));
    expect(out).toBe('data: {"echo":"sk-ant-…WXYZ"}\n\n');
    expect(out).not.toContain(KEY);
  });
});
