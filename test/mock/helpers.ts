/** Shared set-up for the emulator tests: an instant-paced emulator and the official SDK pointed at it. */
import Anthropic from '@anthropic-ai/sdk';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/mock/emulator';

export const TEST_KEY = 'sk-ant-test-0123456789';
export const API = 'https://api.anthropic.com';

export function testEmulator(options: EmulatorOptions = {}): Emulator {
  return createEmulator({ pacing: 'instant', seed: 'test-seed', now: () => Date.UTC(2026, 10, 24, 8, 0, 0), ...options });
}

export function sdkClient(emulator: Emulator, options: ConstructorParameters<typeof Anthropic>[0] = {}): Anthropic {
  return new Anthropic({
    apiKey: TEST_KEY,
    maxRetries: 0,
    fetch: (url, init) => emulator.handle(new Request(url, init)),
    ...options,
  });
}

/** A raw request the way a learner writes it with fetch (docs-style `x-api-key` auth). */
export function rawPost(emulator: Emulator, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return emulator.handle(
    new Request(`${API}${path}`, {
      method: 'POST',
      headers: {
        'x-api-key': TEST_KEY,
        'anthropic-version': '2023-06-01',
        'content-type': 'application/json',
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

export const MODEL = 'claude-sonnet-5-5';

export function hello(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: MODEL, max_tokens: 256, messages: [{ role: 'user', content: 'Hello, Claude' }], ...overrides };
}
