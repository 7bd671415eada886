import { describe, expect, it } from 'vitest';
import { createIdGenerator } from '../../../src/mock/ids';

describe('createIdGenerator', () => {
  it('makes ids in the API formats', () => {
    const ids = createIdGenerator('seed');
    expect(ids.next('msg_')).toMatch(/^msg_01[0-9A-Za-z]{22}$/);
    expect(ids.next('toolu_')).toMatch(/^toolu_01[0-9A-Za-z]{22}$/);
    expect(ids.next('req_')).toMatch(/^req_01[0-9A-Za-z]{22}$/);
  });

  it('is deterministic per seed and never repeats within a sequence', () => {
    const a = createIdGenerator('seed');
    const b = createIdGenerator('seed');
    const seqA = Array.from({ length: 50 }, () => a.next('msg_'));
    expect(Array.from({ length: 50 }, () => b.next('msg_'))).toEqual(seqA);
    expect(new Set(seqA).size).toBe(50);
    expect(createIdGenerator('other').next('msg_')).not.toBe(seqA[0]);
  });
});
