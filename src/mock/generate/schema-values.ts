/**
 * Synthesises a JSON value valid against a (tool input or output format) JSON Schema, filled from
 * the user's words: city names, numbers with their units, arithmetic expressions, search queries,
 * emails, and enum values the user mentioned ("in celsius" picks "celsius").
 */
import { findCalculations } from './arithmetic';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
}

/**
 * Bounds on the work one synthesis does. Schemas come from the request, so a `minItems: 1e9` or a schema with
 * thousands of properties must not make the emulator build a huge value: a real reply would stop at `max_tokens`
 * long before (and applyOutputLimits cuts the JSON text there too). These are the emulator's own choices.
 */
export const SCHEMA_LIMITS = {
  /** Items generated for one array, whatever its `minItems`. */
  maxArrayItems: 100,
  /** Values generated in total for one schema. */
  maxValues: 2_000,
  /** Nesting followed; deeper sub-schemas get a placeholder. */
  maxDepth: 32,
  /** Enum values considered when matching the user's words. */
  maxEnumValues: 200,
  /** Characters of a name or description read for hints. */
  maxHintChars: 300,
  /** Characters of the user's words searched for entities. */
  maxTextChars: 20_000,
} as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * The keywords this generator reads, each kept only when it has the type JSON Schema gives it: a malformed keyword
 * in a request's schema (`required: 0`, `enum: "a"`) is ignored rather than crashing the emulator.
 */
export function readSchema(value: unknown): JsonSchema {
  if (!isRecord(value)) return {};
  const schema: JsonSchema = {};
  if (typeof value.type === 'string') schema.type = value.type;
  else if (Array.isArray(value.type)) schema.type = value.type.filter((t): t is string => typeof t === 'string');
  if (isRecord(value.properties)) schema.properties = value.properties as Record<string, JsonSchema>;
  if (Array.isArray(value.required)) schema.required = value.required.filter((name): name is string => typeof name === 'string');
  if (isRecord(value.items)) schema.items = value.items as JsonSchema;
  if (Array.isArray(value.enum)) schema.enum = value.enum.slice(0, SCHEMA_LIMITS.maxEnumValues);
  if (value.const !== undefined) schema.const = value.const;
  if (value.default !== undefined) schema.default = value.default;
  if (typeof value.description === 'string') schema.description = value.description.slice(0, SCHEMA_LIMITS.maxHintChars);
  const minimum = finite(value.minimum);
  if (minimum !== undefined) schema.minimum = minimum;
  const maximum = finite(value.maximum);
  if (maximum !== undefined) schema.maximum = maximum;
  const minItems = finite(value.minItems);
  if (minItems !== undefined && minItems > 0) schema.minItems = minItems;
  if (Array.isArray(value.anyOf)) schema.anyOf = value.anyOf as JsonSchema[];
  if (Array.isArray(value.oneOf)) schema.oneOf = value.oneOf as JsonSchema[];
  if (typeof value.format === 'string') schema.format = value.format;
  return schema;
}

/** What is left of a synthesis's work allowance. */
interface Budget {
  values: number;
}

/** What the user's words offer to fill a schema. */
export interface Entities {
  text: string;
  /** The whole request, consulted for enum values the part itself does not mention. */
  context: string;
  /** The emulator's own answer, for output fields like "answer" or "sentiment" (structured outputs). */
  answer: { text: string; short: string } | null;
  places: string[];
  numbers: Array<{ value: number; unit: string | null }>;
  expression: string | null;
  query: string;
  email: string | null;
  names: string[];
}

const KNOWN_CITIES = [
  'New York', 'San Francisco', 'Los Angeles', 'Rio de Janeiro', 'Buenos Aires', 'Hong Kong', 'Mexico City',
  'Paris', 'Tokyo', 'London', 'Berlin', 'Madrid', 'Rome', 'Sydney', 'Toronto', 'Chicago', 'Seattle', 'Boston',
  'Dubai', 'Singapore', 'Mumbai', 'Delhi', 'Cairo', 'Nairobi', 'Lagos', 'Moscow', 'Beijing', 'Shanghai', 'Seoul',
  'Amsterdam', 'Lisbon', 'Dublin', 'Vienna', 'Prague', 'Oslo', 'Stockholm', 'Zurich', 'Athens', 'Istanbul', 'Lima',
];

/** IANA time zones of the known cities, for `timezone`-like properties ("IANA time zone name, e.g. …"). */
const CITY_TIME_ZONES: Record<string, string> = {
  'new york': 'America/New_York', 'san francisco': 'America/Los_Angeles', 'los angeles': 'America/Los_Angeles',
  'rio de janeiro': 'America/Sao_Paulo', 'buenos aires': 'America/Argentina/Buenos_Aires', 'hong kong': 'Asia/Hong_Kong',
  'mexico city': 'America/Mexico_City', paris: 'Europe/Paris', tokyo: 'Asia/Tokyo', london: 'Europe/London',
  berlin: 'Europe/Berlin', madrid: 'Europe/Madrid', rome: 'Europe/Rome', sydney: 'Australia/Sydney',
  toronto: 'America/Toronto', chicago: 'America/Chicago', seattle: 'America/Los_Angeles', boston: 'America/New_York',
  dubai: 'Asia/Dubai', singapore: 'Asia/Singapore', mumbai: 'Asia/Kolkata', delhi: 'Asia/Kolkata', cairo: 'Africa/Cairo',
  nairobi: 'Africa/Nairobi', lagos: 'Africa/Lagos', moscow: 'Europe/Moscow', beijing: 'Asia/Shanghai',
  shanghai: 'Asia/Shanghai', seoul: 'Asia/Seoul', amsterdam: 'Europe/Amsterdam', lisbon: 'Europe/Lisbon',
  dublin: 'Europe/Dublin', vienna: 'Europe/Vienna', prague: 'Europe/Prague', oslo: 'Europe/Oslo',
  stockholm: 'Europe/Stockholm', zurich: 'Europe/Zurich', athens: 'Europe/Athens', istanbul: 'Europe/Istanbul',
  lima: 'America/Lima',
};

/** Whether a property asks for a time zone rather than a place name. */
export function isTimeZoneProperty(name: string, description = ''): boolean {
  if (/time_?zone|\btz\b/i.test(name)) return true;
  return !/location|city|place|town|destination/i.test(name) && /\btime ?zone\b|\biana\b/i.test(description);
}

const NOT_PLACES = /^(?:I|The|A|An|And|Or|What|How|Celsius|Fahrenheit|Kelvin|Please|Also|Then|Convert|Compute|Calculate|Search|Find|Tell|Get|Check|BMI)$/;

let lastEntities: { text: string; context: string; answer: Entities['answer']; entities: Entities } | null = null;

/** The entities of `text` (memoised for the last call: tool scoring asks again for every tool). */
export function extractEntities(text: string, context: string = text, answer: Entities['answer'] = null): Entities {
  if (lastEntities && lastEntities.text === text && lastEntities.context === context && lastEntities.answer === answer) return lastEntities.entities;
  const entities = readEntities(text.slice(0, SCHEMA_LIMITS.maxTextChars), context.slice(0, SCHEMA_LIMITS.maxTextChars), answer);
  lastEntities = { text, context, answer, entities };
  return entities;
}

function readEntities(text: string, context: string, answer: Entities['answer']): Entities {
  const places: string[] = [];
  const add = (place: string) => {
    const clean = place.trim().replace(/[.,!?]+$/, '');
    if (clean && !places.some((p) => p.toLowerCase() === clean.toLowerCase())) places.push(clean);
  };
  const placePattern = /\b(?:in|for|at|near|of|from|to)\s+((?:[A-Z][\p{L}'-]+)(?:\s+(?:de\s+)?[A-Z][\p{L}'-]+)*(?:,\s*[A-Z]{2}\b)?)/gu;
  const found: Array<{ index: number; place: string }> = [];
  for (const match of text.matchAll(placePattern)) {
    const words = match[1]!.split(/\s+/);
    if (!NOT_PLACES.test(words[0]!)) found.push({ index: match.index! + match[0].indexOf(match[1]!), place: match[1]! });
  }
  for (const city of KNOWN_CITIES) {
    const index = text.toLowerCase().indexOf(city.toLowerCase());
    if (index >= 0 && !found.some((f) => f.place.toLowerCase().includes(city.toLowerCase()))) found.push({ index, place: city });
  }
  found.sort((a, b) => a.index - b.index).forEach((f) => add(f.place));

  const numbers: Entities['numbers'] = [];
  for (const match of text.matchAll(/(-?\d+(?:\.\d+)?)\s*(°\s*[CFK]\b|%|[a-zA-Z]+)?/g)) {
    numbers.push({ value: Number(match[1]), unit: match[2] ? match[2].replace(/\s/g, '').toLowerCase() : null });
  }
  const calculation = findCalculations(text).find((c) => c.kind === 'expression');
  const query = text
    .replace(/^\s*(?:please\s+)?(?:can you\s+|could you\s+)?(?:search(?: the web)?(?: for)?|look up|find(?: me)?|google|tell me about|what is|what are|who is|who was)\s+/i, '')
    .replace(/[?.!]+\s*$/, '')
    .trim();
  const names = [...text.matchAll(/(?<![.!?]\s|^)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b/g)]
    .map((m) => m[1]!)
    .filter((name) => !NOT_PLACES.test(name.split(' ')[0]!) && !places.includes(name));
  return {
    text,
    context,
    answer,
    places,
    numbers,
    expression: calculation?.ascii ?? null,
    query: query || text.trim(),
    // Starts only where a word starts, so a long word without "@" costs one pass, not one pass per letter.
    email: /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+/.exec(text)?.[0] ?? null,
    names,
  };
}

const UNIT_SYNONYMS: Record<string, string[]> = {
  celsius: ['celsius', '°c', 'centigrade', 'degrees c'],
  fahrenheit: ['fahrenheit', '°f', 'degrees f'],
  kelvin: ['kelvin'],
  metric: ['metric', 'celsius', '°c', 'km', 'kg'],
  imperial: ['imperial', 'fahrenheit', '°f', 'miles', 'lb'],
};

/** The enum value the user mentioned (by name or a synonym), or null. */
export function mentionedEnumValue(values: unknown[], text: string, which: 'first' | 'last' = 'last'): unknown {
  const lower = text.toLowerCase();
  let best: { value: unknown; index: number } | null = null;
  for (const value of values) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const key = String(value).toLowerCase();
    const variants = [key, key.replace(/_/g, ' '), ...(Object.hasOwn(UNIT_SYNONYMS, key) ? UNIT_SYNONYMS[key]! : [])];
    for (const variant of variants) {
      const index = variant.length <= 2 ? lower.search(new RegExp(`(?:°|\\b)${variant.replace(/[^a-z0-9]/g, '')}\\b`)) : which === 'last' ? lower.lastIndexOf(variant) : lower.indexOf(variant);
      // By default the last mention wins ("weather in Paris, in celsius"); a `from_unit` takes the first.
      if (index >= 0 && (!best || (which === 'last' ? index > best.index : index < best.index))) best = { value, index };
    }
  }
  return best?.value ?? null;
}

function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null') ?? 'string';
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.enum?.length) return typeof schema.enum[0];
  return 'string';
}

function clamp(value: number, schema: JsonSchema): number {
  let result = value;
  if (typeof schema.minimum === 'number') result = Math.max(schema.minimum, result);
  if (typeof schema.maximum === 'number') result = Math.min(schema.maximum, result);
  return result;
}

interface Fill {
  value: unknown;
  /** false when the value is a placeholder rather than something the user said. */
  fromUser: boolean;
}

/** The words a property's name and description offer as hints, bounded. */
function hintOf(name: string, schema: JsonSchema): string {
  return `${name.slice(0, SCHEMA_LIMITS.maxHintChars)} ${schema.description ?? ''}`.toLowerCase();
}

function numberFor(name: string, schema: JsonSchema, entities: Entities, used: Set<number>): Fill {
  const hint = hintOf(name, schema);
  const take = (predicate: (n: Entities['numbers'][number]) => boolean): number | null => {
    const index = entities.numbers.findIndex((n, i) => !used.has(i) && predicate(n));
    if (index < 0) return null;
    used.add(index);
    return entities.numbers[index]!.value;
  };
  let value: number | null = null;
  const answered = entities.answer ? Number(entities.answer.short) : Number.NaN;
  if (Number.isFinite(answered) && /\b(?:answer|result|total|sum|product|value|output)\b/.test(hint)) return { value: clamp(answered, schema), fromUser: true };
  if (/weight|mass|\bkg\b|kilo/.test(hint)) value = take((n) => /^(kg|kgs|kilograms?|lb|lbs|pounds?)$/.test(n.unit ?? ''));
  else if (/height|tall/.test(hint)) {
    const index = entities.numbers.findIndex((n, i) => !used.has(i) && /^(m|cm|meters?|metres?|ft)$/.test(n.unit ?? ''));
    if (index >= 0) {
      used.add(index);
      const n = entities.numbers[index]!;
      value = n.unit === 'cm' && /meter|metre|\bm\b/.test(hint) ? n.value / 100 : n.value;
    }
  } else if (/temp|degree|fahrenheit|celsius/.test(hint)) value = take((n) => /^°?[cfk]$|^degrees?$|^fahrenheit$|^celsius$/.test(n.unit ?? ''));
  else if (/percent|rate|tip/.test(hint)) value = take((n) => n.unit === '%');
  if (value === null) value = take(() => true);
  if (value === null) {
    const fallback = typeof schema.default === 'number' ? schema.default : typeof schema.minimum === 'number' ? schema.minimum : 1;
    return { value: fallback, fromUser: false };
  }
  return { value: clamp(value, schema), fromUser: true };
}

function stringFor(rawName: string, schema: JsonSchema, entities: Entities, placeIndex: { next: number }): Fill {
  const name = rawName.slice(0, SCHEMA_LIMITS.maxHintChars);
  const hint = hintOf(name, schema);
  if (isTimeZoneProperty(name, schema.description)) {
    const place = entities.places[placeIndex.next] ?? entities.places[0];
    placeIndex.next += 1;
    const city = place?.replace(/,\s*[A-Z]{2}$/, '').toLowerCase();
    const zone = city !== undefined && Object.hasOwn(CITY_TIME_ZONES, city) ? CITY_TIME_ZONES[city] : undefined;
    return zone ? { value: zone, fromUser: true } : { value: 'UTC', fromUser: false };
  }
  if (/location|city|place|where|destination|town|region|country/.test(name.toLowerCase()) || /\b(?:city|location)\b/.test(hint)) {
    const place = entities.places[placeIndex.next] ?? entities.places[0];
    placeIndex.next += 1;
    return place ? { value: place, fromUser: true } : { value: entities.query, fromUser: false };
  }
  if (/expression|formula|equation|calculation|math/.test(hint) && entities.expression) return { value: entities.expression, fromUser: true };
  if (/email/.test(hint)) return entities.email ? { value: entities.email, fromUser: true } : { value: 'user@example.com', fromUser: false };
  if (/\bunit|scale/.test(hint)) {
    const unit = mentionedEnumValue(['celsius', 'fahrenheit', 'kelvin', 'km', 'miles', 'kg', 'lb', 'm', 'ft'], entities.text);
    if (typeof unit === 'string') return { value: unit, fromUser: true };
  }
  if (/\bname\b/.test(hint) && entities.names[0]) return { value: entities.names[0], fromUser: true };
  if (/\bdate\b|\bday\b/.test(hint)) {
    const date = /\b\d{4}-\d{2}-\d{2}\b|\btoday\b|\btomorrow\b|\byesterday\b/i.exec(entities.text)?.[0];
    return date ? { value: date, fromUser: true } : { value: 'today', fromUser: false };
  }
  if (entities.answer && /\b(?:answer|result|response|reply|output)\b/.test(hint)) return { value: entities.answer.short, fromUser: true };
  if (entities.answer && /summary|explanation|reason|description|details/.test(hint)) return { value: entities.answer.text, fromUser: true };
  if (entities.answer && /sentiment|label|category|classification/.test(hint)) return { value: entities.answer.short.toLowerCase(), fromUser: true };
  if (typeof schema.default === 'string') return { value: schema.default, fromUser: false };
  return { value: entities.query, fromUser: /query|search|question|topic|keyword|term|text|prompt|message|content|input/.test(hint) };
}

/** A cheap value of the schema's type, for sub-schemas past the work allowance or the nesting bound. */
function placeholder(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'number':
    case 'integer':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    case 'null':
      return null;
    default:
      return '';
  }
}

interface FillState {
  entities: Entities;
  used: Set<number>;
  placeIndex: { next: number };
  budget: Budget;
}

function fill(name: string, raw: unknown, state: FillState, depth: number): Fill {
  const schema = readSchema(raw);
  state.budget.values -= 1;
  if (state.budget.values < 0 || depth > SCHEMA_LIMITS.maxDepth) return { value: placeholder(schema), fromUser: false };
  const { entities, used, placeIndex } = state;
  if (schema.const !== undefined) return { value: schema.const, fromUser: true };
  if (schema.enum?.length) {
    const which = /^(?:from|source|input)|_from$|from_/i.test(name) ? 'first' : 'last';
    const mentioned =
      mentionedEnumValue(schema.enum, entities.text, which) ??
      mentionedEnumValue(schema.enum, entities.context, which) ??
      (entities.answer ? mentionedEnumValue(schema.enum, entities.answer.short) : null);
    if (mentioned !== null) return { value: mentioned, fromUser: true };
    return { value: schema.default !== undefined && schema.enum.includes(schema.default) ? schema.default : schema.enum[0], fromUser: false };
  }
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant && !schema.type) return fill(name, variant, state, depth + 1);
  switch (typeOf(schema)) {
    case 'number':
      return numberFor(name, schema, entities, used);
    case 'integer': {
      const result = numberFor(name, schema, entities, used);
      return { ...result, value: Math.round(result.value as number) };
    }
    case 'boolean': {
      const words = name.slice(0, SCHEMA_LIMITS.maxHintChars).toLowerCase().split(/[_\s]+/).filter((w) => w.length > 2 && !['include', 'is', 'has', 'use', 'enable'].includes(w));
      const mentioned = words.some((w) => entities.text.toLowerCase().includes(w));
      return { value: mentioned ? true : typeof schema.default === 'boolean' ? schema.default : false, fromUser: mentioned };
    }
    case 'array': {
      const items = readSchema(schema.items ?? { type: 'string' });
      const itemType = typeOf(items);
      let values: unknown[];
      if (itemType === 'number' || itemType === 'integer') values = entities.numbers.map((n) => (itemType === 'integer' ? Math.round(n.value) : n.value));
      else if (itemType === 'string' && /location|cit(?:y|ies)|place|town/.test(name.slice(0, SCHEMA_LIMITS.maxHintChars).toLowerCase())) values = [...entities.places];
      else values = [fill(name, items, state, depth + 1).value];
      if (values.length === 0) values = [fill(name, items, state, depth + 1).value];
      values = values.slice(0, SCHEMA_LIMITS.maxArrayItems);
      // `minItems` is obeyed up to the bound: repeats of the first item cost nothing to build.
      const wanted = Math.min(schema.minItems ?? 0, SCHEMA_LIMITS.maxArrayItems);
      while (values.length < wanted) values.push(values[0]);
      return { value: values, fromUser: values.length > 0 };
    }
    case 'object':
      return { value: synthesizeObject(schema, state, depth), fromUser: true };
    case 'null':
      return { value: null, fromUser: true };
    default:
      return stringFor(name, schema, entities, placeIndex);
  }
}

function synthesizeObject(schema: JsonSchema, state: FillState, depth: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const property = readSchema(raw);
    // Past the allowance only required properties are still written, with placeholders.
    if (state.budget.values <= 0) {
      if (required.has(name)) result[name] = placeholder(property);
      continue;
    }
    const filled = fill(name, raw, state, depth + 1);
    // Optional properties appear only when the user actually supplied them.
    if (required.has(name) || (filled.fromUser && (property.enum || typeOf(property) !== 'string' || filled.value !== state.entities.query))) result[name] = filled.value;
  }
  return result;
}

/** A value valid against `schema`, filled from `text`. */
export function synthesizeFromSchema(schema: JsonSchema, text: string, context: string = text, answer: Entities['answer'] = null): unknown {
  const state: FillState = { entities: extractEntities(text, context, answer), used: new Set(), placeIndex: { next: 0 }, budget: { values: SCHEMA_LIMITS.maxValues } };
  const root = readSchema(schema);
  if (typeOf(root) === 'object') return synthesizeObject(root, state, 0);
  return fill('value', root, state, 0).value;
}
