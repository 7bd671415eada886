import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../src/ui/line-diff';

describe('lineDiff', () => {
  it('marks only the lines that differ', () => {
    const expected = '{\n  "role": "user",\n  "content": "Hi"\n}';
    const actual = '{\n  "role": "assistant",\n  "content": "Hi"\n}';
    expect(lineDiff(expected, actual)).toEqual([
      { kind: 'same', text: '{' },
      { kind: 'expected', text: '  "role": "user",' },
      { kind: 'actual', text: '  "role": "assistant",' },
      { kind: 'same', text: '  "content": "Hi"' },
      { kind: 'same', text: '}' },
    ]);
  });

  it('handles added and removed lines at the ends', () => {
    expect(lineDiff('a\nb', 'a\nb\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'same', text: 'b' },
      { kind: 'actual', text: 'c' },
    ]);
    expect(lineDiff('x\na', 'a')).toEqual([
      { kind: 'expected', text: 'x' },
      { kind: 'same', text: 'a' },
    ]);
  });
});
