/** Lines longer than this are not aligned (the table would be large); their columns pass through. */
const MAX_ALIGNED_LENGTH = 1000;

/**
 * Maps a 1-based column of a compiled line back to the learner's TypeScript line. Stripping types keeps
 * lines but not columns (`const n: number = f()` runs as `;(    n = f())`), so the two lines are
 * aligned by their longest common subsequence of characters: the code that survived the compile is the
 * same text in both. A column inside text the compile inserted maps to the next character that exists
 * in both lines.
 */
export function mapColumnToSource(compiledLine: string, sourceLine: string, column: number): number {
  const n = compiledLine.length;
  const m = sourceLine.length;
  if (n === 0 || m === 0 || n > MAX_ALIGNED_LENGTH || m > MAX_ALIGNED_LENGTH) return Math.min(Math.max(column, 1), m + 1);
  // lengths[i * (m + 1) + j]: LCS length of compiledLine[i..] and sourceLine[j..] (suffixes, so the walk
  // below goes forwards and prefers the earliest match).
  const width = m + 1;
  const lengths = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        compiledLine.charCodeAt(i) === sourceLine.charCodeAt(j)
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const target = column - 1;
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (compiledLine.charCodeAt(i) === sourceLine.charCodeAt(j) && lengths[i * width + j] === lengths[(i + 1) * width + j + 1]! + 1) {
      if (i >= target) return j + 1;
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      i += 1;
    } else {
      j += 1;
    }
  }
  return Math.min(Math.max(column, 1), m + 1);
}
