/**
 * A line diff of expected vs actual text, for check results, on the `diff` package's
 * `diffArrays` (Myers' algorithm). Lines are compared whole, without the trailing-newline
 * rules of `diffLines`, so a value's last line matches whether or not it ends the text.
 */
import { diffArrays } from 'diff';

export type DiffLine = { kind: 'same' | 'expected' | 'actual'; text: string };

/** Past this many lines on either side the diff is not worth the time: all removed, all added. */
const MAX_LINES = 2_000;

export function lineDiff(expected: string, actual: string): DiffLine[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    return [...a.map((text) => ({ kind: 'expected' as const, text })), ...b.map((text) => ({ kind: 'actual' as const, text }))];
  }
  return diffArrays(a, b).flatMap((change) => {
    const kind = change.removed ? 'expected' : change.added ? 'actual' : 'same';
    return change.value.map((text) => ({ kind, text }));
  });
}
