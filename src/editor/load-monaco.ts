/**
 * Loads Monaco once, on demand (never on the page's critical path), and configures it for
 * notebook cells: TypeScript with top-level await, the sandbox globals, the SDK's types,
 * and a theme that follows the page.
 */
import * as monaco from './monaco-core';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { CELL_COMPILER_OPTIONS, NOTEBOOK_IGNORED_DIAGNOSTICS } from './cell-compiler-options';
// Monaco's own TypeScript worker; its bundled lib texts are cut to what cells use (vite-plugin.ts).
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'typescript' || label === 'javascript' ? new TypeScriptWorker({ name: 'typescript' }) : new EditorWorker();
  },
};

function configureTypeScript(): void {
  const defaults = monaco.typescript.typescriptDefaults;
  defaults.setCompilerOptions({ ...CELL_COMPILER_OPTIONS, lib: [...CELL_COMPILER_OPTIONS.lib] });
  defaults.setDiagnosticsOptions({ diagnosticCodesToIgnore: NOTEBOOK_IGNORED_DIAGNOSTICS });
  defaults.setEagerModelSync(true);
}

/**
 * The worker and sandbox globals and the SDK typings (~0.6 MB, see cell-extra-libs.ts), in one update:
 * the worker gets them with its first message instead of one update per file.
 */
async function addExtraLibs(): Promise<void> {
  const { CELL_EXTRA_LIBS } = await import('./cell-extra-libs');
  monaco.typescript.typescriptDefaults.setExtraLibs([...CELL_EXTRA_LIBS]);
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
 * Adds the extra libs (once). Resolves when they are in, or when loading them failed (cells then get no
 * SDK or global types in the editor, nothing else breaks). Awaited before the first cell model exists, so
 * the TypeScript worker receives them with its setup and can reuse what it parsed while Monaco loaded.
 */
export function addSdkTypingsOnce(): Promise<void> {
  typingsAdded ??= addExtraLibs().catch((error: unknown) => console.warn('SDK typings failed to load', error));
  return typingsAdded;
}

export { monaco };
