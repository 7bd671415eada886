import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CellSpec } from '../../lessons/types';
import type { TpCodeEditor } from '../tp-code-editor';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What the code area shows around the editor. */
export interface CodeAreaView {
  cell: CellSpec;
  /** The draft's text. */
  code: string;
  /** Accessible name of the editor. */
  label: string;
  /** Accessible name of the preview ("Edit the code of cell N"). */
  previewLabel: string;
  onCodeChanged: (code: string) => void;
  onEditorFailed: (message: string) => void;
}

/**
 * The code area of a cell: the build-time highlighted preview first, then Monaco (`tp-code-editor`),
 * created when the cell nears the viewport (in idle time) or gets focus. Until Monaco is ready the
 * draft's text lives in the preview; afterwards in the editor.
 */
export class CellEditorController implements ReactiveController {
  /** The editor element is in the DOM (Monaco may still be loading). */
  wanted = false;
  /** Monaco shows the code. */
  ready = false;
  private focusWhenReady = false;
  /** The editor element's module is loading. */
  private loading = false;
  private visibilityObserver: IntersectionObserver | undefined;
  /** What the last render showed (the listeners below read it: stable functions, so Lit never re-binds them). */
  private view: CodeAreaView | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.watchVisibility();
  }

  hostDisconnected(): void {
    this.visibilityObserver?.disconnect();
  }

  private get element(): TpCodeEditor | null {
    return this.host.renderRoot.querySelector('tp-code-editor');
  }

  /** The editor's text when it is ready, else `fallback` (the draft). */
  currentCode(fallback: string): string {
    const editor = this.element;
    return editor?.ready ? editor.value : fallback;
  }

  /** Puts `code` in the editor, as one undoable edit (nothing to do before the editor exists). */
  showCode(code: string): void {
    const editor = this.element;
    if (editor && editor.value !== code) editor.replaceValue(code);
  }

  /** Focus the editor, creating it first if needed (focus moves once it exists). */
  focus(): void {
    if (this.ready) {
      this.element?.focus();
      return;
    }
    this.focusWhenReady = true;
    this.want();
    this.host.renderRoot.querySelector<HTMLElement>('.preview')?.focus();
  }

  /** Loads Monaco for this cell when it comes near the viewport, in idle time. */
  private watchVisibility(): void {
    if (this.wanted || typeof IntersectionObserver === 'undefined') return;
    this.visibilityObserver = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.visibilityObserver?.disconnect();
        if ('requestIdleCallback' in window) requestIdleCallback(() => this.want(), { timeout: 4000 });
        else setTimeout(() => this.want(), 1500);
      },
      { rootMargin: '200px 0px' },
    );
    this.visibilityObserver.observe(this.host);
  }

  private want(): void {
    if (this.wanted || this.loading) return;
    this.loading = true;
    // The element's own module is a small chunk of its own (it loads Monaco in turn): not in the initial JS.
    import('../tp-code-editor').then(
      () => {
        this.loading = false;
        this.wanted = true;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.loading = false;
        this.view?.onEditorFailed(error instanceof Error ? error.message : String(error));
      },
    );
  }

  private readonly onPreviewActivated = (): void => {
    this.focusWhenReady = true;
    this.want();
  };

  /** Whether the learner is still on this cell's code (focus must not jump from elsewhere). */
  private previewHasFocus(): boolean {
    const preview = this.host.renderRoot.querySelector('.preview');
    return preview !== null && (this.host.renderRoot as ShadowRoot).activeElement === preview;
  }

  private readonly onReady = (): void => {
    this.ready = true;
    this.host.requestUpdate();
    // Text set while Monaco loaded (e.g. Reset cell) wins over the initial code.
    if (this.view) this.showCode(this.view.code);
    if (this.focusWhenReady) {
      this.focusWhenReady = false;
      if (this.previewHasFocus()) void this.host.updateComplete.then(() => this.element?.focus());
    }
  };

  private readonly onFailed = (event: CustomEvent<{ message: string }>): void => {
    this.wanted = false;
    this.host.requestUpdate();
    this.view?.onEditorFailed(event.detail.message);
  };

  private readonly onChanged = (event: CustomEvent<{ code: string }>): void => this.view?.onCodeChanged(event.detail.code);

  render(view: CodeAreaView) {
    this.view = view;
    return html`<div class="code">
      ${this.ready ? nothing : this.renderPreview(view)}
      ${this.wanted
        ? html`<tp-code-editor
            ?hidden=${!this.ready}
            cell-id=${view.cell.id}
            .code=${view.code}
            label=${view.label}
            @editor-ready=${this.onReady}
            @editor-failed=${this.onFailed}
            @code-changed=${this.onChanged}
          ></tp-code-editor>`
        : nothing}
    </div>`;
  }

  private renderPreview(view: CodeAreaView) {
    // Build-time highlighted HTML (sanitized by the lesson compiler) for the lesson's own code;
    // an edit is shown as plain text.
    const content =
      view.code === view.cell.code ? unsafeHTML(view.cell.highlightedHtml) : html`<pre class="tp-code"><code>${view.code}</code></pre>`;
    return html`<div
      class="preview"
      tabindex="0"
      role="button"
      aria-label=${view.previewLabel}
      @focus=${this.onPreviewActivated}
      @click=${this.onPreviewActivated}
    >
      ${content}
    </div>`;
  }
}
