/**
 * The learner's data: edited cells, passed exercises, theme. (The live API key is kept by
 * src/live/key-store.ts.)
 * Pure logic over injected Storage objects so it runs in node tests with an in-memory Storage.
 *
 * Layout (every key under `claude-playground/v1/`):
 * - `edit/<cellId>`    → { code, codeHash, savedAt, stashedCode? }   one key per cell, so a bad
 *                        record never takes the others down with it
 * - `progress/<slug>`  → { passed: exerciseCellId[], exercises?: exerciseCellId[] } (`exercises`: the
 *                        lesson's exercises when last opened, so the contents can show ✓ without
 *                        loading every lesson)
 * - `preferences`      → { theme? }   no theme: follow the system (see theme-choice.ts)
 */
import * as z from 'zod/mini';
import {
  BACKUP_PREFIX,
  KEY_PREFIX,
  VERSIONED_PREFIX,
  readRecord,
  removeRecord,
  setAside,
  storageKeys,
  writeRecord,
  type RecordAccess,
  type StorageProblem,
} from './storage-record';
import type { ThemeChoice } from './theme-choice';

export type { StorageProblem } from './storage-record';

export type ThemePreference = 'light' | 'dark';

export interface SavedEdit {
  code: string;
  /** `codeHash` of the cell's original code when the edit was made. */
  codeHash: string;
  savedAt: number;
  /** The learner's own code, kept while the solution is shown in the editor. */
  stashedCode?: string;
}

/** What the editor should start with for a cell. */
export type CellStartState =
  | { kind: 'original' }
  | { kind: 'edited'; edit: SavedEdit }
  /** Edited against an older version of the lesson: show the edit and offer the new code. */
  | { kind: 'stale'; edit: SavedEdit };

export interface CellIdentity {
  id: string;
  codeHash: string;
}

export interface PlaygroundStoreOptions {
  /** Long-lived storage (localStorage); `undefined` when the browser refuses it. */
  local: Storage | undefined;
  /** Per-tab storage (sessionStorage). */
  session?: Storage | undefined;
  now?: () => number;
}

const EDIT_PREFIX = `${VERSIONED_PREFIX}edit/`;
const PROGRESS_PREFIX = `${VERSIONED_PREFIX}progress/`;
const PREFERENCES_KEY = `${VERSIONED_PREFIX}preferences`;

export class PlaygroundStore {
  private readonly local: RecordAccess;
  private readonly session: RecordAccess;
  private readonly now: () => number;
  private readonly problemListeners = new Set<(problem: StorageProblem) => void>();
  /** Problems found so far, oldest first (also those found before anyone listened). */
  readonly problems: StorageProblem[] = [];

  constructor(options: PlaygroundStoreOptions) {
    const report = (problem: StorageProblem) => {
      this.problems.push(problem);
      for (const listener of this.problemListeners) listener(problem);
    };
    this.local = { storage: options.local, report };
    this.session = { storage: options.session, report };
    this.now = options.now ?? Date.now;
  }

  onProblem(listener: (problem: StorageProblem) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  /**
   * Sets aside every key of ours that this version cannot read: other versions, or records
   * of the current version with a broken shape. Call once at start-up.
   */
  audit(): void {
    for (const key of storageKeys(this.local.storage)) {
      if (!key.startsWith(KEY_PREFIX) || key.startsWith(BACKUP_PREFIX)) continue;
      if (key.startsWith(EDIT_PREFIX)) readRecord(this.local, key, checkSavedEdit);
      else if (key.startsWith(PROGRESS_PREFIX)) readRecord(this.local, key, checkProgress);
      else if (key === PREFERENCES_KEY) readRecord(this.local, key, checkPreferences);
      else {
        const raw = this.local.storage?.getItem(key);
        if (raw != null) setAside(this.local, key, raw, 'it belongs to another version of the playground');
      }
    }
  }

  // ── Edits ────────────────────────────────────────────────────────────────

  loadEdit(cellId: string): SavedEdit | undefined {
    return readRecord(this.local, EDIT_PREFIX + cellId, checkSavedEdit);
  }

  saveEdit(cellId: string, code: string, codeHash: string): void {
    const previous = this.loadEdit(cellId);
    const edit: SavedEdit = { code, codeHash, savedAt: this.now() };
    if (previous?.stashedCode !== undefined) edit.stashedCode = previous.stashedCode;
    writeRecord(this.local, EDIT_PREFIX + cellId, edit);
  }

  /** Forgets the edit: the cell shows its original code again. */
  discardEdit(cellId: string): void {
    removeRecord(this.local, EDIT_PREFIX + cellId);
  }

  startState(cell: CellIdentity): CellStartState {
    const edit = this.loadEdit(cell.id);
    if (!edit) return { kind: 'original' };
    return edit.codeHash === cell.codeHash ? { kind: 'edited', edit } : { kind: 'stale', edit };
  }

  /** "Keep mine" after a lesson update: the edit now counts as made against the current code. */
  keepEdit(cell: CellIdentity): void {
    const edit = this.loadEdit(cell.id);
    if (edit) writeRecord(this.local, EDIT_PREFIX + cell.id, { ...edit, codeHash: cell.codeHash });
  }

  /** Keeps the learner's code aside while the solution is in the editor. */
  stashCode(cell: CellIdentity, learnerCode: string, shownCode: string): void {
    writeRecord(this.local, EDIT_PREFIX + cell.id, {
      code: shownCode,
      codeHash: cell.codeHash,
      savedAt: this.now(),
      stashedCode: learnerCode,
    } satisfies SavedEdit);
  }

  /** Returns the stashed code (if any) and makes it the cell's edit again. */
  restoreStash(cell: CellIdentity): string | undefined {
    const edit = this.loadEdit(cell.id);
    if (edit?.stashedCode === undefined) return undefined;
    writeRecord(this.local, EDIT_PREFIX + cell.id, {
      code: edit.stashedCode,
      codeHash: cell.codeHash,
      savedAt: this.now(),
    } satisfies SavedEdit);
    return edit.stashedCode;
  }

  // ── Progress ─────────────────────────────────────────────────────────────

  passedExercises(slug: string): Set<string> {
    return new Set(this.progress(slug)?.passed ?? []);
  }

  markPassed(slug: string, exerciseId: string): void {
    const progress = this.progress(slug) ?? { passed: [] };
    if (progress.passed.includes(exerciseId)) return;
    writeRecord(this.local, PROGRESS_PREFIX + slug, { ...progress, passed: [...progress.passed, exerciseId].sort() });
  }

  /** Remembers which exercises the lesson has (called when it is opened). */
  recordLessonExercises(slug: string, exerciseIds: readonly string[]): void {
    const progress = this.progress(slug) ?? { passed: [] };
    const exercises = [...exerciseIds].sort();
    if (JSON.stringify(progress.exercises) === JSON.stringify(exercises)) return;
    writeRecord(this.local, PROGRESS_PREFIX + slug, { ...progress, exercises });
  }

  /**
   * A lesson is complete when it has exercises and every one of them passed. Without
   * `exerciseIds`, uses the list recorded when the lesson was last opened.
   */
  isLessonComplete(slug: string, exerciseIds?: readonly string[]): boolean {
    const progress = this.progress(slug);
    const exercises = exerciseIds ?? progress?.exercises ?? [];
    if (exercises.length === 0) return false;
    const passed = new Set(progress?.passed ?? []);
    return exercises.every((id) => passed.has(id));
  }

  private progress(slug: string): LessonProgress | undefined {
    return readRecord(this.local, PROGRESS_PREFIX + slug, checkProgress);
  }

  // ── Preferences ──────────────────────────────────────────────────────────

  theme(): ThemePreference | undefined {
    return readRecord(this.local, PREFERENCES_KEY, checkPreferences)?.theme;
  }

  /** The learner's theme choice; "system" when none is stored or the stored one is unreadable. */
  themeChoice(): ThemeChoice {
    return this.theme() ?? 'system';
  }

  setThemeChoice(choice: ThemeChoice): void {
    this.setTheme(choice === 'system' ? undefined : choice);
  }

  setTheme(theme: ThemePreference | undefined): void {
    const preferences = readRecord(this.local, PREFERENCES_KEY, checkPreferences) ?? {};
    writeRecord(this.local, PREFERENCES_KEY, { ...preferences, theme });
  }

  // ── Clearing ─────────────────────────────────────────────────────────────

  /** Removes the edits and progress of one lesson. */
  clearLesson(slug: string): void {
    for (const key of storageKeys(this.local.storage)) {
      if (key.startsWith(`${EDIT_PREFIX}${slug}/`) || key === PROGRESS_PREFIX + slug) removeRecord(this.local, key);
    }
  }

  /** Removes everything the playground stored, backups included, in both storage areas. */
  clearAll(): void {
    for (const access of [this.local, this.session]) {
      for (const key of storageKeys(access.storage)) {
        if (key.startsWith(KEY_PREFIX)) removeRecord(access, key);
      }
    }
  }
}

// ── Shapes ───────────────────────────────────────────────────────────────────

const checkSavedEdit = z.object(
  {
    code: z.string({ error: 'its code is not text' }),
    codeHash: z.string({ error: 'its codeHash is not text' }),
    savedAt: z.number({ error: 'its savedAt is not a number' }),
    stashedCode: z.optional(z.string({ error: 'its stashedCode is not text' })),
  },
  { error: 'it is not an object' },
) satisfies z.ZodMiniType<SavedEdit>;

const idList = (error: string) => z.array(z.string({ error }), { error });

const checkProgress = z.object({
  passed: idList('it has no list of passed exercises'),
  exercises: z.optional(idList('its exercise list is not a list of ids')),
});

type LessonProgress = z.infer<typeof checkProgress>;

const checkPreferences = z.object(
  { theme: z.optional(z.enum(['light', 'dark'], { error: 'its theme is neither light nor dark' })) },
  { error: 'it is not an object' },
);
