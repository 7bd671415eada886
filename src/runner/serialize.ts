import type { SerializedValue } from './protocol';

export interface SerializeLimits {
  /** Nesting levels shown before a value becomes `{kind: 'truncated'}`. */
  maxDepth: number;
  /** Entries per object/array/map/set before the rest is cut (arrays keep their real `length`). */
  maxEntries: number;
  /** Characters per string. */
  maxStringLength: number;
}

export const DEFAULT_LIMITS: SerializeLimits = { maxDepth: 8, maxEntries: 100, maxStringLength: 20_000 };

/**
 * Turns any value (as passed to `console.log`) into a structured-clone-safe tree the UI renders as an
 * expandable view. Never throws: getters that throw, revoked proxies and the like show as errors/truncated.
 * Only ancestors count as circular; the same object seen twice side by side is shown twice.
 */
export function serializeValue(value: unknown, limits: SerializeLimits = DEFAULT_LIMITS): SerializedValue {
  return walk(value, 0, new Set<object>(), limits);
}

function walk(value: unknown, depth: number, ancestors: Set<object>, limits: SerializeLimits): SerializedValue {
  switch (typeof value) {
    case 'string':
      return {
        kind: 'string',
        value:
          value.length > limits.maxStringLength
            ? `${value.slice(0, limits.maxStringLength)}… (${value.length - limits.maxStringLength} more characters)`
            : value,
      };
    case 'number':
      return { kind: 'number', value: Object.is(value, -0) ? '-0' : String(value) };
    case 'boolean':
      return { kind: 'boolean', value };
    case 'undefined':
      return { kind: 'undefined' };
    case 'bigint':
      return { kind: 'bigint', value: value.toString() };
    case 'symbol':
      return { kind: 'symbol', description: value.description ?? '' };
    case 'function':
      return { kind: 'function', name: safe(() => value.name, '') || '(anonymous)' };
    default:
      break;
  }
  if (value === null) return { kind: 'null' };
  const object = value as object;
  if (ancestors.has(object)) return { kind: 'circular' };
  try {
    return walkObject(object, depth, ancestors, limits);
  } catch (error) {
    return { kind: 'error', name: 'Error', message: `(could not be shown: ${safe(() => String(error), 'unknown error')})` };
  }
}

function walkObject(object: object, depth: number, ancestors: Set<object>, limits: SerializeLimits): SerializedValue {
  if (object instanceof Date) return { kind: 'date', iso: Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString() };
  if (object instanceof RegExp) return { kind: 'regexp', source: String(object) };
  if (object instanceof Error) {
    const stack = typeof object.stack === 'string' ? object.stack : undefined;
    return { kind: 'error', name: String(object.name), message: String(object.message), ...(stack ? { stack } : {}) };
  }
  if (depth >= limits.maxDepth) return { kind: 'truncated' };

  ancestors.add(object);
  try {
    const child = (v: unknown) => walk(v, depth + 1, ancestors, limits);
    if (Array.isArray(object)) {
      const items = object.slice(0, limits.maxEntries).map(child);
      return { kind: 'array', items, length: object.length };
    }
    if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
      const view = object as unknown as ArrayLike<number | bigint>;
      const items = Array.from({ length: Math.min(view.length, limits.maxEntries) }, (_, i) => child(view[i]));
      return { kind: 'array', items, length: view.length };
    }
    if (object instanceof Map) {
      const entries: [SerializedValue, SerializedValue][] = [];
      for (const [key, entryValue] of object) {
        if (entries.length >= limits.maxEntries) break;
        entries.push([child(key), child(entryValue)]);
      }
      return { kind: 'map', entries };
    }
    if (object instanceof Set) {
      const items: SerializedValue[] = [];
      for (const item of object) {
        if (items.length >= limits.maxEntries) break;
        items.push(child(item));
      }
      return { kind: 'set', items };
    }
    if (typeof Headers !== 'undefined' && object instanceof Headers) {
      return { kind: 'object', className: 'Headers', entries: [...object].map(([k, v]) => [k, child(v)] as [string, SerializedValue]) };
    }
    if (typeof Response !== 'undefined' && object instanceof Response) {
      const summary: [string, unknown][] = [
        ['status', object.status],
        ['statusText', object.statusText],
        ['ok', object.ok],
        ['headers', object.headers],
        ['bodyUsed', object.bodyUsed],
      ];
      return { kind: 'object', className: 'Response', entries: summary.map(([k, v]) => [k, child(v)]) };
    }
    return plainObject(object, child, limits);
  } finally {
    ancestors.delete(object);
  }
}

function plainObject(object: object, child: (v: unknown) => SerializedValue, limits: SerializeLimits): SerializedValue {
  const className = classNameOf(object);
  const keys = Object.keys(object);
  const entries: [string, SerializedValue][] = [];
  for (const key of keys.slice(0, limits.maxEntries)) {
    let entryValue: SerializedValue;
    try {
      entryValue = child((object as Record<string, unknown>)[key]);
    } catch (error) {
      entryValue = { kind: 'error', name: 'Error', message: `(getter threw: ${safe(() => String(error), 'unknown error')})` };
    }
    entries.push([key, entryValue]);
  }
  return {
    kind: 'object',
    ...(className ? { className } : {}),
    entries,
    ...(keys.length > limits.maxEntries ? { truncated: true } : {}),
  };
}

/** The constructor's name for class instances; nothing for plain objects and `Object.create(null)`. */
function classNameOf(object: object): string | undefined {
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype === null || prototype === Object.prototype) return undefined;
  const tag = safe(() => (object as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag], undefined);
  const constructorName = safe(() => (prototype as { constructor?: { name?: unknown } }).constructor?.name, undefined);
  if (typeof constructorName === 'string' && constructorName !== '' && constructorName !== 'Object') return constructorName;
  if (typeof tag === 'string') return tag;
  return undefined;
}

function safe<T, F>(read: () => T, fallback: F): T | F {
  try {
    return read();
  } catch {
    return fallback;
  }
}
