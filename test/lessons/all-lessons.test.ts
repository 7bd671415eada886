import { describe, expect, it } from 'vitest';
import { compileLesson } from '../../src/lessons/compile-lesson';
import type { CellSpec, CompiledLesson } from '../../src/lessons/types';
import { readLessonFiles } from './course-files';

const lessonFiles = readLessonFiles();
// Highlighting makes a compile take up to a few seconds on a busy machine: compile each file once.
const compiled = new Map<string, CompiledLesson>();
const compile = (file: string, source: string) => {
  let lesson = compiled.get(file);
  if (!lesson) compiled.set(file, (lesson = compileLesson(source, file)));
  return lesson;
};
const SLOW = { timeout: 60_000 };

describe('every lesson in lessons/', () => {
  it('exists', () => {
    expect(lessonFiles.length).toBeGreaterThan(0);
  });

  // A compile error fails this test with the compiler's `lessons/NN-slug.md:LINE: message`.
  describe.each(lessonFiles)('$file', ({ file, source }) => {
    it('compiles, with at least two exercises that each have checks and a solution', SLOW, () => {
      const lesson = compile(file, source);
      const cells: CellSpec[] = lesson.sections.flatMap((section) => (section.kind === 'cell' ? [section.cell] : []));
      const exercises = cells.filter((cell) => cell.exercise);
      expect(exercises.length, `${file}: a lesson needs at least 2 exercises`).toBeGreaterThanOrEqual(2);
      for (const cell of exercises) {
        const where = `${file}:${cell.line} (${cell.id})`;
        expect(cell.exercise!.checks.trim(), `${where}: empty checks`).not.toBe('');
        expect(cell.exercise!.checks, `${where}: checks must call check(…)`).toMatch(/\bcheck\(/);
        expect(cell.exercise!.solution.trim(), `${where}: empty solution`).not.toBe('');
        expect(cell.exercise!.solution, `${where}: the solution is the starter`).not.toBe(cell.code);
      }
      expect(lesson.sections.some((section) => section.kind === 'prose'), `${file}: no prose`).toBe(true);
    });
  });

  // The real API has no fault injection and no clock control: a cell that uses them must say so (live mode skips
  // it), unless it checks `playground.mode` itself.
  it('mark every cell that needs the emulator\'s controls as emulator-only', SLOW, () => {
    const unmarked: string[] = [];
    for (const { file, source } of lessonFiles) {
      for (const section of compile(file, source).sections) {
        if (section.kind !== 'cell' || section.cell.emulatorOnly) continue;
        const { cell } = section;
        const code = [cell.code, cell.exercise?.checks ?? '', cell.exercise?.solution ?? ''].join('\n');
        if (/playground\.emulator\.(?:inject|advanceTime|reset)\b/.test(code) && !code.includes('playground.mode')) {
          unmarked.push(`${file}:${cell.line} (${cell.id})`);
        }
      }
    }
    expect(unmarked, `add \`emulator-only\` to these fences: ${unmarked.join(', ')}`).toEqual([]);
  });

  it('have distinct orders', SLOW, () => {
    const byOrder = new Map<number, string>();
    for (const { file, source } of lessonFiles) {
      const { order } = compile(file, source).meta;
      expect(byOrder.get(order), `${file}: order ${order} is also used by ${byOrder.get(order)}`).toBeUndefined();
      byOrder.set(order, file);
    }
  });
});
