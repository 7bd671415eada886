/** JSON nesting depth (validate/json-depth.ts): pathological nesting is a 400, ordinary nesting is fine. */
import { describe, expect, it } from 'vitest';
import { MODEL, rawPost, testEmulator } from '../helpers';

describe('pathologically nested JSON', () => {
  const deepSchema = (levels: number) => {
    let schema = '{"type":"string"}';
    for (let i = 0; i < levels; i++) schema = `{"type":"array","items":${schema}}`;
    return `{"type":"object","properties":{"x":${schema}}}`;
  };

  it('a tool schema nested 50,000 levels deep is a 400 invalid_request_error, not a 500', async () => {
    const body =
      `{"model":"${MODEL}","max_tokens":50,"messages":[{"role":"user","content":"hi"}],` +
      `"tools":[{"name":"deep","input_schema":${deepSchema(50_000)}}],"tool_choice":{"type":"any"}}`;
    for (const path of ['/v1/messages', '/v1/messages/count_tokens']) {
      const response = await rawPost(testEmulator(), path, path.endsWith('count_tokens') ? body.replace('"max_tokens":50,', '') : body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    }
  });

  it('ordinary nesting (a schema 20 levels deep) is still accepted', async () => {
    const body = `{"model":"${MODEL}","messages":[{"role":"user","content":"hi"}],"tools":[{"name":"deep","input_schema":${deepSchema(20)}}]}`;
    const response = await rawPost(testEmulator(), '/v1/messages/count_tokens', body);
    expect(response.status).toBe(200);
  });
});
