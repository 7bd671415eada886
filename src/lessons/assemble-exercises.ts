import type { Token } from 'markdown-it';
import { LessonError } from './lesson-error';
import type { RawSection } from './parse-fences';

/** A runnable cell with its exercise parts attached, before highlighting and rendering. */
export interface AssembledCell {
  /** Full id, `<slug>/<id>` or `<slug>/cell-<n>`. */
  id: string;
  code: string;
  line: number;
  expectError?: string;
  timeoutMs?: number;
  /** Needs emulator-only controls (faults, the clock): skipped in live mode. */
  emulatorOnly: boolean;
  exercise?: {
    title: string;
    checks: string;
    /** 1-based line of the `ts check` fence. */
    checksLine: number;
    /** Markdown source of each hint, in order. */
    hints: string[];
    solution: string;
    /** 1-based line of the `ts solution` fence. */
    solutionLine: number;
  };
}

export type AssembledSection = { kind: 'prose'; tokens: Token[] } | { kind: 'cell'; cell: AssembledCell };

interface OpenExercise {
  cell: AssembledCell;
  title: string;
  checks?: { code: string; line: number };
  solution?: { code: string; line: number };
  hints: string[];
}

/**
 * Numbers the cells, checks id uniqueness, and attaches each `check`, `hint` and `solution` fence to
 * the exercise before it. Prose may sit between an exercise and its parts; another cell may not.
 */
export function assembleExercises(sections: RawSection[], slug: string, file: string): AssembledSection[] {
  const output: AssembledSection[] = [];
  const idLines = new Map<string, number>();
  let cellCount = 0;
  let open: OpenExercise | undefined;

  const closeExercise = () => {
    if (!open) return;
    const name = `exercise \`${open.cell.id}\``;
    if (!open.checks) throw new LessonError(file, open.cell.line, `${name} has no \`\`\`ts check fence after it`);
    if (!open.solution) throw new LessonError(file, open.cell.line, `${name} has no \`\`\`ts solution fence after it`);
    open.cell.exercise = {
      title: open.title,
      checks: open.checks.code,
      checksLine: open.checks.line,
      hints: open.hints,
      solution: open.solution.code,
      solutionLine: open.solution.line,
    };
    open = undefined;
  };

  const addCell = (localId: string | undefined, code: string, line: number, emulatorOnly: boolean): AssembledCell => {
    cellCount++;
    const id = `${slug}/${localId ?? `cell-${cellCount}`}`;
    const firstLine = idLines.get(id);
    if (firstLine !== undefined) throw new LessonError(file, line, `duplicate cell id \`${id}\` (first used on line ${firstLine})`);
    idLines.set(id, line);
    const cell: AssembledCell = { id, code, line, emulatorOnly };
    output.push({ kind: 'cell', cell });
    return cell;
  };

  for (const section of sections) {
    if (section.kind === 'prose') {
      output.push(section);
      continue;
    }
    const { role, content, line } = section;
    switch (role.kind) {
      case 'cell': {
        closeExercise();
        if (content.trim() === '') throw new LessonError(file, line, 'empty cell');
        const cell = addCell(role.id, content, line, role.emulatorOnly);
        if (role.expectError !== undefined) cell.expectError = role.expectError;
        if (role.timeoutMs !== undefined) cell.timeoutMs = role.timeoutMs;
        break;
      }
      case 'exercise': {
        closeExercise();
        const cell = addCell(role.id, content, line, role.emulatorOnly);
        if (role.timeoutMs !== undefined) cell.timeoutMs = role.timeoutMs;
        open = { cell, title: role.title, hints: [] };
        break;
      }
      case 'check':
      case 'solution': {
        const fence = role.kind === 'check' ? '```ts check' : '```ts solution';
        if (!open) throw new LessonError(file, line, `${fence} must follow a \`\`\`ts exercise cell`);
        if (content.trim() === '') throw new LessonError(file, line, `empty ${fence} fence`);
        const key = role.kind === 'check' ? 'checks' : 'solution';
        const previous = open[key];
        if (previous) throw new LessonError(file, line, `exercise \`${open.cell.id}\` already has a ${fence} fence (line ${previous.line})`);
        open[key] = { code: content, line };
        break;
      }
      case 'hint': {
        if (!open) throw new LessonError(file, line, '```md hint must follow a ```ts exercise cell');
        if (content.trim() === '') throw new LessonError(file, line, 'empty ```md hint fence');
        open.hints.push(content);
        break;
      }
    }
  }
  closeExercise();
  return output;
}
