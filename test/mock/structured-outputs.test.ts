/**
 * Structured outputs through the official SDK: the JSON Schema subset that `output_config.format` and `strict`
 * tools accept (each rejected schema next to the valid neighbour that must succeed), and the SDK's parse helpers.
 */
import Anthropic, { APIError } from '@anthropic-ai/sdk';
import { jsonSchemaOutputFormat } from '@anthropic-ai/sdk/helpers/json-schema';
import { describe, expect, it } from 'vitest';
import { sdkClient, testEmulator } from './helpers';

const client = sdkClient(testEmulator());
const MODELS = ['claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-5-5'];

const CONTACT = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    email: { type: 'string', format: 'email' },
    plan: { type: 'string', enum: ['free', 'pro', 'enterprise'] },
    wants_demo: { type: 'boolean' },
  },
  required: ['name', 'email', 'plan', 'wants_demo'],
  additionalProperties: false,
} as const;

const PROMPT = 'Extract the contact: Ana Lima (ana@example.com) asks for a demo of the enterprise plan.';

function withFormat(model: string, schema: Record<string, unknown>): Anthropic.MessageCreateParamsNonStreaming {
  return { model, max_tokens: 1024, messages: [{ role: 'user', content: PROMPT }], output_config: { format: { type: 'json_schema', schema } } };
}

async function rejection(request: Promise<unknown>): Promise<APIError> {
  try {
    await request;
  } catch (error) {
    if (error instanceof APIError) return error;
    throw error;
  }
  throw new Error('the request succeeded');
}

function textOf(message: Anthropic.Message): string {
  return message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
}

describe.each(MODELS)('output_config.format on %s', (model) => {
  it('answers with JSON valid against the schema', async () => {
    const message = await client.messages.create(withFormat(model, CONTACT));
    expect(message.stop_reason).toBe('end_turn');
    expect(JSON.parse(textOf(message))).toEqual({ name: 'Ana Lima', email: 'ana@example.com', plan: 'enterprise', wants_demo: true });
  });

  it('rejects an object without additionalProperties: false', async () => {
    const { additionalProperties: _dropped, ...open } = CONTACT;
    const error = await rejection(client.messages.create(withFormat(model, open)));
    expect(error.status).toBe(400);
    expect(error.message).toContain("output_config.format.schema: For 'object' type, 'additionalProperties' must be explicitly set to false");
  });

  it('rejects a nested open object, and accepts it closed', async () => {
    const nested = (address: Record<string, unknown>) => ({
      type: 'object',
      properties: { address },
      required: ['address'],
      additionalProperties: false,
    });
    const street = { type: 'object', properties: { street: { type: 'string' } }, required: ['street'] };
    expect((await rejection(client.messages.create(withFormat(model, nested(street))))).status).toBe(400);
    const ok = await client.messages.create(withFormat(model, nested({ ...street, additionalProperties: false })));
    expect(ok.stop_reason).toBe('end_turn');
  });
});

describe('the JSON Schema subset', () => {
  const MODEL = 'claude-sonnet-5-5';
  const wrap = (property: Record<string, unknown>) => ({ type: 'object', properties: { value: property }, required: ['value'], additionalProperties: false });

  it.each([
    ['a numeric bound', { type: 'integer', minimum: 1 }, "For 'integer' type, property 'minimum' is not supported"],
    ['a string length', { type: 'string', maxLength: 10 }, "For 'string' type, property 'maxLength' is not supported"],
    ['maxItems', { type: 'array', items: { type: 'string' }, maxItems: 3 }, "For 'array' type, property 'maxItems' is not supported"],
    ['minItems above 1', { type: 'array', items: { type: 'string' }, minItems: 2 }, "For 'array' type, 'minItems' values other than 0 or 1 are not supported"],
    ['oneOf', { oneOf: [{ type: 'string' }, { type: 'number' }] }, "Schema type 'oneOf' is not supported"],
    ['an object in an enum', { enum: [{ a: 1 }, 'b'] }, "'enum' values must be strings, numbers, booleans or null"],
    ['an external $ref', { $ref: 'https://example.com/schema.json' }, 'External $ref'],
  ])('rejects %s', async (_label, property, message) => {
    const error = await rejection(client.messages.create(withFormat(MODEL, wrap(property))));
    expect(error.status).toBe(400);
    expect(error.message).toContain(`output_config.format.schema: ${message}`);
  });

  it.each([
    ['minItems 1', { type: 'array', items: { type: 'string' }, minItems: 1 }],
    ['anyOf with null', { anyOf: [{ type: 'string' }, { type: 'null' }] }],
    ['a type list', { type: ['string', 'null'] }],
    ['an enum of primitives', { enum: ['a', 1, true, null] }],
    ['a supported string format', { type: 'string', format: 'date' }],
  ])('accepts %s', async (_label, property) => {
    const message = await client.messages.create(withFormat(MODEL, wrap(property)));
    expect(message.stop_reason).toBe('end_turn');
  });

  it('follows local $refs, and rejects a recursive one', async () => {
    const withDefs = (item: Record<string, unknown>) => ({
      type: 'object',
      properties: { item: { $ref: '#/$defs/item' } },
      required: ['item'],
      additionalProperties: false,
      $defs: { item },
    });
    const leaf = { type: 'object', properties: { label: { type: 'string' } }, required: ['label'], additionalProperties: false };
    expect((await client.messages.create(withFormat(MODEL, withDefs(leaf)))).stop_reason).toBe('end_turn');
    const recursive = { ...leaf, properties: { label: { type: 'string' }, child: { $ref: '#/$defs/item' } } };
    const error = await rejection(client.messages.create(withFormat(MODEL, withDefs(recursive))));
    expect(error.message).toContain('Too many recursive definitions in schema');
  });

  it('answers a schema whose $refs expand to millions of nodes with "too complex", and accepts a $ref used twice', async () => {
    const defs: Record<string, unknown> = { d24: { type: 'string' } };
    for (let level = 23; level >= 0; level--) {
      const next = { $ref: `#/$defs/d${level + 1}` };
      defs[`d${level}`] = { type: 'object', properties: { a: next, b: next }, required: ['a', 'b'], additionalProperties: false };
    }
    const error = await rejection(client.messages.create(withFormat('claude-sonnet-5-5', { $ref: '#/$defs/d0', $defs: defs })));
    expect(error.status).toBe(400);
    expect(error.message).toContain('Schema is too complex for compilation');
    const small = { d1: { type: 'string' }, d0: { type: 'object', properties: { a: { $ref: '#/$defs/d1' }, b: { $ref: '#/$defs/d1' } }, required: ['a', 'b'], additionalProperties: false } };
    const message = await client.messages.create(withFormat('claude-sonnet-5-5', { $ref: '#/$defs/d0', $defs: small }));
    expect(message.stop_reason).toBe('end_turn');
  });

  it('counts optional parameters across the request (24 at most)', async () => {
    const optional = (count: number) => ({
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: count }, (_, index) => [`field_${index}`, { type: 'string' }])),
      additionalProperties: false,
    });
    expect((await client.messages.create(withFormat(MODEL, optional(24)))).stop_reason).toBe('end_turn');
    const error = await rejection(client.messages.create(withFormat(MODEL, optional(25))));
    expect(error.message).toContain('Schema is too complex for compilation');
  });

  it('does not check schemas on count_tokens (nothing is compiled there)', async () => {
    const { additionalProperties: _dropped, ...open } = CONTACT;
    const counted = await client.messages.countTokens({
      model: MODEL,
      messages: [{ role: 'user', content: PROMPT }],
      output_config: { format: { type: 'json_schema', schema: open } },
    });
    expect(counted.input_tokens).toBeGreaterThan(0);
  });
});

describe('strict tools', () => {
  const bookTable = (schema: Record<string, unknown>, strict = true): Anthropic.Tool => ({
    name: 'book_table',
    description: 'Books a restaurant table.',
    strict,
    input_schema: schema as Anthropic.Tool.InputSchema,
  });
  const closed = {
    type: 'object',
    properties: { name: { type: 'string' }, party_size: { type: 'integer' } },
    required: ['name', 'party_size'],
    additionalProperties: false,
  };

  it.each(MODELS)('a strict tool with a closed schema is called with typed input on %s', async (model) => {
    const message = await client.messages.create({
      model,
      max_tokens: 1024,
      tools: [bookTable(closed)],
      messages: [{ role: 'user', content: 'Use the book_table tool: a table for 4 people under the name Ana.' }],
    });
    const call = message.content.find((block) => block.type === 'tool_use');
    expect(call?.input).toEqual({ name: 'Ana', party_size: 4 });
  });

  it('rejects a strict tool whose schema the grammar cannot express, but not the same tool without strict', async () => {
    const open = { ...closed, additionalProperties: undefined };
    const request = (strict: boolean) =>
      client.messages.create({
        model: 'claude-sonnet-5-5',
        max_tokens: 1024,
        tools: [bookTable(JSON.parse(JSON.stringify(open)), strict)],
        messages: [{ role: 'user', content: 'Hi' }],
      });
    const error = await rejection(request(true));
    expect(error.status).toBe(400);
    expect(error.message).toContain("tools.0.custom.input_schema: For 'object' type, 'additionalProperties' must be explicitly set to false");
    expect((await request(false)).stop_reason).toBe('end_turn');
  });

  it('allows 20 strict tools in one request, not 21', async () => {
    const tools = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ ...bookTable({ type: 'object', properties: {}, additionalProperties: false }), name: `tool_${index}` }));
    const send = (count: number) => client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 256, tools: tools(count), messages: [{ role: 'user', content: 'Hi' }] });
    expect((await send(20)).stop_reason).toBeTruthy();
    expect((await rejection(send(21))).message).toContain('strict: true');
  });
});

describe("the SDK's parse helpers", () => {
  it('messages.parse with jsonSchemaOutputFormat returns parsed_output, whatever blocks come first', async () => {
    const format = jsonSchemaOutputFormat(CONTACT);
    // The helper closes every object and keeps the schema valid for the grammar.
    expect(format.schema.additionalProperties).toBe(false);
    const parsed = await client.messages.parse({ model: 'claude-opus-5-5', max_tokens: 1024, messages: [{ role: 'user', content: PROMPT }], output_config: { format } });
    expect(parsed.parsed_output).toEqual({ name: 'Ana Lima', email: 'ana@example.com', plan: 'enterprise', wants_demo: true });
  });

  it('jsonSchemaOutputFormat moves unsupported bounds into the description, so the API accepts the schema', async () => {
    const format = jsonSchemaOutputFormat({
      type: 'object',
      properties: { seats: { type: 'integer', minimum: 1, maximum: 12 } },
      required: ['seats'],
    });
    expect(JSON.stringify(format.schema)).not.toContain('"minimum"');
    const parsed = await client.messages.parse({
      model: 'claude-sonnet-5-5',
      max_tokens: 1024,
      messages: [{ role: 'user', content: 'A table for 4, please.' }],
      output_config: { format },
    });
    expect(parsed.parsed_output).toEqual({ seats: 4 });
  });
});
