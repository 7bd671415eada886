/**
 * Loads Monaco once, on demand (never on the page's critical path), and configures it for
 * notebook cells: TypeScript with top-level await, the sandbox globals, the SDK's types,
 * and a theme that follows the page.
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
// The same declarations the lessons are type-checked against, so the editor and the tests cannot drift.
import SANDBOX_GLOBALS_DTS from '../lessons/sandbox-globals.d.ts?raw';

export type Monaco = typeof monaco;

/**
 * Diagnostics that are wrong for notebook cells: names declared by other cells, which the
 * sandbox shares at run time (2304 "Cannot find name", 2552 "Did you mean", 18004 "No value
 * exists in scope for the shorthand property").
 */
const NOTEBOOK_IGNORED_DIAGNOSTICS = [2304, 2552, 18004];

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker();
  },
};

function configureTypeScript(): void {
  const defaults = monaco.typescript.typescriptDefaults;
  defaults.setCompilerOptions({
    target: monaco.typescript.ScriptTarget.ESNext,
    module: monaco.typescript.ModuleKind.ESNext,
    moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs,
    // Cells run in a worker: its globals (fetch, Response, TextDecoder…), not the DOM's. lib.dom is
    // also the largest file (2.3 MB) the TypeScript worker parses before its first answer.
    lib: ['esnext', 'webworker'],
    // Each cell is its own module: the same `const` in two cells is not a redeclaration,
    // and top-level await is allowed. (3 = ts.ModuleDetectionKind.Force.)
    moduleDetection: 3,
    strict: true,
    esModuleInterop: true,
    allowNonTsExtensions: true,
    skipLibCheck: true,
  });
  defaults.setDiagnosticsOptions({ diagnosticCodesToIgnore: NOTEBOOK_IGNORED_DIAGNOSTICS });
  defaults.setEagerModelSync(true);
  defaults.addExtraLib(SANDBOX_GLOBALS_DTS, 'file:///playground/sandbox-globals.d.ts');
}

/** The SDK typings (~0.5 MB of the SDK's declarations, see sdk-typings.ts), handed over in one update. */
async function addSdkTypings(): Promise<void> {
  const { SDK_TYPINGS } = await import('./sdk-typings');
  const defaults = monaco.typescript.typescriptDefaults;
  const existing = Object.entries(defaults.getExtraLibs()).map(([filePath, lib]) => ({ filePath, content: lib.content }));
  defaults.setExtraLibs([...existing, ...SDK_TYPINGS.map(([filePath, content]) => ({ filePath, content }))]);
}

/** Monaco's built-in themes with the page's code background (see --tp-code-bg in index.html). */
function defineThemes(): void {
  monaco.editor.defineTheme('tp-light', {
    base: 'vs',
    inherit: true,
    rules: [],
    colors: { 'editor.background': '#f6f8fa', 'editorGutter.background': '#f6f8fa' },
  });
  monaco.editor.defineTheme('tp-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [],
    colors: { 'editor.background': '#161b22', 'editorGutter.background': '#161b22' },
  });
}

function pageTheme(): 'tp-light' | 'tp-dark' {
  const explicit = document.documentElement.dataset.theme;
  const dark = explicit ? explicit === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  return dark ? 'tp-dark' : 'tp-light';
}

function followPageTheme(): void {
  const apply = () => monaco.editor.setTheme(pageTheme());
  apply();
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', apply);
}

configureTypeScript();
defineThemes();
followPageTheme();
let typingsAdded: Promise<void> | undefined;

/**
 * Adds the SDK typings (once). Resolves when they are in, or when loading them failed (cells then get
 * no SDK completions, nothing else breaks). Awaited before the first cell model exists, so the TypeScript
 * worker builds its first program with them instead of building it twice.
 */
export function addSdkTypingsOnce(): Promise<void> {
  typingsAdded ??= addSdkTypings().catch((error: unknown) => console.warn('SDK typings failed to load', error));
  return typingsAdded;
}

export { monaco };
