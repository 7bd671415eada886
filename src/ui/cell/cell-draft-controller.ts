import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CellSpec } from '../../lessons/types';
import type { PlaygroundServices } from '../playground-services';

/** Where the draft's text is shown and edited (the editor, or the preview until Monaco is there). */
export interface CodeSurface {
  /** The text the learner sees now. */
  currentCode(): string;
  /** Shows `code` (as an undoable edit once the editor exists). */
  showCode(code: string): void;
}

/**
 * The learner's draft of one cell and its persistence: the saved edit (or the lesson's code) on load,
 * debounced saves while typing, Reset cell / Undo reset, the "lesson updated" choice for an edit made
 * against older lesson code, and the learner's code stashed while the solution is shown.
 */
export class CellDraftController implements ReactiveController {
  /** The text of the cell as last shown or typed. */
  code = '';
  /** The saved edit was made against older lesson code (hash differs). */
  staleEdit = false;
  /** The learner's code while the solution is in the editor. */
  stashedCode: string | undefined;
  /** Text before the last "Reset cell" / "Use the new code", for Undo. */
  undoText: string | undefined;
  /** Hash saved with edits: the old one while a stale edit is unresolved. */
  private saveHash = '';
  private loadedFor: { cell: CellSpec; dataRevision: number } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly services: () => PlaygroundServices | undefined,
    private readonly surface: CodeSurface,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.services()?.saver.flush();
  }

  /**
   * Puts the saved edit (or the lesson's code) in the cell when the cell is new or the stored data
   * changed (cleared); says whether it loaded, and whether that replaced what this cell showed before.
   */
  load(cell: CellSpec): 'unchanged' | 'loaded' | 'reloaded' {
    const services = this.services();
    if (!services || (this.loadedFor?.cell === cell && this.loadedFor.dataRevision === services.dataRevision)) return 'unchanged';
    const isReload = this.loadedFor?.cell === cell;
    this.loadedFor = { cell, dataRevision: services.dataRevision };
    const state = services.store.startState(cell);
    this.staleEdit = state.kind === 'stale';
    this.saveHash = state.kind === 'stale' ? state.edit.codeHash : cell.codeHash;
    this.stashedCode = state.kind === 'original' ? undefined : state.edit.stashedCode;
    if (isReload) this.undoText = undefined;
    this.show(state.kind === 'original' ? cell.code : state.edit.code);
    return isReload ? 'reloaded' : 'loaded';
  }

  /** The learner typed: save (debounced), or forget the edit when the text is the lesson's again. */
  edited(cell: CellSpec, code: string): void {
    this.code = code;
    const services = this.services();
    if (services) {
      if (code === cell.code && this.stashedCode === undefined) {
        services.saver.cancel(cell.id);
        services.store.discardEdit(cell.id);
      } else {
        services.saver.schedule(cell.id, code, this.saveHash);
      }
    }
    this.host.requestUpdate();
  }

  /** Saves a pending edit now (before a run, when the page hides). */
  flush(): void {
    this.services()?.saver.flush();
  }

  /** "Reset cell" (and "Use the new code"): the lesson's code back; Undo can bring the edit back. */
  reset(cell: CellSpec): void {
    this.undoText = this.surface.currentCode();
    this.services()?.saver.cancel(cell.id);
    this.services()?.store.discardEdit(cell.id);
    this.stashedCode = undefined;
    this.staleEdit = false;
    this.saveHash = cell.codeHash;
    this.show(cell.code);
  }

  undoReset(cell: CellSpec): void {
    const text = this.undoText;
    if (text === undefined) return;
    this.undoText = undefined;
    this.show(text);
    this.services()?.store.saveEdit(cell.id, text, cell.codeHash);
  }

  /** "Keep mine": the edit now counts as made against the current lesson code. */
  keepMine(cell: CellSpec): void {
    this.flush();
    this.services()?.store.keepEdit(cell);
    this.saveHash = cell.codeHash;
    this.staleEdit = false;
    this.host.requestUpdate();
  }

  /** Shows the solution, keeping the learner's code for "Restore my code". */
  stashFor(cell: CellSpec, solution: string): void {
    const mine = this.surface.currentCode();
    this.services()?.saver.cancel(cell.id);
    this.services()?.store.stashCode(cell, mine, solution);
    this.stashedCode = mine;
    this.saveHash = cell.codeHash;
    this.staleEdit = false;
    this.show(solution);
  }

  restoreStash(cell: CellSpec): void {
    this.services()?.saver.cancel(cell.id);
    const restored = this.services()?.store.restoreStash(cell) ?? this.stashedCode;
    this.stashedCode = undefined;
    if (restored !== undefined) this.show(restored);
    else this.host.requestUpdate();
  }

  private show(code: string): void {
    this.code = code;
    this.surface.showCode(code);
    this.host.requestUpdate();
  }
}
