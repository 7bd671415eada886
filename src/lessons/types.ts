/**
 * The content contract between the build-time lesson compiler (`src/lessons/`),
 * the UI (`src/ui/`) and the tests. Everything here is plain, JSON-serialisable data:
 * the compiler emits it as one JS module per lesson.
 */

/** Front matter of `lessons/NN-slug.md`, validated at build time. */
export interface LessonMeta {
  /** File name without `.md`, e.g. `01-first-request`. Used in the URL hash. */
  slug: string;
  title: string;
  summary: string;
  /** Position in the course (front matter `order`). */
  order: number;
}

export interface ExerciseSpec {
  /** Short title shown above the starter cell. */
  title: string;
  /** TypeScript source of the checks (the `ts check` fence). Runs in the sandbox after the learner's cell. */
  checks: string;
  /** Hints in the order they are revealed; sanitized HTML. */
  hints: string[];
  /** TypeScript source of the reference solution (the `ts solution` fence). */
  solution: string;
}

export interface CellSpec {
  /** Stable id: `<slug>/<id attribute>` or `<slug>/cell-<n>` (n counts cells from 1). */
  id: string;
  /** Original TypeScript source. */
  code: string;
  /** Short hash of `code`; a saved edit of another hash means the lesson changed since. */
  codeHash: string;
  /** Build-time highlighted `<pre>` HTML of `code` shown before Monaco loads. */
  highlightedHtml: string;
  /** 1-based line of the opening fence in the markdown file. */
  line: number;
  /**
   * Set when the cell is meant to fail: the run must end with an error whose
   * `name`, `type` (API error type, e.g. `authentication_error`), or message contains this text.
   */
  expectError?: string;
  /** Per-run time limit in ms (default 30 000). */
  timeoutMs?: number;
  /**
   * The cell (or exercise, checks included) needs the emulator's own controls (`playground.emulator.inject`,
   * `.advanceTime`, `.reset`), which the real API does not have: live mode skips it with a visible note.
   * Fence keyword `emulator-only`.
   */
  emulatorOnly: boolean;
  /** Present when the cell is an exercise starter. */
  exercise?: ExerciseSpec;
}

export type LessonSection =
  | { kind: 'prose'; html: string }
  | { kind: 'cell'; cell: CellSpec };

/** A section heading of the lesson prose, for the in-lesson contents and `#/<slug>#<id>` deep links. */
export interface LessonHeading {
  /** The heading's `id` attribute in the compiled HTML (unique within the lesson). */
  id: string;
  /** Plain text of the heading (inline code kept as its text). */
  text: string;
  /** 2 for `##`, 3 for `###`, … */
  level: number;
}

export interface CompiledLesson {
  meta: LessonMeta;
  sections: LessonSection[];
  /** Headings of the prose in document order (hints excluded). */
  outline: LessonHeading[];
}
