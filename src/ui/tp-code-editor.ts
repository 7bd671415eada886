import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { CellEditor } from '../editor/cell-editor';

/**
 * The Monaco editor of one cell. Renders into light DOM (no shadow root of its own) because
 * Monaco's DOM and CSS assume a document-like scope; `src/editor/monaco-styles.ts` makes the
 * CSS reach the enclosing shadow root. Monaco itself is imported on connect, lazily.
 *
 * @fires editor-ready - the editor is created and shows `code`
 * @fires code-changed - the learner edited the text; detail `{ code: string }`
 * @fires editor-failed - Monaco could not load; detail `{ message: string }`
 */
export class TpCodeEditor extends LitElement {
  @property({ type: String, attribute: 'cell-id' }) cellId: string = '';
  /** Initial text (later changes go through `replaceValue`, so they stay undoable). */
  @property({ attribute: false }) code: string = '';
  /** Accessible name of the editor. */
  @property({ type: String }) label: string = 'Code';
  private editor: CellEditor | undefined;
  private loadOnUpdate = false;
  /** Monaco is imported lazily and the editor created once the host div is rendered. */
  private readonly editorLoad = new Task(this, {
    autoRun: false,
    task: async ([host]: readonly [HTMLElement]) => {
      const { createCellEditor } = await import('../editor/cell-editor');
      return createCellEditor(host, {
        cellId: this.cellId,
        code: this.code,
        ariaLabel: this.label,
        onChange: (code) => this.dispatchEvent(new CustomEvent('code-changed', { detail: { code } })),
      });
    },
    onComplete: (editor) => {
      if (!this.isConnected) {
        editor.dispose();
        return;
      }
      this.editor = editor;
      this.dispatchEvent(new CustomEvent('editor-ready'));
    },
    onError: (error) => {
      const message = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(new CustomEvent('editor-failed', { detail: { message } }));
    },
  });

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    return html`<div class="tp-editor-host" style="min-height: 4.5rem; width: 100%;"></div>`;
  }

  override updated() {
    // Once per connection (a failed load is not retried in a loop; reconnecting tries again).
    if (!this.loadOnUpdate || this.editor || this.editorLoad.status === TaskStatus.PENDING) return;
    const host = this.querySelector<HTMLElement>('.tp-editor-host');
    if (!host) return;
    this.loadOnUpdate = false;
    void this.editorLoad.run([host]);
  }

  override connectedCallback() {
    super.connectedCallback();
    this.loadOnUpdate = true;
    // Re-attached after a disconnect disposed the editor: create it again.
    if (this.hasUpdated && !this.editor) this.requestUpdate();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.editor?.dispose();
    this.editor = undefined;
  }

  /** The editor's text (or the initial code while it loads). */
  get value(): string {
    return this.editor?.value() ?? this.code;
  }

  get ready(): boolean {
    return this.editor !== undefined;
  }

  /** Replaces the text as one undoable edit. */
  replaceValue(code: string): void {
    if (this.editor) this.editor.replaceValue(code);
    else this.code = code;
  }

  override focus(): void {
    this.editor?.focus();
  }
}

customElements.define('tp-code-editor', TpCodeEditor);

declare global {
  interface HTMLElementTagNameMap {
    'tp-code-editor': TpCodeEditor;
  }
}
