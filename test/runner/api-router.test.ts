import { describe, expect, it } from 'vitest';
import { createApiRouter } from '../../src/runner/api-router';
import { createPlaygroundGlobal } from '../../src/runner/worker-globals';
import { PLACEHOLDER_API_KEY } from '../../src/runner/worker-protocol';

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

describe('ApiRouter', () => {
  it('answers with the emulator by default, which keeps its state between requests', { timeout: 30_000 }, async () => {
    const router = createApiRouter({ pacing: 'instant' });
    expect(router.mode).toBe('emulator');
    const ok = await router.handle(messagesRequest());
    expect(ok.status).toBe(200);
    expect((await ok.json()) as { type: string }).toMatchObject({ type: 'message' });
    (await router.emulator()).inject({ kind: 'overloaded' });
    expect((await router.handle(messagesRequest())).status).toBe(529);
  });

  it('refuses other hosts in both modes', async () => {
    const router = createApiRouter({ pacing: 'instant' });
    await expect(router.handle(new Request('https://example.com/v1/messages'))).rejects.toThrow(/blocked: https:\/\/example.com\//);
    router.setMode('live');
    await expect(router.handle(new Request('https://evil.example/'))).rejects.toThrow(TypeError);
  });

  it('in live mode needs a valid key, and says so', async () => {
    const router = createApiRouter();
    router.setMode('live');
    await expect(router.handle(messagesRequest())).rejects.toThrow(/no API key is set/);
    expect(() => router.setLiveKey('not-a-key')).toThrow(/sk-ant-/);
    expect(() => router.setMode('other' as 'live')).toThrow(/Unknown API mode/);
  });
});

describe('playground global', () => {
  it('forwards emulator controls in emulator mode and refuses them in live mode', async () => {
    let mode: 'emulator' | 'live' = 'emulator';
    const calls: unknown[] = [];
    const playground = createPlaygroundGlobal(
      () => mode,
      async (call) => {
        calls.push(call);
      },
    );
    await playground.emulator.inject({ kind: 'overloaded', count: 1 });
    await playground.emulator.advanceTime(1000);
    expect(calls).toEqual([{ method: 'inject', scenario: { kind: 'overloaded', count: 1 } }, { method: 'advanceTime', ms: 1000 }]);
    expect(() => playground.emulator.advanceTime(-1)).toThrow(/non-negative/);
    mode = 'live';
    expect(playground.mode).toBe('live');
    expect(() => playground.emulator.reset()).toThrow(/only works with the emulator/);
  });
});
