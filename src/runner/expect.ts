/**
 * The `expect` of exercise checks: a small Jest-like matcher set. A failed expectation throws an
 * `ExpectationError` whose `diff` (pretty-printed actual and expected) the UI shows for equality failures.
 */

export class ExpectationError extends Error {
  constructor(
    message: string,
    readonly diff?: { actual: string; expected: string },
  ) {
    super(message);
    this.name = 'ExpectationError';
  }
}

export interface Matchers {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toBeTruthy(): void;
  toBeFalsy(): void;
  toContain(item: unknown): void;
  toMatch(pattern: RegExp | string): void;
  toBeGreaterThan(n: number | bigint): void;
  toBeGreaterThanOrEqual(n: number | bigint): void;
  toBeLessThan(n: number | bigint): void;
  toBeLessThanOrEqual(n: number | bigint): void;
  toHaveLength(length: number): void;
  toHaveProperty(path: string | readonly (string | number)[], value?: unknown): void;
  toBeInstanceOf(constructor: abstract new (...args: never[]) => unknown): void;
  toThrow(expected?: string | RegExp | (abstract new (...args: never[]) => unknown)): void;
}

export interface Expectation extends Matchers {
  not: Matchers;
}

export function expect(actual: unknown): Expectation {
  return Object.assign(matchers(actual, false), { not: matchers(actual, true) });
}

function matchers(actual: unknown, negated: boolean): Matchers {
  const not = negated ? 'not ' : '';
  /** Throws unless `pass` (or, negated, unless `!pass`). */
  const assert = (pass: boolean, describe: () => string, diff?: () => { actual: string; expected: string }) => {
    if (pass !== negated) return;
    throw new ExpectationError(describe(), !negated && diff ? diff() : undefined);
  };
  const compare = (name: string, n: number | bigint, test: (a: number | bigint) => boolean) => {
    if (typeof actual !== 'number' && typeof actual !== 'bigint') {
      throw new ExpectationError(`expected a number to compare with ${name}, got ${preview(actual)}`);
    }
    assert(test(actual), () => `expected ${preview(actual)} ${not}to be ${name} ${preview(n)}`);
  };

  return {
    toBe(expected) {
      assert(
        Object.is(actual, expected),
        () =>
          `expected ${preview(actual)} ${not}to be ${preview(expected)}` +
          (!negated && deepEqual(actual, expected) ? ' (same content, different object: use toEqual)' : ''),
        () => ({ actual: pretty(actual), expected: pretty(expected) }),
      );
    },
    toEqual(expected) {
      assert(
        deepEqual(actual, expected),
        () => `expected ${preview(actual)} ${not}to equal ${preview(expected)}`,
        () => ({ actual: pretty(actual), expected: pretty(expected) }),
      );
    },
    toBeTruthy() {
      assert(Boolean(actual), () => `expected ${preview(actual)} ${not}to be truthy`);
    },
    toBeFalsy() {
      assert(!actual, () => `expected ${preview(actual)} ${not}to be falsy`);
    },
    toContain(item) {
      let pass: boolean;
      if (typeof actual === 'string') pass = typeof item === 'string' && actual.includes(item);
      else if (actual !== null && typeof actual === 'object' && Symbol.iterator in actual)
        pass = [...(actual as Iterable<unknown>)].some((element) => Object.is(element, item) || element === item);
      else throw new ExpectationError(`toContain needs a string, an array or another iterable, got ${preview(actual)}`);
      assert(pass, () => `expected ${preview(actual)} ${not}to contain ${preview(item)}`);
    },
    toMatch(pattern) {
      if (typeof actual !== 'string') throw new ExpectationError(`toMatch needs a string, got ${preview(actual)}`);
      const pass = typeof pattern === 'string' ? actual.includes(pattern) : new RegExp(pattern.source, pattern.flags).test(actual);
      assert(pass, () => `expected ${preview(actual)} ${not}to match ${String(pattern)}`);
    },
    toBeGreaterThan: (n) => compare('greater than', n, (a) => a > n),
    toBeGreaterThanOrEqual: (n) => compare('greater than or equal to', n, (a) => a >= n),
    toBeLessThan: (n) => compare('less than', n, (a) => a < n),
    toBeLessThanOrEqual: (n) => compare('less than or equal to', n, (a) => a <= n),
    toHaveLength(length) {
      const actualLength = (actual as { length?: unknown } | null | undefined)?.length;
      if (typeof actualLength !== 'number') throw new ExpectationError(`expected ${preview(actual)} to have a length`);
      assert(actualLength === length, () => `expected length ${actualLength} ${not}to be ${length}`);
    },
    toHaveProperty(path, ...rest) {
      const keys = typeof path === 'string' ? path.split('.') : [...path];
      let current: unknown = actual;
      let found = true;
      for (const key of keys) {
        if (current === null || current === undefined || !(String(key) in Object(current))) {
          found = false;
          break;
        }
        current = (current as Record<string, unknown>)[String(key)];
      }
      const label = keys.join('.');
      if (rest.length === 0) {
        assert(found, () => `expected ${preview(actual)} ${not}to have property "${label}"`);
      } else {
        const [expected] = rest;
        assert(
          found && deepEqual(current, expected),
          () =>
            found
              ? `expected property "${label}" ${not}to equal ${preview(expected)}, got ${preview(current)}`
              : `expected ${preview(actual)} to have property "${label}"`,
          () => ({ actual: found ? pretty(current) : '(missing)', expected: pretty(expected) }),
        );
      }
    },
    toBeInstanceOf(constructor) {
      assert(actual instanceof constructor, () => `expected ${preview(actual)} ${not}to be an instance of ${constructor.name}`);
    },
    toThrow(expected) {
      if (typeof actual !== 'function') throw new ExpectationError(`toThrow needs a function, got ${preview(actual)}`);
      let thrown: unknown;
      let didThrow = false;
      try {
        (actual as () => unknown)();
      } catch (error) {
        didThrow = true;
        thrown = error;
      }
      const thrownMessage = thrown instanceof Error ? thrown.message : String(thrown);
      let pass = didThrow;
      if (didThrow && typeof expected === 'string') pass = thrownMessage.includes(expected);
      else if (didThrow && expected instanceof RegExp) pass = expected.test(thrownMessage);
      else if (didThrow && typeof expected === 'function') pass = thrown instanceof expected;
      const wanted = expected === undefined ? '' : ` ${typeof expected === 'function' ? expected.name : String(expected)}`;
      assert(pass, () =>
        didThrow ? `expected the function ${not}to throw${wanted}, it threw ${preview(thrown)}` : `expected the function to throw${wanted}`,
      );
    },
  };
}

/** Structural equality as in Jest's `toEqual`: properties whose value is `undefined` are ignored. */
export function deepEqual(a: unknown, b: unknown, seen = new Map<object, object>()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof RegExp || b instanceof RegExp) return a instanceof RegExp && b instanceof RegExp && String(a) === String(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i], seen));
  }
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !deepEqual(value, b.get(key), seen)) return false;
    return true;
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    for (const item of a) if (!b.has(item) && ![...b].some((other) => deepEqual(item, other, seen))) return false;
    return true;
  }
  const definedKeys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const aKeys = definedKeys(a);
  const bKeys = definedKeys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], seen));
}

/** Pretty JSON for diffs; Map/Set/undefined/bigint/circular shown readably instead of dropped. */
export function pretty(value: unknown): string {
  try {
    return prettyJson(value);
  } catch {
    return String(value); // e.g. a Map that contains itself
  }
}

function prettyJson(value: unknown): string {
  const ancestors: object[] = [];
  const json = JSON.stringify(
    value,
    function replacer(this: unknown, _key: string, current: unknown) {
      if (current === undefined) return '[undefined]';
      if (typeof current === 'bigint') return `${current}n`;
      if (typeof current === 'function') return `[Function ${current.name || 'anonymous'}]`;
      if (typeof current === 'symbol') return current.toString();
      if (typeof current === 'number' && !Number.isFinite(current)) return String(current);
      if (typeof current !== 'object' || current === null) return current;
      while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop();
      if (ancestors.includes(current)) return '[Circular]';
      ancestors.push(current);
      if (current instanceof Map) return { '[Map]': [...current.entries()] };
      if (current instanceof Set) return { '[Set]': [...current] };
      if (current instanceof Error) return { name: current.name, message: current.message };
      return current;
    },
    2,
  );
  return json ?? String(value);
}

function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return String(value);
  const text = pretty(value).replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
