import { describe, expect, it } from 'vitest';
import { SandboxFetch } from '../../src/runner/worker-fetch';
import type { WorkerToPage } from '../../src/runner/worker-protocol';

type FetchMessage = Extract<WorkerToPage, { type: 'fetch' }>;

/** Calls the sandbox fetch and returns the message it posts to the page (the reply never comes). */
async function sentRequest(init: RequestInit): Promise<{ message: FetchMessage; transfer: Transferable[] }> {
  let sent: { message: FetchMessage; transfer: Transferable[] } | undefined;
  const sandbox = new SandboxFetch((message, transfer = []) => {
    if (message.type === 'fetch') sent = { message, transfer };
  }, () => 1);
  void sandbox.fetch('https://api.anthropic.com/v1/messages', init);
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (!sent) throw new Error('nothing was posted');
  return sent;
}

const text = (body: ArrayBuffer | null) => (body ? new TextDecoder().decode(body) : null);

describe('SandboxFetch request bodies', () => {
  it('encodes string bodies as UTF-8 (ASCII and not) and transfers the bytes', async () => {
    for (const body of ['{"a":"plain ascii"}', '{"a":"héllo wörld ✓ 🙂"}']) {
      const { message, transfer } = await sentRequest({ method: 'POST', body });
      expect(text(message.body)).toBe(body);
      expect(transfer).toEqual([message.body]);
    }
  });

  it('gives a string body the content type fetch would, unless the cell set one', async () => {
    const header = (message: FetchMessage) => message.headers.find(([name]) => name === 'content-type')?.[1];
    expect(header((await sentRequest({ method: 'POST', body: 'x' })).message)).toBe('text/plain;charset=UTF-8');
    const json = await sentRequest({ method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(header(json.message)).toBe('application/json');
  });

  it('copies buffer bodies, so the cell keeps its own buffer usable', async () => {
    const bytes = new TextEncoder().encode('{"b":1}');
    const { message } = await sentRequest({ method: 'POST', body: bytes });
    expect(text(message.body)).toBe('{"b":1}');
    expect(bytes.byteLength).toBe(7); // not detached by the transfer
  });

  it('rejects a body on a GET like fetch does', async () => {
    const sandbox = new SandboxFetch(() => {}, () => 1);
    await expect(sandbox.fetch('https://api.anthropic.com/v1/models', { method: 'GET', body: 'x' })).rejects.toThrow(TypeError);
  });
});
