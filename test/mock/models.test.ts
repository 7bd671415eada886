/** The model table against the SDK's own data, and GET /v1/models, /v1/models/{id} through the SDK. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { getModelFacts, knownModelIds, listModelFacts, SDK_MODEL_UNION_IDS } from '../../src/mock/models';
import { sdkClient, testEmulator } from './helpers';

const sdkRoot = join(process.cwd(), 'node_modules', '@anthropic-ai', 'sdk');
const sdkSource = (path: string) => readFileSync(join(sdkRoot, 'src', path), 'utf8');

describe('model table', () => {
  it('covers every literal of the SDK Model union (read from the SDK source)', () => {
    const source = sdkSource('resources/messages/messages.ts');
    const union = /export type Model =([\s\S]*?);/.exec(source)![1];
    const ids = [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(15);
    expect([...ids].sort()).toEqual([...SDK_MODEL_UNION_IDS].sort());
    for (const id of ids) expect(getModelFacts(id), id).toBeDefined();
    expect(new Set(knownModelIds())).toEqual(new Set(ids));
  });

  it('marks exactly the SDK deprecation list as deprecated, with its end-of-life dates', () => {
    const data = sdkSource('internal/data/deprecated-models.ts');
    const entries = [...data.matchAll(/'([^']+)': '([^']+)'/g)].map((m) => [m[1], m[2]] as const);
    expect(entries.length).toBeGreaterThan(0);
    // Sonnet 4.5 retired on 2026-11-30 (models.md §1 [DEP]); the SDK, which still lists it, cannot say so.
    const retired = new Set(['claude-sonnet-4-5-20250929']);
    for (const [id, date] of entries) {
      const facts = getModelFacts(id)!;
      expect(facts.lifecycle, id).toBe(retired.has(facts.id) ? 'retired' : 'deprecated');
      expect(new Date(facts.retires_at!).toDateString()).toBe(new Date(date.replace(/(\d+)(st|nd|rd|th)/, '$1')).toDateString());
    }
    const deprecated = new Set(entries.map(([id]) => getModelFacts(id)!.id));
    for (const facts of listModelFacts()) expect(facts.lifecycle !== 'active', facts.id).toBe(deprecated.has(facts.id));
  });

  it('deprecates thinking.type "enabled" exactly where the SDK warns', () => {
    const data = sdkSource('internal/data/models-to-warn-with-thinking-enabled.ts');
    const warned = [...data.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    for (const id of warned) expect(getModelFacts(id)!.thinking.enabled, id).toBe('deprecated');
  });

  it('resolves undated aliases to their snapshot', () => {
    expect(getModelFacts('claude-haiku-4-5')!.id).toBe('claude-haiku-4-5-20251001');
    expect(getModelFacts('claude-sonnet-4-5')!.id).toBe('claude-sonnet-4-5-20250929');
    expect(getModelFacts('claude-sonnet-4-5-20250514')).toBeUndefined();
  });
});

describe('GET /v1/models', () => {
  it('lists newest first with the page shape', async () => {
    const page = await sdkClient(testEmulator()).models.list({ limit: 5 });
    expect(page.data).toHaveLength(5);
    expect(page.has_more).toBe(true);
    expect(page.first_id).toBe(page.data[0].id);
    expect(page.last_id).toBe(page.data[4].id);
    const dates = page.data.map((model) => model.created_at);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(page.data[0]).toMatchObject({ type: 'model', id: 'claude-fable-5-2', lifecycle: 'active', max_tokens: 128000 });
  });

  it('auto-paginates through every model with after_id', async () => {
    const ids: string[] = [];
    for await (const model of sdkClient(testEmulator()).models.list({ limit: 4 })) ids.push(model.id);
    // Retired models are listed only when asked for (SDK:resources/models.ts ModelListParams.lifecycle).
    expect(ids).toEqual(listModelFacts().filter((facts) => facts.lifecycle !== 'retired').map((facts) => facts.id));
    expect(ids).toHaveLength(18);
  });

  it('pages backwards with before_id', async () => {
    const client = sdkClient(testEmulator());
    const all = listModelFacts().map((facts) => facts.id);
    const page = await client.models.list({ before_id: all[6], limit: 3 });
    expect(page.data.map((m) => m.id)).toEqual(all.slice(3, 6));
    expect(page.has_more).toBe(true);
  });

  it('filters by lifecycle', async () => {
    const client = sdkClient(testEmulator());
    expect((await client.models.list({ lifecycle: ['deprecated'] })).data.map((m) => m.id)).toEqual(['claude-mythos-preview']);
    expect((await client.models.list({ lifecycle: ['retired'] })).data.map((m) => m.id)).toEqual(['claude-sonnet-4-5-20250929']);
  });

  it('keeps a retired model in the catalogue, and answers a request naming it with 404 not_found_error', async () => {
    const client = sdkClient(testEmulator());
    expect(await client.models.retrieve('claude-sonnet-4-5')).toMatchObject({ id: 'claude-sonnet-4-5-20250929', lifecycle: 'retired', retires_at: '2026-11-30T00:00:00Z' });
    const request = { model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user' as const, content: 'Hi' }] };
    const error = await client.messages.create(request).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect((error as InstanceType<typeof Anthropic.NotFoundError>).message).toContain('model: claude-sonnet-4-5');
    await expect(client.messages.countTokens({ model: request.model, messages: request.messages })).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    expect((await client.messages.create({ ...request, model: 'claude-sonnet-5-5' })).type).toBe('message');
  });

  it('rejects a limit out of range', async () => {
    await expect(sdkClient(testEmulator()).models.list({ limit: 0 })).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });
});

describe('GET /v1/models/{id}', () => {
  it('retrieves a model, resolving an alias', async () => {
    const client = sdkClient(testEmulator());
    const info = await client.models.retrieve('claude-haiku-4-5');
    expect(info.id).toBe('claude-haiku-4-5-20251001');
    expect(info.display_name).toBe('Claude Haiku 4.5');
    expect(info.capabilities?.thinking.types.adaptive.supported).toBe(false);
    expect(info.capabilities?.thinking.types.enabled.supported).toBe(true);
  });

  it('decodes percent-escaped ids once, and answers a malformed escape with 404', async () => {
    const emulator = testEmulator();
    const get = (path: string) => emulator.handle(new Request(`https://api.anthropic.com${path}`, { headers: { 'x-api-key': 'sk-ant-test-0123456789', 'anthropic-version': '2023-06-01' } }));
    const encoded = await get('/v1/models/claude%2Dopus%2D4%2D6');
    expect(((await encoded.json()) as { id: string }).id).toBe('claude-opus-4-6');
    const malformed = await get('/v1/models/%E0%A4%A');
    expect(malformed.status).toBe(404);
    expect(((await malformed.json()) as { error: { type: string } }).error.type).toBe('not_found_error');
  });

  it('answers an unknown id with 404', async () => {
    const error = await sdkClient(testEmulator()).models.retrieve('claude-3-opus').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect((error as InstanceType<typeof Anthropic.NotFoundError>).apiMessage).toBe('model: claude-3-opus');
  });
});

describe('capabilities (models.md §2; SDK:resources/models.ts:337-368)', () => {
  /** Expected thinking types, written out from models.md §2: adaptive, between_tools, disabled, enabled. */
  const types: Record<string, [boolean, boolean, boolean, boolean]> = {
    'claude-sonnet-5-5': [true, true, false, false],
    'claude-haiku-5-5': [true, false, true, false],
    'claude-opus-5-5': [true, false, false, false],
    'claude-fable-5-1': [true, false, false, false],
    'claude-opus-5': [true, false, true, false],
    'claude-sonnet-5': [true, false, true, false],
    'claude-opus-4-8': [true, false, true, false],
    'claude-mythos-preview': [true, false, false, true],
    'claude-opus-4-6': [true, false, true, true],
    'claude-haiku-4-5-20251001': [false, false, true, true],
    'claude-sonnet-4-5-20250929': [false, false, true, true],
  };
  it.each(Object.entries(types))('%s reports its thinking types', async (id, [adaptive, betweenTools, disabled, enabled]) => {
    const info = await sdkClient(testEmulator()).models.retrieve(id);
    expect(info.capabilities!.thinking.types).toEqual({
      adaptive: { supported: adaptive }, between_tools: { supported: betweenTools },
      disabled: { supported: disabled }, enabled: { supported: enabled },
    });
  });

  it('reports effort levels, with xhigh null where the model lacks it', async () => {
    const client = sdkClient(testEmulator());
    const effort = async (id: string) => (await client.models.retrieve(id)).capabilities!.effort;
    expect(await effort('claude-sonnet-5-5')).toEqual({
      supported: true, low: { supported: true }, medium: { supported: true }, high: { supported: true },
      max: { supported: true }, xhigh: { supported: true },
    });
    expect((await effort('claude-opus-4-6')).xhigh).toBeNull();
    expect((await effort('claude-mythos-preview')).xhigh).toBeNull();
    expect(await effort('claude-opus-4-5')).toMatchObject({ supported: true, max: { supported: false }, xhigh: null });
    expect(await effort('claude-haiku-4-5')).toMatchObject({ supported: false, high: { supported: false } });
  });

  it('the list serves the same capabilities as the single-model route', async () => {
    const client = sdkClient(testEmulator());
    for await (const model of client.models.list()) {
      expect(model.capabilities).toEqual((await client.models.retrieve(model.id)).capabilities);
    }
  });

  it('a learner can pick the thinking type from capabilities and the request succeeds', async () => {
    const client = sdkClient(testEmulator());
    for (const id of ['claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-5-5']) {
      const { thinking } = (await client.models.retrieve(id)).capabilities!;
      for (const [type, support] of Object.entries(thinking.types)) {
        const request = client.messages.create({
          model: id, max_tokens: 1024, messages: [{ role: 'user', content: 'Hi' }],
          thinking: (type === 'enabled' ? { type, budget_tokens: 1024 } : { type }) as Anthropic.ThinkingConfigParam,
        });
        if (support.supported) await expect(request, `${id} ${type}`).resolves.toBeTruthy();
        else await expect(request, `${id} ${type}`).rejects.toBeInstanceOf(Anthropic.BadRequestError);
      }
    }
  });
});
