/**
 * Tool choice and tool input synthesis. The request is split into parts ("weather in Paris and in
 * Tokyo" → two parts); each part picks the tool whose name/description shares the most words with
 * it (with a few synonym groups: weather/temperature/forecast, convert/celsius/miles,
 * calculate/compute/math, search/find/look up…), and its input is filled from that part's words.
 * `tool_choice` (auto/any/tool/none) and `disable_parallel_tool_use` are honoured.
 */
import type { MessageCreateParamsBase, Tool, ToolUnion } from '@anthropic-ai/sdk/resources/messages/messages';
import { findCalculations } from './arithmetic';
import { toolCallKey } from './conversation';
import { extractEntities, isTimeZoneProperty, synthesizeFromSchema, type JsonSchema } from './schema-values';

export interface PlannedToolCall {
  tool: Tool;
  input: Record<string, unknown>;
  /** The words of the request this call serves. */
  part: string;
}

const SYNONYMS: string[][] = [
  ['weather', 'temperature', 'forecast', 'rain', 'raining', 'sunny', 'climate', 'humidity', 'wind', 'hot', 'cold', 'warm'],
  ['convert', 'conversion', 'converter', 'celsius', 'fahrenheit', 'kelvin', 'unit', 'miles', 'km', 'kilometers', 'pounds', 'lb', 'kg'],
  ['calculate', 'calculator', 'compute', 'math', 'arithmetic', 'evaluate', 'expression', 'multiply', 'add', 'sum', 'divide', 'subtract', 'plus', 'minus', 'times', 'product'],
  ['bmi', 'body', 'mass', 'index'],
  ['search', 'find', 'look', 'lookup', 'web', 'internet', 'google', 'news', 'latest', 'information', 'query'],
  ['time', 'clock', 'timezone', 'hour', 'date', 'today', 'now'],
  ['stock', 'price', 'share', 'ticker', 'market', 'quote'],
  ['email', 'mail', 'send', 'message'],
  ['translate', 'translation', 'language'],
  ['order', 'orders', 'purchase', 'shipping', 'delivery', 'track'],
  ['customer', 'user', 'account', 'profile'],
];

const STOPWORDS = new Set(
  'a an the and or of in on at to for from with by is are was be it its this that what whats how which who please can could you me my i get give tell show use using current given some any do does about into as'.split(' '),
);

function stem(word: string): string {
  return word.length > 4 ? word.replace(/(?:ing|ed|es|s)$/, '') : word;
}

function terms(text: string): Set<string> {
  const out = new Set<string>();
  const words = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/°[cf]\b/g, ' celsius ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !STOPWORDS.has(word));
  for (const word of words) {
    out.add(stem(word));
    SYNONYMS.forEach((group, index) => {
      if (group.includes(word) || group.includes(stem(word))) out.add(`#${index}`);
    });
  }
  return out;
}

function isCustomTool(tool: ToolUnion): tool is Tool {
  return 'input_schema' in tool && tool.input_schema != null;
}

function requiresNumber(tool: Tool): boolean {
  const schema = tool.input_schema as JsonSchema;
  return (schema.required ?? []).some((name) => {
    const type = schema.properties?.[name]?.type;
    return type === 'number' || type === 'integer';
  });
}

/**
 * How well a tool fits a request: a word of the request in the tool's name counts 3, in its
 * description 1; a synonym-group match counts half as much. Arithmetic, conversions and BMI in the
 * request favour tools of that kind; a tool that needs a number is unlikely when none is given.
 */
function score(tool: Tool, part: string, placeBonus = true): number {
  const partTerms = terms(part);
  const nameTerms = terms(tool.name);
  const descriptionTerms = terms(tool.description ?? '');
  let total = 0;
  for (const term of partTerms) {
    const weight = term.startsWith('#') ? 0.5 : 1;
    if (nameTerms.has(term)) total += 3 * weight;
    else if (descriptionTerms.has(term)) total += weight;
  }
  const kindBonus = (group: string, bonus: number) => (nameTerms.has(group) ? bonus : descriptionTerms.has(group) ? bonus / 3 : 0);
  const calculations = findCalculations(part);
  if (calculations.some((c) => c.kind === 'expression')) {
    total += kindBonus('#2', 3);
    const properties = Object.keys((tool.input_schema as JsonSchema).properties ?? {});
    if (properties.some((name) => /expression|formula|equation/i.test(name))) total += 3;
  }
  if (calculations.some((c) => c.kind === 'conversion')) total += kindBonus('#1', 3);
  if (calculations.some((c) => c.kind === 'bmi')) total += kindBonus('#3', 4);
  const entities = extractEntities(part);
  if (requiresNumber(tool) && entities.numbers.length === 0) total /= 2;
  if (placeBonus && total > 0 && hasLocationProperty(tool) && entities.places.length > 0) total += 1;
  return total;
}

/** Splits "weather in Paris and in Tokyo; convert 100°F to Celsius" into its requests. */
export function splitRequests(question: string): string[] {
  return question
    .split(/\s*(?:,?\s+and\s+(?:also\s+)?|;|\.\s+|\?\s+|,\s*(?:then|also|plus)\s+|\bthen\b|\balso\b)\s*/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Whether the tool takes a place: a location-like property, or a time zone (filled from a city). */
function hasLocationProperty(tool: Tool): boolean {
  const properties = (tool.input_schema as JsonSchema).properties ?? {};
  return Object.entries(properties).some(([name, schema]) =>
    /location|city|place|town|destination/i.test(name) || isTimeZoneProperty(name, schema?.description));
}

/** The part rewritten to be about `place` ("the time in Paris" → "the time in Tokyo"; "the weather" → "the weather in Tokyo"). */
function partAbout(part: string, partPlaces: readonly string[], place: string): string {
  const own = partPlaces[0];
  if (own !== undefined && part.includes(own)) return part.replace(own, place);
  return `${part.replace(/[?.!]+\s*$/, '')} in ${place}`;
}

function inputFor(tool: Tool, part: string, question: string): Record<string, unknown> {
  const value = synthesizeFromSchema(tool.input_schema as JsonSchema, part, question);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function bestTool(tools: Tool[], part: string, placeBonus = true): { tool: Tool; score: number } | null {
  let best: { tool: Tool; score: number } | null = null;
  for (const tool of tools) {
    const s = score(tool, part, placeBonus);
    if (s > 0 && (!best || s > best.score)) best = { tool, score: s };
  }
  return best;
}

/**
 * The tool calls the emulated model makes for this request (empty: answer in text). `alreadyMade`
 * holds `toolCallKey`s of calls made earlier in the same exchange; they are not repeated, except
 * that a forced tool_choice (any/tool) always yields a call, as on the real API.
 */
export function planToolCalls(params: MessageCreateParamsBase, question: string, alreadyMade: readonly string[] = []): PlannedToolCall[] {
  const choice = params.tool_choice ?? { type: 'auto' as const };
  if (choice.type === 'none') return [];
  const tools = (params.tools ?? []).filter(isCustomTool);
  if (tools.length === 0) return [];

  const candidates = choice.type === 'tool' ? tools.filter((tool) => tool.name === choice.name) : tools;
  if (candidates.length === 0) return [];

  const calls: PlannedToolCall[] = [];
  const add = (tool: Tool, part: string) => {
    const input = inputFor(tool, part, question);
    const key = toolCallKey(tool.name, input);
    if (!alreadyMade.includes(key) && !calls.some((call) => toolCallKey(call.tool.name, call.input) === key)) calls.push({ tool, input, part });
  };
  // Tools asked about together share the places named with them: "the weather and the time in Paris and Tokyo" is
  // split into "the weather" / "the time in Paris" / "Tokyo", and means both tools for both cities.
  let group: Array<{ tool: Tool; part: string; places: string[] }> = [];
  let waitingForPlace: Array<{ tool: Tool; part: string }> = [];
  for (const part of splitRequests(question)) {
    const places = extractEntities(part).places;
    const tool = bestTool(candidates, part)?.tool ?? null;
    if (!tool) {
      // "…in Paris and in Tokyo": a part that names only places repeats the tools of the group for them.
      const placeTools = group.filter((member) => hasLocationProperty(member.tool));
      if (places.length === 0 || placeTools.length === 0) continue;
      for (const place of places) for (const member of placeTools) add(member.tool, partAbout(member.part, member.places, place));
      continue;
    }
    if (hasLocationProperty(tool) && places.length === 0) {
      waitingForPlace.push({ tool, part });
      group = waitingForPlace.map((waiting) => ({ ...waiting, places: [] }));
      continue;
    }
    if (places.length > 0) {
      for (const waiting of waitingForPlace) for (const place of places) add(waiting.tool, partAbout(waiting.part, [], place));
      group = [...waitingForPlace.map((waiting) => ({ ...waiting, places: [] as string[] })), { tool, part, places }];
    } else {
      for (const waiting of waitingForPlace) add(waiting.tool, waiting.part);
      group = [{ tool, part, places }];
    }
    waitingForPlace = [];
    add(tool, part);
  }
  for (const waiting of waitingForPlace) add(waiting.tool, waiting.part);

  // any / tool force at least one call, even when nothing in the request matches.
  if (calls.length === 0 && (choice.type === 'any' || choice.type === 'tool')) {
    const tool = bestTool(candidates, question)?.tool ?? candidates[0]!;
    calls.push({ tool, input: inputFor(tool, question, question), part: question });
  }

  const disableParallel = 'disable_parallel_tool_use' in choice && choice.disable_parallel_tool_use === true;
  return disableParallel ? calls.slice(0, 1) : calls;
}

function describeInput(input: Record<string, unknown>): string {
  return Object.values(input)
    .filter((value) => typeof value === 'string' || typeof value === 'number')
    .map(String)
    .join(', ');
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The short sentence written before the tool_use blocks ("I'll check the weather in Paris and Tokyo."). */
export function toolPreamble(calls: PlannedToolCall[]): string {
  const byTool = new Map<string, PlannedToolCall[]>();
  for (const call of calls) byTool.set(call.tool.name, [...(byTool.get(call.tool.name) ?? []), call]);
  const phrases = [...byTool.entries()].map(([name, group]) => {
    const args = group.map((call) => describeInput(call.input)).filter(Boolean);
    if (/weather|forecast/i.test(name)) {
      const places = group.map((call) => Object.values(call.input).find((v) => typeof v === 'string') as string | undefined).filter(Boolean) as string[];
      if (places.length) return `check the current weather in ${joinList(places)}`;
    }
    return args.length ? `use the ${name} tool (${args.join('; ')})` : `use the ${name} tool`;
  });
  const parallel = calls.length > 1 ? ' at the same time' : '';
  return `I'll ${joinList(phrases)}${parallel}.`;
}
