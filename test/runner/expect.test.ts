import { describe, expect as vitestExpect, it } from 'vitest';
import { ExpectationError, expect } from '../../src/runner/expect';

/** The ExpectationError `fn` throws (fails the test when it does not throw one). */
function failure(fn: () => void): ExpectationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ExpectationError) return error;
    throw error;
  }
  throw new Error('expected an ExpectationError');
}

describe('expect (exercise checks)', () => {
  it('toBe compares with Object.is and gives a pretty diff', () => {
    expect(NaN).toBe(NaN);
    const error = failure(() => expect({ a: 1 }).toBe({ a: 1 }));
    vitestExpect(error.message).toContain('use toEqual');
    vitestExpect(error.diff).toEqual({ actual: '{\n  "a": 1\n}', expected: '{\n  "a": 1\n}' });
  });

  it('toEqual compares structure, ignores undefined properties, and diffs on failure', () => {
    expect({ a: [1, { b: 2 }], c: undefined }).toEqual({ a: [1, { b: 2 }] });
    expect(new Map([[1, { x: 1 }]])).toEqual(new Map([[1, { x: 1 }]]));
    const error = failure(() => expect({ role: 'user', content: 'hi' }).toEqual({ role: 'assistant', content: 'hi' }));
    vitestExpect(error.diff).toEqual({
      actual: '{\n  "role": "user",\n  "content": "hi"\n}',
      expected: '{\n  "role": "assistant",\n  "content": "hi"\n}',
    });
  });

  it('.not inverts every matcher and carries no diff', () => {
    expect(1).not.toBe(2);
    expect([1, 2]).not.toContain(3);
    const error = failure(() => expect({ a: 1 }).not.toEqual({ a: 1 }));
    vitestExpect(error.message).toContain('not to equal');
    vitestExpect(error.diff).toBeUndefined();
  });

  it('truthiness, containment, patterns, comparisons, length', () => {
    expect('x').toBeTruthy();
    expect(0).toBeFalsy();
    expect('hello world').toContain('world');
    expect(new Set(['a'])).toContain('a');
    expect('msg_01ABC').toMatch(/^msg_/);
    expect('end_turn').toMatch('end');
    expect(3).toBeGreaterThan(2);
    expect(3).toBeGreaterThanOrEqual(3);
    expect(1).toBeLessThan(2);
    expect(2).toBeLessThanOrEqual(2);
    expect([1, 2, 3]).toHaveLength(3);
    vitestExpect(failure(() => expect(1).toBeGreaterThan(2)).message).toBe('expected 1 to be greater than 2');
    vitestExpect(failure(() => expect('abc').toHaveLength(2)).message).toBe('expected length 3 to be 2');
    vitestExpect(() => expect('3').toBeGreaterThan(2)).toThrow(/needs a number|expected a number/);
  });

  it('toHaveProperty follows paths and compares values', () => {
    const message = { usage: { input_tokens: 12 }, content: [{ type: 'text' }] };
    expect(message).toHaveProperty('usage.input_tokens');
    expect(message).toHaveProperty(['content', 0, 'type'], 'text');
    expect(message).not.toHaveProperty('usage.output_tokens');
    const error = failure(() => expect(message).toHaveProperty('usage.input_tokens', 13));
    vitestExpect(error.diff).toEqual({ actual: '12', expected: '13' });
  });

  it('toBeInstanceOf and toThrow', () => {
    expect(new TypeError('x')).toBeInstanceOf(Error);
    expect(() => {
      throw new TypeError('bad input');
    }).toThrow('bad input');
    expect(() => {
      throw new TypeError('bad input');
    }).toThrow(TypeError);
    expect(() => undefined).not.toThrow();
    vitestExpect(failure(() => expect(() => 1).toThrow()).message).toBe('expected the function to throw');
  });
});
