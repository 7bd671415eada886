import { describe, expect, it } from 'vitest';
import { extractEntities, mentionedEnumValue, synthesizeFromSchema, type JsonSchema } from '../../../src/mock/generate/schema-values';

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
