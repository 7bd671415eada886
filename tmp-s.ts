import { synthesizeFromSchema } from './src/mock/generate/schema-values';
const schema: any = { type: 'object', properties: {
  city: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 7 }, include_hourly: { type: 'boolean' }, verbose: { type: 'boolean' },
  cities: { type: 'array', items: { type: 'string' } }, amounts: { type: 'array', items: { type: 'number' } },
  options: { type: 'object', properties: { units: { type: 'string', enum: ['metric', 'imperial'] }, lang: { type: 'string' } }, required: ['units'] },
  mode: { type: 'string', enum: ['fast', 'accurate'] }, note: { type: ['string', 'null'] }, email: { type: 'string' } },
  required: ['city', 'days', 'include_hourly', 'verbose', 'cities', 'amounts', 'options', 'mode', 'note', 'email'] };
console.log(JSON.stringify(synthesizeFromSchema(schema, 'Give me a 3 day forecast for Paris and Berlin with hourly data, in imperial units, accurate mode, email me at ada@example.com')));
console.log(JSON.stringify(synthesizeFromSchema({ type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' }, email: { type: 'string' } }, required: ['name', 'age'] } as any, 'Extract: John Smith is 42 years old and his email is john@smith.io')));
