/**
 * One Monaco editor for one notebook cell: its own model (disposed with it), height that
 * follows the content, and edits made by the page (reset, solution) that stay undoable.
 */
import { adoptMonacoStyles } from './monaco-styles';

export interface CellEditorOptions {
  cellId: string;
  code: string;
  ariaLabel: string;
  onChange: (code: string) => void;
}

export interface CellEditor {
  value(): string;
  /** Replaces the whole text as one undoable edit (Ctrl+Z brings the previous text back). */
  replaceValue(code: string): void;
  focus(): void;
  dispose(): void;
}

const MIN_LINES = 3;
const MAX_HEIGHT_PX = 640;

/** Creates the editor inside `host` (a light-DOM element). Loads Monaco on first use. */
export async function createCellEditor(host: HTMLElement, options: CellEditorOptions): Promise<CellEditor> {
  // The typings chunk downloads alongside Monaco, not after it. The TypeScript worker is not started
  // early on purpose: started before Monaco, it competed with Monaco's start-up on a 2-core machine and
  // the editor appeared ~1 s later for no earlier first completion (BENCHMARKS.md, "Editor: first
  // completion"). Monaco starts it once the first model exists.
  void import('./cell-extra-libs').catch(() => undefined);
  const { monaco, addSdkTypingsOnce } = await import('./load-monaco');
  await addSdkTypingsOnce();
  adoptMonacoStyles(host);
  const uri = monaco.Uri.parse(`file:///cells/${options.cellId.replace(/[^\w/-]/g, '_')}.ts`);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(options.code, 'typescript', uri);
  const lineHeight = 20;
  const editor = monaco.editor.create(host, {
    model,
    ariaLabel: options.ariaLabel,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    lineHeight,
    tabSize: 2,
    wordWrap: 'on',
    fixedOverflowWidgets: true,
    renderLineHighlightOnlyWhenFocus: true,
    padding: { top: 8, bottom: 8 },
    scrollbar: { alwaysConsumeMouseWheel: false },
    overviewRulerLanes: 0,
    lineNumbersMinChars: 3,
    lineDecorationsWidth: 8,
    accessibilitySupport: 'auto',
  });
  const fitHeight = () => {
    const height = Math.min(MAX_HEIGHT_PX, Math.max(editor.getContentHeight(), MIN_LINES * lineHeight + 16));
    host.style.height = `${height}px`;
    editor.layout();
  };
  const subscriptions = [
    editor.onDidContentSizeChange(fitHeight),
    model.onDidChangeContent(() => options.onChange(model.getValue())),
  ];
  fitHeight();
  return {
    value: () => model.getValue(),
    replaceValue(code) {
      editor.pushUndoStop();
      editor.executeEdits('playground', [{ range: model.getFullModelRange(), text: code }]);
      editor.pushUndoStop();
    },
    focus: () => editor.focus(),
    dispose() {
      for (const subscription of subscriptions) subscription.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
