/** Routing (handlers.ts): unknown paths answer in the API's shape with the headers of every response. */
import { describe, expect, it } from 'vitest';
import { EMULATOR_ORGANIZATION_ID } from '../../src/mock/headers';
import { API, TEST_KEY, testEmulator } from './helpers';

const authHeaders = { 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };

describe('unknown routes carry the headers of every API response', () => {
  it('404 for an unknown path has request-id (matching the body) and the organization id', async () => {
    const response = await testEmulator().handle(new Request(`${API}/v1/nope`, { headers: authHeaders }));
    expect(response.status).toBe(404);
    const json = (await response.json()) as { error: { type: string }; request_id: string };
    expect(json.error.type).toBe('not_found_error');
    expect(response.headers.get('request-id')).toBe(json.request_id);
    expect(response.headers.get('anthropic-organization-id')).toBe(EMULATOR_ORGANIZATION_ID);
  });

  it('404 for a path the router cannot decode still has a request id', async () => {
    const response = await testEmulator().handle(new Request(`${API}/v1/models/%E0%A4%A`, { headers: authHeaders }));
    expect(response.status).toBe(404);
    const json = (await response.json()) as { request_id: string | null };
    expect(json.request_id).toMatch(/^req_/);
    expect(response.headers.get('request-id')).toBe(json.request_id);
  });
});
