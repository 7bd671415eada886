/** Explanations of real failures: each error body comes from the emulator answering a real request. */
import { describe, expect, it } from 'vitest';
import { explainFailure, fieldOf, type FailedExchange } from '../../src/inspector/explain-error';
import { rawPost, testEmulator } from '../mock/helpers';

const ask = { model: 'claude-sonnet-5-5', max_tokens: 200, messages: [{ role: 'user', content: 'What is 6 * 7?' }] };

async function failed(response: Response, route: FailedExchange['route'] = 'emulator'): Promise<FailedExchange> {
  return { route, status: response.status, body: await response.text(), headers: Object.fromEntries(response.headers) };
}

describe('explainFailure', () => {
  it('says nothing about a success', async () => {
    const emulator = testEmulator();
    expect(explainFailure(await failed(await rawPost(emulator, '/v1/messages', ask)))).toBeUndefined();
  });

  it('explains the per-model 400s with their fix and lesson, and that retrying does not help', async () => {
    const emulator = testEmulator();
    const enabled = explainFailure(await failed(await rawPost(emulator, '/v1/messages', { ...ask, thinking: { type: 'enabled', budget_tokens: 1024 } })));
    expect(enabled).toMatchObject({ title: '400 invalid_request_error', retry: { helps: false }, lesson: { slug: '06-extended-thinking' } });
    expect(enabled?.fix).toContain('output_config.effort');

    const tools = [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: {} } }];
    const forced = explainFailure(await failed(await rawPost(emulator, '/v1/messages', { ...ask, tools, tool_choice: { type: 'any' } })));
    expect(forced).toMatchObject({ lesson: { slug: '05-tool-use' } });
    expect(forced?.fix).toContain('strict');

    const missing = explainFailure(await failed(await rawPost(emulator, '/v1/messages', { model: ask.model, messages: ask.messages })));
    expect(missing?.field).toBe('max_tokens');
  });

  it('tells a spend cap from a rate limit by error_code, and quotes retry-after', async () => {
    const emulator = testEmulator();
    emulator.inject({ kind: 'rate_limit', count: 1, retryAfterSeconds: 7 });
    const limited = explainFailure(await failed(await rawPost(emulator, '/v1/messages', ask)));
    expect(limited).toMatchObject({ retry: { helps: true } });
    expect(limited?.retry.advice).toContain('7 s');

    emulator.inject({ kind: 'spend_limit', count: 1 });
    const capped = explainFailure(await failed(await rawPost(emulator, '/v1/messages', ask)));
    expect(capped?.title).toContain('enforced_spend_limit_reached');
    expect(capped).toMatchObject({ retry: { helps: false } });

    emulator.inject({ kind: 'overloaded', count: 1 });
    expect(explainFailure(await failed(await rawPost(emulator, '/v1/messages', ask)))).toMatchObject({ title: '529 overloaded_error', retry: { helps: true } });
  });

  it('explains a missing key on the emulator and a bad key live differently', async () => {
    const emulator = testEmulator();
    const noKey = await emulator.handle(new Request('https://api.anthropic.com/v1/messages', { method: 'POST', headers: { 'anthropic-version': '2023-06-01', 'content-type': 'application/json' }, body: JSON.stringify(ask) }));
    expect(explainFailure(await failed(noKey))?.fix).toContain('x-api-key');
    const liveBody = JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' }, request_id: 'req_1' });
    expect(explainFailure({ route: 'live', status: 401, body: liveBody })?.cause).toMatch(/wrong, revoked or expired/);
  });

  it('explains a wrong model id as a 404 about models', async () => {
    const emulator = testEmulator();
    const explained = explainFailure(await failed(await rawPost(emulator, '/v1/messages', { ...ask, model: 'claude-sonnet-9-9' })));
    expect(explained?.title).toBe('404 not_found_error');
    expect(explained?.field).toBe('model');
    expect(explained?.fix).toContain('/v1/models');
  });

  it('gives each network-level failure its own explanation', () => {
    expect(explainFailure({ route: 'live', networkError: 'TypeError: Failed to fetch (CORS: missing anthropic-dangerous-direct-browser-access)' })?.title).toContain('CORS');
    expect(explainFailure({ route: 'live', networkError: 'TypeError: Failed to fetch', online: false })?.title).toBe('No network');
    expect(explainFailure({ route: 'live', networkError: 'TypeError: Failed to fetch', online: true })?.cause).toMatch(/proxy|DNS/);
    expect(explainFailure({ route: 'live', networkError: 'TypeError: The playground refused this live request: DELETE /v1/files/f is not an endpoint this course uses' })).toMatchObject({
      title: 'Not sent: the playground refused this request',
      retry: { helps: false },
    });
  });

  it('reads the field a message names', () => {
    expect(fieldOf('messages.1.content.0: `thinking` blocks cannot be modified')).toBe('messages.1.content.0');
    expect(fieldOf('max_tokens: Field required')).toBe('max_tokens');
    expect(fieldOf('Overloaded')).toBeUndefined();
  });
});
