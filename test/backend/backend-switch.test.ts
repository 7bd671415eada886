import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_API_KEY } from '../../src/anthropic-api';
import { createBackendSwitch } from '../../src/backend';

function messagesRequest(): Request {
  return new Request('https://api.anthropic.com/v1/messages', {
    method: 'POST',
    headers: {
      'x-api-key': PLACEHOLDER_API_KEY,
      'anthropic-version': '2023-06-01',
      'anthropic-dangerous-direct-browser-access': 'true',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ model: 'claude-sonnet-5-5', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }),
  });
}

describe('BackendSwitch', () => {
  it('answers with the emulator by default, which keeps its state between requests', { timeout: 30_000 }, async () => {
    const router = createBackendSwitch({ pacing: 'instant' });
    expect(router.mode).toBe('emulator');
    const ok = await router.handle(messagesRequest());
    expect(ok.status).toBe(200);
    expect((await ok.json()) as { type: string }).toMatchObject({ type: 'message' });
    (await router.emulator()).inject({ kind: 'overloaded' });
    expect((await router.handle(messagesRequest())).status).toBe(529);
  });

  it('refuses other hosts in both modes', async () => {
    const router = createBackendSwitch({ pacing: 'instant' });
    await expect(router.handle(new Request('https://example.com/v1/messages'))).rejects.toThrow(/blocked: https:\/\/example.com\//);
    router.setMode('live');
    await expect(router.handle(new Request('https://evil.example/'))).rejects.toThrow(TypeError);
  });

  it('in live mode needs a valid key, and says so', async () => {
    const router = createBackendSwitch();
    router.setMode('live');
    await expect(router.handle(messagesRequest())).rejects.toThrow(/no API key is set/);
    expect(() => router.setLiveKey('not-a-key')).toThrow(/sk-ant-/);
    expect(() => router.setMode('other' as 'live')).toThrow(/Unknown API mode/);
  });
});

describe('emulator controls', () => {
  it('are the emulator’s own: faults injected through them are pending, then met by the next request, whatever the mode was meanwhile', async () => {
    const backend = createBackendSwitch({ pacing: 'instant' });
    const controls = await backend.emulator();
    controls.inject({ kind: 'api_error', count: 1 });
    expect(controls.pendingFaults()).toEqual([{ kind: 'api_error', count: 1 }]);
    backend.setMode('live');
    backend.setMode('emulator');
    expect((await backend.emulator()).pendingFaults()).toHaveLength(1);
    expect((await backend.handle(messagesRequest())).status).toBe(500);
    expect(controls.pendingFaults()).toEqual([]);
    controls.inject({ kind: 'overloaded' });
    controls.clearFaults();
    expect((await backend.handle(messagesRequest())).status).toBe(200);
  });
});
