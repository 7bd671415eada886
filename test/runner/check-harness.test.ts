import { describe, expect as vitestExpect, it } from 'vitest';
import { CheckHarness } from '../../src/runner/check-harness';
import { expect } from '../../src/runner/expect';

describe('CheckHarness', () => {
  it('runs checks in order, async ones too, with the failure message and diff', async () => {
    const harness = new CheckHarness();
    harness.check('passes', () => expect(1 + 1).toBe(2));
    harness.check('fails with a diff', async () => {
      await Promise.resolve();
      expect({ n: 1 }).toEqual({ n: 2 });
    });
    harness.check('throws', () => {
      throw new TypeError('oops');
    });
    const results = await harness.run(1000);
    vitestExpect(results).toEqual([
      { name: 'passes', passed: true },
      { name: 'fails with a diff', passed: false, message: 'expected { "n": 1 } to equal { "n": 2 }', diff: { actual: '{\n  "n": 1\n}', expected: '{\n  "n": 2\n}' } },
      { name: 'throws', passed: false, message: 'TypeError: oops' },
    ]);
  });

  it('fails a check that never settles after its time limit', async () => {
    const harness = new CheckHarness();
    harness.check('hangs', () => new Promise(() => {}));
    const [result] = await harness.run(20);
    vitestExpect(result).toMatchObject({ name: 'hangs', passed: false, message: 'Error: check did not finish within 20 ms' });
  });

  it('lists every check as failed when the learner code threw', () => {
    const harness = new CheckHarness();
    harness.check('a', () => {});
    harness.check('b', () => {});
    const results = harness.failAll({ name: 'ReferenceError', message: 'client is not defined' });
    vitestExpect(results.map((r) => [r.name, r.passed])).toEqual([
      ['a', false],
      ['b', false],
    ]);
    vitestExpect(results[0]?.message).toContain('ReferenceError: client is not defined');
  });
});
