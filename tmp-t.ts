import { generate, textOf } from './test/mock/generate/setup';
const weather: any = { name: 'get_weather', description: 'Get the current weather', input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } };
const msgs: any = [{ role: 'user', content: 'Weather in Paris?' }, { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'get_weather', input: { location: 'Paris' } }] }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: '{"temperature_c": 18, "condition": "sunny"}' }] }];
console.log(textOf(generate({ tools: [weather], system: 'You are a pirate.', messages: msgs })));
console.log(textOf(generate({ tools: [weather], messages: msgs, output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { city: { type: 'string' }, temperature_c: { type: 'number' }, summary: { type: 'string' } }, required: ['city', 'temperature_c', 'summary'] } } } })));
