import { describe, expect, it } from 'vitest';
import { extractEntities, mentionedEnumValue, SCHEMA_LIMITS, synthesizeFromSchema, type JsonSchema } from '../../../src/mock/generate/schema-values';

describe('synthesizeFromSchema', () => {
  const forecast: JsonSchema = {
    type: 'object',
    properties: {
      city: { type: 'string' },
      days: { type: 'integer', minimum: 1, maximum: 7 },
      include_hourly: { type: 'boolean' },
      cities: { type: 'array', items: { type: 'string' } },
      options: { type: 'object', properties: { units: { type: 'string', enum: ['metric', 'imperial'] } }, required: ['units'] },
      mode: { type: 'string', enum: ['fast', 'accurate'] },
      email: { type: 'string' },
      note: { type: 'string' },
    },
    required: ['city', 'days', 'include_hourly', 'cities', 'options', 'mode', 'email'],
  };
  const request = 'Give me a 3 day forecast for Paris and Berlin with hourly data, in imperial units, accurate mode, email me at ada@example.com';

  it('fills every required property with the right type from the request', () => {
    expect(synthesizeFromSchema(forecast, request)).toEqual({
      city: 'Paris',
      days: 3,
      include_hourly: true,
      cities: ['Paris', 'Berlin'],
      options: { units: 'imperial' },
      mode: 'accurate',
      email: 'ada@example.com',
    });
  });

  it('clamps numbers to the schema bounds and rounds integers', () => {
    const value = synthesizeFromSchema({ type: 'object', properties: { days: { type: 'integer', minimum: 1, maximum: 7 } }, required: ['days'] }, 'forecast for 12.6 days');
    expect(value).toEqual({ days: 7 });
    const rounded = synthesizeFromSchema({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] }, 'use 2.6');
    expect(rounded).toEqual({ n: 3 });
  });

  it('falls back to a schema-valid value when the request offers nothing', () => {
    const value = synthesizeFromSchema({ type: 'object', properties: { count: { type: 'integer', minimum: 5 }, flag: { type: 'boolean' }, kind: { type: 'string', enum: ['a', 'b'] } }, required: ['count', 'flag', 'kind'] }, 'hello');
    expect(value).toEqual({ count: 5, flag: false, kind: 'a' });
  });

  it('extracts names and numbers for an extraction schema', () => {
    const schema: JsonSchema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name', 'age'] };
    expect(synthesizeFromSchema(schema, 'Extract: John Smith is 42 years old')).toEqual({ name: 'John Smith', age: 42 });
  });

  it('uses the weight and height a BMI tool needs, converting cm to meters', () => {
    const schema: JsonSchema = { type: 'object', properties: { weight_kg: { type: 'number' }, height_m: { type: 'number', description: 'height in meters' } }, required: ['weight_kg', 'height_m'] };
    expect(synthesizeFromSchema(schema, 'BMI for someone 180 cm tall weighing 81 kg')).toEqual({ weight_kg: 81, height_m: 1.8 });
  });
});

describe('entities and enums', () => {
  it('finds multi-word places in order', () => {
    expect(extractEntities('Compare the weather in San Francisco and in New York').places).toEqual(['San Francisco', 'New York']);
  });

  it('matches enum values by name or symbol', () => {
    expect(mentionedEnumValue(['celsius', 'fahrenheit'], 'It is 70°F outside')).toBe('fahrenheit');
    expect(mentionedEnumValue(['celsius', 'fahrenheit'], 'convert 100°F to celsius')).toBe('celsius');
    expect(mentionedEnumValue(['celsius', 'fahrenheit'], 'convert 100°F to celsius', 'first')).toBe('fahrenheit');
    expect(mentionedEnumValue(['low', 'high'], 'nothing here')).toBeNull();
  });
});

describe('schemas from the request are read defensively and bounded', () => {
  it('minItems: 1e9 yields an array of at most SCHEMA_LIMITS.maxArrayItems, still obeying small minItems', () => {
    const huge = synthesizeFromSchema({ type: 'object', properties: { a: { type: 'array', minItems: 1e9, items: { type: 'array', minItems: 1e9 } } }, required: ['a'] }, 'hi') as { a: unknown[][] };
    expect(huge.a.length).toBe(SCHEMA_LIMITS.maxArrayItems);
    expect(huge.a[0]!.length).toBeLessThanOrEqual(SCHEMA_LIMITS.maxArrayItems);
    const small = synthesizeFromSchema({ type: 'object', properties: { tags: { type: 'array', minItems: 3, items: { type: 'string' } } }, required: ['tags'] }, 'hi') as { tags: string[] };
    expect(small.tags).toHaveLength(3);
  });

  it('malformed keywords (required: 0, properties: 5, enum: "a", a __proto__-like name) are ignored, never thrown', () => {
    const schema = { type: 'object', required: 0, properties: { a: { type: 'object', required: -1, properties: 5, enum: 'a' }, constructor: { type: 'string' } } } as unknown as JsonSchema;
    expect(() => synthesizeFromSchema(schema, 'the time in constructor')).not.toThrow();
  });

  it('a schema with thousands of properties gets at most SCHEMA_LIMITS.maxValues generated values', () => {
    const properties = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`p${i}`, { type: 'object', properties: { x: { type: 'string' } }, required: ['x'] }]));
    const value = synthesizeFromSchema({ type: 'object', properties, required: Object.keys(properties) }, 'hi') as Record<string, Record<string, string>>;
    expect(Object.keys(value)).toHaveLength(5_000);
    const filled = Object.values(value).filter((entry) => entry.x !== undefined).length;
    expect(filled).toBeLessThanOrEqual(SCHEMA_LIMITS.maxValues);
  });
});
