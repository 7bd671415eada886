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

export function extractEntities(text: string, context: string = text, answer: Entities['answer'] = null): Entities {
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
    email: /[\w.+-]+@[\w-]+\.[\w.]+/.exec(text)?.[0] ?? null,
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
    const variants = [key, key.replace(/_/g, ' '), ...(UNIT_SYNONYMS[key] ?? [])];
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

function numberFor(name: string, schema: JsonSchema, entities: Entities, used: Set<number>): Fill {
  const hint = `${name} ${schema.description ?? ''}`.toLowerCase();
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

function stringFor(name: string, schema: JsonSchema, entities: Entities, placeIndex: { next: number }): Fill {
  const hint = `${name} ${schema.description ?? ''}`.toLowerCase();
  if (isTimeZoneProperty(name, schema.description)) {
    const place = entities.places[placeIndex.next] ?? entities.places[0];
    placeIndex.next += 1;
    const zone = place ? CITY_TIME_ZONES[place.replace(/,\s*[A-Z]{2}$/, '').toLowerCase()] : undefined;
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

function fill(name: string, schema: JsonSchema, entities: Entities, used: Set<number>, placeIndex: { next: number }): Fill {
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
  if (variant && !schema.type) return fill(name, variant, entities, used, placeIndex);
  switch (typeOf(schema)) {
    case 'number':
      return numberFor(name, schema, entities, used);
    case 'integer': {
      const result = numberFor(name, schema, entities, used);
      return { ...result, value: Math.round(result.value as number) };
    }
    case 'boolean': {
      const words = name.toLowerCase().split(/[_\s]+/).filter((w) => w.length > 2 && !['include', 'is', 'has', 'use', 'enable'].includes(w));
      const mentioned = words.some((w) => entities.text.toLowerCase().includes(w));
      return { value: mentioned ? true : typeof schema.default === 'boolean' ? schema.default : false, fromUser: mentioned };
    }
    case 'array': {
      const items = schema.items ?? { type: 'string' };
      const itemType = typeOf(items);
      let values: unknown[];
      if (itemType === 'number' || itemType === 'integer') values = entities.numbers.map((n) => (itemType === 'integer' ? Math.round(n.value) : n.value));
      else if (itemType === 'string' && /location|cit(?:y|ies)|place|town/.test(name.toLowerCase())) values = [...entities.places];
      else values = [fill(name, items, entities, used, placeIndex).value];
      if (values.length === 0) values = [fill(name, items, entities, used, placeIndex).value];
      while (values.length < (schema.minItems ?? 0)) values.push(values[0]);
      return { value: values, fromUser: values.length > 0 };
    }
    case 'object':
      return { value: synthesizeObject(schema, entities, used, placeIndex), fromUser: true };
    case 'null':
      return { value: null, fromUser: true };
    default:
      return stringFor(name, schema, entities, placeIndex);
  }
}

function synthesizeObject(schema: JsonSchema, entities: Entities, used: Set<number>, placeIndex: { next: number }): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const filled = fill(name, property ?? {}, entities, used, placeIndex);
    // Optional properties appear only when the user actually supplied them.
    if (required.has(name) || (filled.fromUser && (property.enum || typeOf(property) !== 'string' || filled.value !== entities.query))) result[name] = filled.value;
  }
  return result;
}

/** A value valid against `schema`, filled from `text`. */
export function synthesizeFromSchema(schema: JsonSchema, text: string, context: string = text, answer: Entities['answer'] = null): unknown {
  const entities = extractEntities(text, context, answer);
  if (typeOf(schema) === 'object') return synthesizeObject(schema, entities, new Set(), { next: 0 });
  return fill('value', schema, entities, new Set(), { next: 0 }).value;
}
