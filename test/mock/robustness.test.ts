/**
 * Malformed requests never crash the emulator: thousands of seeded mutations of a valid request (a field replaced
 * by a value of another JSON type) must all be answered in the API's shape with a 200, 400 or 404.
 */
import { describe, expect, it } from 'vitest';
import { rawPost, testEmulator } from './helpers';

/** Small deterministic PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const toolTurnRequest = {
  model: 'claude-sonnet-4-6',
  max_tokens: 3000,
  system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
  thinking: { type: 'enabled', budget_tokens: 1024 },
  tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
  tool_choice: { type: 'auto' },
  stop_sequences: ['END'],
  metadata: { user_id: 'u1' },
  messages: [
    { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
    { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '18C' }] }, { type: 'text', text: 'Thanks' }] },
  ],
};

const multimodalRequest = {
  model: 'claude-sonnet-5-5',
  max_tokens: 500,
  cache_control: { type: 'ephemeral', ttl: '5m' },
  thinking: { type: 'adaptive', display: 'summarized' },
  output_config: { effort: 'low' },
  messages: [
    { role: 'user', content: [
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'A short note.' }, title: 'Note' },
      { type: 'text', text: 'Describe both.' },
    ] },
    { role: 'assistant', content: 'Sure.' },
    { role: 'system', content: 'Answer in one sentence.' },
    { role: 'user', content: 'Go on.' },
  ],
};

const replacements: unknown[] = [null, 0, -1, 1.5, 10 ** 9, '', 'x', true, [], [1], {}, { type: 'text' }, [{ type: 'text', text: '' }]];

function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => paths(child, [...prefix, key]))];
}

function mutate(base: object, path: Array<string | number>, replacement: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  if (path.length === 0) return replacement;
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (replacement === undefined) delete target[last];
  else target[last] = replacement;
  return copy;
}

describe('robustness', () => {
  it.each([
    ['a tool-use turn with thinking', toolTurnRequest],
    ['a multimodal request with adaptive thinking and a system message', multimodalRequest],
  ])('answers every mutation of %s in the API shape', { timeout: 120_000 }, async (_name, base) => {
    const emulator = testEmulator({ seed: 'fuzz' });
    const random = prng(20261124);
    const allPaths = paths(base);
    const seen = new Set<number>();
    for (const path of allPaths) {
      for (const replacement of [...replacements, undefined]) {
        if (random() > Number(process.env.FUZZ_RATE ?? 0.35)) continue;
        const response = await rawPost(emulator, '/v1/messages', mutate(base, path, replacement));
        seen.add(response.status);
        const body = (await response.json()) as { type: string; error?: { type: string; message: string } };
        const where = `${path.join('.')} = ${JSON.stringify(replacement)}`;
        expect([200, 400, 404], where).toContain(response.status);
        if (response.status === 200) expect(body.type, where).toBe('message');
        else expect(body.error?.message, where).toEqual(expect.any(String));
      }
    }
    expect(seen).toContain(200);
    expect(seen).toContain(400);
  });
});
