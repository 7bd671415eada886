import { describe, expect, it } from 'vitest';
import { serializeValue } from '../../src/runner/serialize';

describe('serializeValue', () => {
  it('keeps primitives readable, including NaN, -0, bigint and symbols', () => {
    expect([NaN, -0, 1.5, 10n, Symbol('s'), undefined, null, true].map((v) => serializeValue(v))).toEqual([
      { kind: 'number', value: 'NaN' },
      { kind: 'number', value: '-0' },
      { kind: 'number', value: '1.5' },
      { kind: 'bigint', value: '10' },
      { kind: 'symbol', description: 's' },
      { kind: 'undefined' },
      { kind: 'null' },
      { kind: 'boolean', value: true },
    ]);
  });

  it('marks circular references instead of recursing', () => {
    const node: Record<string, unknown> = { name: 'root' };
    node.self = node;
    expect(serializeValue(node)).toEqual({
      kind: 'object',
      entries: [
        ['name', { kind: 'string', value: 'root' }],
        ['self', { kind: 'circular' }],
      ],
    });
  });

  it('shows the same object twice side by side (only ancestors are circular)', () => {
    const shared = { v: 1 };
    const result = serializeValue([shared, shared]);
    expect(result).toEqual({
      kind: 'array',
      length: 2,
      items: [
        { kind: 'object', entries: [['v', { kind: 'number', value: '1' }]] },
        { kind: 'object', entries: [['v', { kind: 'number', value: '1' }]] },
      ],
    });
  });

  it('serializes Map, Set, Date, RegExp and Error', () => {
    const value = [new Map([['k', 1]]), new Set(['a']), new Date(0), /x+/g, new RangeError('nope')];
    const result = serializeValue(value);
    if (result.kind !== 'array') throw new Error('expected an array');
    expect(result.items[0]).toEqual({ kind: 'map', entries: [[{ kind: 'string', value: 'k' }, { kind: 'number', value: '1' }]] });
    expect(result.items[1]).toEqual({ kind: 'set', items: [{ kind: 'string', value: 'a' }] });
    expect(result.items[2]).toEqual({ kind: 'date', iso: '1970-01-01T00:00:00.000Z' });
    expect(result.items[3]).toEqual({ kind: 'regexp', source: '/x+/g' });
    expect(result.items[4]).toMatchObject({ kind: 'error', name: 'RangeError', message: 'nope' });
  });

  it('names class instances', () => {
    class Message {
      role = 'user';
    }
    expect(serializeValue(new Message())).toEqual({ kind: 'object', className: 'Message', entries: [['role', { kind: 'string', value: 'user' }]] });
  });

  it('caps depth, entries and string length', () => {
    const deep = { a: { b: { c: { d: 1 } } } };
    const limits = { maxDepth: 2, maxEntries: 2, maxStringLength: 5 };
    expect(serializeValue(deep, limits)).toEqual({
      kind: 'object',
      entries: [['a', { kind: 'object', entries: [['b', { kind: 'truncated' }]] }]],
    });
    expect(serializeValue([1, 2, 3, 4], limits)).toEqual({
      kind: 'array',
      length: 4,
      items: [
        { kind: 'number', value: '1' },
        { kind: 'number', value: '2' },
      ],
    });
    expect(serializeValue({ a: 1, b: 2, c: 3 }, limits)).toMatchObject({ truncated: true });
    expect(serializeValue('abcdefgh', limits)).toEqual({ kind: 'string', value: 'abcde… (3 more characters)' });
  });

  it('survives getters that throw', () => {
    const tricky = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(serializeValue(tricky)).toMatchObject({ kind: 'object', entries: [['boom', { kind: 'error' }]] });
  });

  it('produces structured-clone-safe data', () => {
    const value = { fn() {}, when: new Date(1), nested: new Map([[{}, new Set([1])]]) };
    const serialized = serializeValue(value);
    expect(structuredClone(serialized)).toEqual(serialized);
  });
});
