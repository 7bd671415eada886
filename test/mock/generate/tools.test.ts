import type Anthropic from '@anthropic-ai/sdk';
import type { Tool, ToolUseBlock } from '@anthropic-ai/sdk/resources/messages/messages';
import { describe, expect, it } from 'vitest';
import { MODEL, sdkClient, testEmulator } from '../helpers';
import { ask, generate, textOf } from './setup';

const weather: Tool = {
  name: 'get_weather',
  description: 'Get the current weather in a given location',
  input_schema: {
    type: 'object',
    properties: {
      location: { type: 'string', description: 'The city, e.g. San Francisco, CA' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    },
    required: ['location'],
  },
};
const convert: Tool = {
  name: 'convert_temperature',
  description: 'Convert a temperature between Celsius and Fahrenheit',
  input_schema: {
    type: 'object',
    properties: { value: { type: 'number' }, from_unit: { type: 'string', enum: ['celsius', 'fahrenheit'] }, to_unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['value', 'from_unit', 'to_unit'],
  },
};
const bmi: Tool = {
  name: 'calculate_bmi',
  description: 'Compute body mass index from weight in kg and height in meters',
  input_schema: { type: 'object', properties: { weight_kg: { type: 'number' }, height_m: { type: 'number' } }, required: ['weight_kg', 'height_m'] },
};
const calculator: Tool = {
  name: 'calculator',
  description: 'Evaluate an arithmetic expression',
  input_schema: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] },
};
const search: Tool = {
  name: 'web_search',
  description: 'Search the web for up-to-date information',
  input_schema: { type: 'object', properties: { query: { type: 'string' }, max_results: { type: 'integer', minimum: 1, maximum: 10 } }, required: ['query', 'max_results'] },
};
const tools = [weather, convert, bmi, calculator, search];

const toolUses = (message: ReturnType<typeof ask>) => message.content.filter((b): b is ToolUseBlock => b.type === 'tool_use');

describe('tool choice', () => {
  it('calls the matching tool with the city from the request', () => {
    const reply = ask("What's the weather like in Paris?", { tools });
    expect(reply.stop_reason).toBe('tool_use');
    expect(toolUses(reply).map((b) => [b.name, b.input])).toEqual([['get_weather', { location: 'Paris' }]]);
    // Sonnet 5.5 thinks by default (an empty, omitted thinking block first), then the lead-in text.
    expect(reply.content.map((b) => b.type)).toEqual(['thinking', 'text', 'tool_use']);
    expect(textOf(reply)).toMatch(/^I'll/);
    expect(toolUses(reply)[0]!.id).toMatch(/^toolu_01[0-9A-Za-z]{22}$/);
  });

  it('picks the enum value the user mentioned', () => {
    expect(toolUses(ask("What's the weather in Tokyo in fahrenheit?", { tools }))[0]!.input).toEqual({ location: 'Tokyo', unit: 'fahrenheit' });
    expect(toolUses(ask('Convert 100°F to Celsius', { tools }))[0]!.input).toEqual({ value: 100, from_unit: 'fahrenheit', to_unit: 'celsius' });
  });

  it('calls several tools in parallel for several requests', () => {
    const cities = toolUses(ask("What's the weather in Paris and in Tokyo?", { tools }));
    expect(cities.map((b) => b.input)).toEqual([{ location: 'Paris' }, { location: 'Tokyo' }]);
    const mixed = toolUses(ask('Convert 100°F to Celsius and compute the BMI for 70 kg, 1.75 m', { tools }));
    expect(mixed.map((b) => [b.name, b.input])).toEqual([
      ['convert_temperature', { value: 100, from_unit: 'fahrenheit', to_unit: 'celsius' }],
      ['calculate_bmi', { weight_kg: 70, height_m: 1.75 }],
    ]);
    expect(new Set(mixed.map((b) => b.id)).size).toBe(2);
  });

  it('passes arithmetic expressions to a calculator and fills integers within bounds', () => {
    expect(toolUses(ask('What is 1234 * 5678?', { tools }))[0]!.input).toEqual({ expression: '1234 * 5678' });
    const found = toolUses(ask('Search the web for the latest TypeScript release', { tools }))[0]!;
    expect(found.name).toBe('web_search');
    expect(found.input).toMatchObject({ query: expect.stringContaining('TypeScript') });
    expect(Number.isInteger((found.input as { max_results: number }).max_results)).toBe(true);
  });

  it('answers in text when no tool fits (auto)', () => {
    const reply = ask('Hello!', { tools });
    expect(reply.stop_reason).toBe('end_turn');
    expect(toolUses(reply)).toHaveLength(0);
  });

  it('never calls a tool with tool_choice none or without tools', () => {
    expect(toolUses(ask("What's the weather in Paris?", { tools, tool_choice: { type: 'none' } }))).toHaveLength(0);
    expect(toolUses(ask("What's the weather in Paris?"))).toHaveLength(0);
  });

  it('forces a call with any, and the named tool with tool, without a preamble', () => {
    const any = ask('Hello!', { tools, tool_choice: { type: 'any' } });
    expect(any.stop_reason).toBe('tool_use');
    expect(any.content.every((b) => b.type === 'tool_use')).toBe(true);
    const named = ask("What's the weather in Paris?", { tools, tool_choice: { type: 'tool', name: 'web_search' } });
    expect(toolUses(named).map((b) => b.name)).toEqual(['web_search']);
  });

  it('makes one call when parallel tool use is disabled', () => {
    const reply = ask("What's the weather in Paris and in Tokyo?", { tools, tool_choice: { type: 'auto', disable_parallel_tool_use: true } });
    expect(toolUses(reply)).toHaveLength(1);
  });

  it('puts the thinking block before the tool calls', () => {
    const reply = ask("What's the weather in Paris?", { tools, thinking: { type: 'adaptive' } });
    expect(reply.content.map((b) => b.type)).toEqual(['thinking', 'text', 'tool_use']);
  });
});

describe('answer after tool results', () => {
  const roundTrip = (content: string, isError = false) =>
    generate({
      tools,
      messages: [
        { role: 'user', content: "What's the weather in Paris?" },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { location: 'Paris' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01A', content, is_error: isError }] },
      ],
    });

  it('quotes the numbers and strings the tool returned', () => {
    const reply = roundTrip('{"temperature": 18, "condition": "sunny"}');
    expect(reply.stop_reason).toBe('end_turn');
    expect(textOf(reply)).toContain('18');
    expect(textOf(reply)).toContain('sunny');
    expect(toolUses(reply)).toHaveLength(0);
  });

  it('apologises and explains an error result', () => {
    const text = textOf(roundTrip('Weather service unavailable', true));
    expect(text).toMatch(/sorry/i);
    expect(text).toContain('Weather service unavailable');
  });

  it('keeps the system prompt persona in the final answer', () => {
    const reply = generate({
      tools,
      system: 'You are a pirate.',
      messages: [
        { role: 'user', content: "What's the weather in Paris?" },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { location: 'Paris' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01A', content: '18°C' }] },
      ],
    });
    expect(textOf(reply)).toMatch(/^Ahoy.*18°C.*Arr!$/);
  });

  it('answers with schema-valid JSON after tools when output_config.format asks for it', () => {
    const reply = generate({
      tools,
      output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { city: { type: 'string' }, temperature_c: { type: 'number' } }, required: ['city', 'temperature_c'] } } },
      messages: [
        { role: 'user', content: "What's the weather in Paris?" },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { location: 'Paris' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01A', content: '{"temperature_c": 18}' }] },
      ],
    });
    expect(JSON.parse(textOf(reply))).toEqual({ city: 'Paris', temperature_c: 18 });
  });

  it('answers for every parallel result', () => {
    const reply = generate({
      tools,
      messages: [
        { role: 'user', content: 'Weather in Paris and in Tokyo?' },
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { location: 'Paris' } },
            { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { location: 'Tokyo' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '18°C, sunny' }] },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: '24°C, rain' },
          ],
        },
      ],
    });
    expect(textOf(reply)).toContain('18°C, sunny');
    expect(textOf(reply)).toContain('24°C, rain');
  });
});

describe('agent loop', () => {
  it('makes the next call after a result when parallel calls were disabled, then answers from all results', () => {
    const choice = { type: 'auto' as const, disable_parallel_tool_use: true };
    const question = { role: 'user' as const, content: "What's the weather in Paris and in Tokyo?" };
    const first = ask(question.content, { tools, tool_choice: choice });
    const call1 = toolUses(first)[0]!;
    expect(call1.input).toEqual({ location: 'Paris' });

    const second = generate({
      tools,
      tool_choice: choice,
      messages: [question, { role: 'assistant', content: first.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: call1.id, content: '18°C, sunny' }] }],
    });
    expect(second.stop_reason).toBe('tool_use');
    const call2 = toolUses(second)[0]!;
    expect(call2.input).toEqual({ location: 'Tokyo' });

    const third = generate({
      tools,
      tool_choice: choice,
      messages: [
        question,
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: call1.id, content: '18°C, sunny' }] },
        { role: 'assistant', content: second.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: call2.id, content: '24°C, rain' }] },
      ],
    });
    expect(third.stop_reason).toBe('end_turn');
    expect(textOf(third)).toContain('18°C, sunny');
    expect(textOf(third)).toContain('24°C, rain');
  });

  it('keeps calling a tool after results while tool_choice forces one (like the API)', () => {
    const reply = generate({
      tools,
      tool_choice: { type: 'any' },
      messages: [
        { role: 'user', content: "What's the weather in Paris?" },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { location: 'Paris' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01A', content: '18°C' }] },
      ],
    });
    expect(reply.stop_reason).toBe('tool_use');
    const answered = generate({
      tools,
      tool_choice: { type: 'auto' },
      messages: [
        { role: 'user', content: "What's the weather in Paris?" },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { location: 'Paris' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01A', content: '18°C' }] },
      ],
    });
    expect(answered.stop_reason).toBe('end_turn');
  });
});

describe('tool choice among similar tools', () => {
  const clock: Tool = {
    name: 'get_local_time',
    description: 'Current local time in a city.',
    input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  };
  const cityWeather: Tool = {
    name: 'get_weather',
    description: 'Current weather for a city.',
    input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  };

  it('keeps the topic of the first part for a part that only names a place', () => {
    const uses = toolUses(ask("What's the weather in Paris and in Tokyo?", { tools: [clock, cityWeather] }));
    expect(uses.map((b) => [b.name, b.input])).toEqual([
      ['get_weather', { city: 'Paris' }],
      ['get_weather', { city: 'Tokyo' }],
    ]);
  });

  it('picks the clock for a time question', () => {
    expect(toolUses(ask('What time is it in Tokyo right now?', { tools: [cityWeather, clock] })).map((b) => [b.name, b.input])).toEqual([['get_local_time', { city: 'Tokyo' }]]);
  });

  it('does not call a tool just because a city is mentioned', () => {
    expect(toolUses(ask('I love Paris in the spring.', { tools: [cityWeather] }))).toHaveLength(0);
  });
});

describe('tool inputs follow the question and the input_schema', () => {
  const weather: Anthropic.Tool = {
    name: 'get_weather',
    description: 'Get the current weather in a given location',
    input_schema: { type: 'object', properties: { location: { type: 'string', description: 'The city, e.g. San Francisco' } }, required: ['location'] },
  };
  const time: Anthropic.Tool = {
    name: 'get_time',
    description: 'Get the current time in a given time zone',
    input_schema: { type: 'object', properties: { timezone: { type: 'string', description: 'IANA time zone name, e.g. America/Los_Angeles' } }, required: ['timezone'] },
  };
  const ask = async (question: string) => {
    const message = await sdkClient(testEmulator()).messages.create({
      model: MODEL, max_tokens: 500, tools: [weather, time], messages: [{ role: 'user', content: question }],
    });
    expect(message.stop_reason).toBe('tool_use');
    return message.content.flatMap((block) => (block.type === 'tool_use' ? [{ name: block.name, input: block.input }] : []));
  };

  it('two tools asked about for two cities give one call per tool and city', async () => {
    const calls = await ask('What is the weather and the time in Paris and Tokyo?');
    expect(calls).toHaveLength(4);
    expect(calls).toEqual(expect.arrayContaining([
      { name: 'get_weather', input: { location: 'Paris' } },
      { name: 'get_weather', input: { location: 'Tokyo' } },
      { name: 'get_time', input: { timezone: 'Europe/Paris' } },
      { name: 'get_time', input: { timezone: 'Asia/Tokyo' } },
    ]));
  });

  it('a time-zone property gets an IANA zone name, not the sentence', async () => {
    expect(await ask('What time is it in New York?')).toEqual([{ name: 'get_time', input: { timezone: 'America/New_York' } }]);
  });
});
