import { describe, expect, it } from 'vitest';
import { readLessonCode } from '../../src/lessons/lesson-code';
import type { CheckResult } from '../../src/runner/protocol';
import { readLessonFiles } from './course-files';
import { LessonNotebook, matchesExpectedError, type CellOutcome } from './lesson-notebook';

/**
 * Runs every lesson top to bottom against the emulator, as a learner would: each cell must run
 * (or fail as its `expect-error` says), each exercise's starter must fail at least one check, and
 * its solution must pass them all. The solution stays in scope for the cells after it.
 */

function describeOutcome(outcome: CellOutcome): string {
  const parts: string[] = [];
  if (outcome.error) parts.push(`error: ${outcome.error.name}: ${outcome.error.message}${outcome.error.line ? ` (cell line ${outcome.error.line})` : ''}`);
  for (const check of outcome.checks ?? []) parts.push(`${check.passed ? 'pass' : 'FAIL'} ${check.name}${check.message ? `: ${check.message}` : ''}`);
  if (outcome.logs.length) parts.push(`output:\n  ${outcome.logs.slice(-8).join('\n  ').slice(0, 2000)}`);
  return parts.join('\n');
}

const failed = (checks: CheckResult[] | undefined) => (checks ?? []).filter((check) => !check.passed);

describe.each(readLessonFiles())('$file runs against the emulator', ({ file, source }) => {
  it('runs every cell; starters fail their checks and solutions pass them', { timeout: 180_000 }, async () => {
    const problems: string[] = [];
    const notebook = new LessonNotebook();
    try {
      for (const cell of readLessonCode(source, file)) {
        const where = `${file}:${cell.line} (${cell.id})`;
        const timeoutMs = cell.timeoutMs ?? 30_000;
        if (!cell.exercise) {
          const outcome = await notebook.run(cell.code, { timeoutMs });
          if (cell.expectError !== undefined) {
            if (!outcome.error) problems.push(`${where}: expected an error containing "${cell.expectError}", but the cell succeeded\n${describeOutcome(outcome)}`);
            else if (!matchesExpectedError(outcome.error, cell.expectError)) {
              problems.push(`${where}: expected an error containing "${cell.expectError}"\n${describeOutcome(outcome)}`);
            }
          } else if (outcome.error) {
            problems.push(`${where}: the cell failed\n${describeOutcome(outcome)}`);
          }
          continue;
        }
        const { checks, solution } = cell.exercise;
        const starter = await notebook.run(cell.code, { checks, timeoutMs });
        if (!starter.checks?.length) problems.push(`${where}: the checks registered no check()\n${describeOutcome(starter)}`);
        else if (failed(starter.checks).length === 0) problems.push(`${where}: the starter passes every check (it must fail at least one)`);
        const solved = await notebook.run(solution, { checks, timeoutMs });
        if (solved.error || failed(solved.checks).length > 0 || !solved.checks?.length) {
          problems.push(`${file}:${cell.exercise.solutionLine} (${cell.id} solution): the solution does not pass its checks\n${describeOutcome(solved)}`);
        }
      }
    } finally {
      notebook.close();
    }
    expect(problems, problems.join('\n\n')).toEqual([]);
  });
});
