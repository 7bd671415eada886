import { LitElement, html } from 'lit';
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
  static override properties = {
    cellId: { type: String, attribute: 'cell-id' },
    code: { attribute: false },
    label: { type: String },
  };

  declare cellId: string;
  /** Initial text (later changes go through `replaceValue`, so they stay undoable). */
  declare code: string;
  /** Accessible name of the editor. */
  declare label: string;
  private editor: CellEditor | undefined;
  private creating = false;

  constructor() {
    super();
    this.cellId = '';
    this.code = '';
    this.label = 'Code';
  }

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    return html`<div class="tp-editor-host" style="min-height: 4.5rem; width: 100%;"></div>`;
  }

  override updated() {
    if (this.editor || this.creating || !this.isConnected) return;
    this.creating = true;
    const host = this.querySelector<HTMLElement>('.tp-editor-host');
    if (!host) return;
    import('../editor/cell-editor')
      .then(({ createCellEditor }) =>
        createCellEditor(host, {
          cellId: this.cellId,
          code: this.code,
          ariaLabel: this.label,
          onChange: (code) => this.dispatchEvent(new CustomEvent('code-changed', { detail: { code } })),
        }),
      )
      .then((editor) => {
        if (!this.isConnected) {
          editor.dispose();
          return;
        }
        this.editor = editor;
        this.dispatchEvent(new CustomEvent('editor-ready'));
      })
      .catch((error: unknown) => {
        this.creating = false;
        const message = error instanceof Error ? error.message : String(error);
        this.dispatchEvent(new CustomEvent('editor-failed', { detail: { message } }));
      });
  }

  override connectedCallback() {
    super.connectedCallback();
    // Re-attached after a disconnect disposed the editor: create it again.
    if (this.hasUpdated && !this.editor) this.requestUpdate();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.editor?.dispose();
    this.editor = undefined;
    this.creating = false;
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
