import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { savedEdit, type BenchLesson } from './first-lesson';
import { installProbes, type ProbeWindow } from './probes';

/** One editor opening: ms from the click on the cell's code (page clock). */
export interface EditorOpening {
  /** Click → the Monaco editor shows the cell's lines (editable from then on). */
  editorMs: number;
  /** Click → the suggest list shows a model id (`'claude-…'`) after `model: ` and Ctrl+Space. */
  completionMs: number;
  /** Ctrl+Space → that list (the part of `completionMs` the learner waits for after asking). */
  afterCtrlSpaceMs: number;
  /** Click → the first red squiggle (the cell holds a deliberate type error). */
  squiggleMs: number;
  /** Click → each editor chunk downloaded after the click fully arrived (resource timing): where the time goes. */
  chunksMs: Record<string, number>;
}

export interface CompletionLatencyResult {
  /** The first editor of a fresh page, one per fresh browser context. */
  cold: EditorOpening[];
  /** A later cell's editor in the last of those pages (Monaco and the TypeScript worker already up). */
  warm: EditorOpening;
}

/** The cells' saved text: the SDK client, and a type error that must get a red squiggle. */
const CELL_CODE = [
  "import Anthropic from '@anthropic-ai/sdk';",
  'const client = new Anthropic({ dangerouslyAllowBrowser: true });',
  "const notANumber: number = 'a string';",
  '',
].join('\n');
/** Typed at the end of the cell, then Ctrl+Space: the SDK's `Model` type offers the model ids here. */
const TYPED = 'const reply = await client.messages.create({ model: ';
const MODEL_ID_MARKER = 'claude-';
/** After network idle: the learner reads a moment before clicking (idle-time prefetches settle). */
const SETTLE_MS = 1000;
const TIMEOUT_MS = 90_000;
const CHUNK_NAMES = ['cell-editor', 'load-monaco', 'tsMode', 'editor.api', 'cell-extra-libs', 'sdk-typings', 'ts.worker', 'editor.worker'];

/**
 * In-page watchers (plain JavaScript, sent as is): each resolves with the `performance.now()` of the DOM
 * mutation in which its condition first holds inside a `tp-cell`'s shadow root, so no polling interval and
 * no DevTools round trip is inside a measured interval. Also records the Ctrl+Space keydown.
 */
const WATCHERS_SCRIPT = `(() => {
  const state = { ctrlSpaceAt: undefined };
  window.addEventListener('keydown', (event) => {
    if (event.code === 'Space' && event.ctrlKey) state.ctrlSpaceAt = performance.now();
  }, true);
  const deepQueryAll = (root, selector, found = []) => {
    if (root instanceof Element && root.matches(selector)) found.push(root);
    if (root instanceof Element && root.shadowRoot) deepQueryAll(root.shadowRoot, selector, found);
    for (const child of root.children ?? []) deepQueryAll(child, selector, found);
    return found;
  };
  const conditions = {
    editor: (root) => root.querySelector('.monaco-editor .view-lines .view-line') !== null,
    squiggle: (root) => root.querySelector('.monaco-editor .squiggly-error') !== null,
    suggestion: (root) => Array.from(root.querySelectorAll('.monaco-editor .suggest-widget')).some(
      (widget) => widget.classList.contains('visible') && (widget.textContent ?? '').includes(${JSON.stringify(MODEL_ID_MARKER)})),
  };
  state.watch = (cellIndex, what, timeoutMs) => new Promise((resolve, reject) => {
    const cell = deepQueryAll(document, 'tp-cell')[cellIndex];
    if (!cell || !cell.shadowRoot) return reject(new Error('no tp-cell #' + cellIndex));
    const holds = () => conditions[what](cell.shadowRoot);
    if (holds()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      const now = performance.now();
      if (!holds()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(now);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(what + ' did not show in cell #' + cellIndex + ' within ' + timeoutMs + ' ms'));
    }, timeoutMs);
    observer.observe(cell.shadowRoot, { childList: true, subtree: true, attributes: true, characterData: true });
  });
  window.__completionBench = state;
})();`;

type Condition = 'editor' | 'squiggle' | 'suggestion';

interface CompletionBenchState {
  ctrlSpaceAt: number | undefined;
  watch(cellIndex: number, what: Condition, timeoutMs: number): Promise<number>;
}

interface BenchWindow extends ProbeWindow {
  __completionBench: CompletionBenchState;
  __completionPending?: Partial<Record<Condition, Promise<number>>>;
}

/**
 * The cell for the warm figure: the last plain (non-exercise) cell, far below the first one, so the page has
 * not opened its editor on its own (cells near the viewport get their editor at idle time once one is open).
 */
function warmCellIndex(lesson: BenchLesson): number {
  const index = lesson.cells.findLastIndex((cell) => !cell.exercise);
  if (index < 2) throw new Error(`${lesson.slug} needs a third plain cell for the warm editor figure`);
  return index;
}

/** A fresh context whose first cell and warm cell open with CELL_CODE as the learner's saved edit. */
async function openLessonPage(browser: Browser, lessonUrl: string, lesson: BenchLesson): Promise<{ context: BrowserContext; page: Page }> {
  const cells = [lesson.cells[0]!, lesson.cells[warmCellIndex(lesson)]!];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await installProbes(page);
  await page.addInitScript(WATCHERS_SCRIPT);
  const entries = cells.map((cell) => savedEdit(cell, CELL_CODE));
  await page.addInitScript((saved) => {
    for (const [key, value] of saved) localStorage.setItem(key, value);
  }, entries);
  await page.goto(lessonUrl, { waitUntil: 'networkidle' });
  await page.waitForTimeout(SETTLE_MS);
  return { context, page };
}

/** Arms watchers for `conditions` in cell `cellIndex` (before the action that should cause them). */
async function arm(page: Page, cellIndex: number, conditions: Condition[]): Promise<void> {
  await page.evaluate(
    ([index, whats, timeout]) => {
      const target = window as unknown as BenchWindow;
      target.__completionPending = target.__completionPending ?? {};
      for (const what of whats) target.__completionPending[what] = target.__completionBench.watch(index, what, timeout);
    },
    [cellIndex, conditions, TIMEOUT_MS] as const,
  );
}

function settled(page: Page, what: Condition): Promise<number> {
  return page.evaluate((which) => (window as unknown as BenchWindow).__completionPending![which]!, what);
}

/** Click → editor → type after the last line → Ctrl+Space → model ids, in cell `cellIndex` of `page`. */
async function openEditorAndComplete(page: Page, cell: Locator, cellIndex: number): Promise<EditorOpening> {
  await arm(page, cellIndex, ['editor', 'squiggle']);
  await cell.locator('.preview').click();
  const editorAt = await settled(page, 'editor');
  // Read now: the next click (into the editor) overwrites it.
  const clickAt = await page.evaluate(() => (window as unknown as BenchWindow).__benchProbes.clickAt);
  await cell.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(TYPED);
  await arm(page, cellIndex, ['suggestion']);
  await page.keyboard.press('Control+Space');
  const suggestionAt = await settled(page, 'suggestion');
  const squiggleAt = await settled(page, 'squiggle');
  const { ctrlSpaceAt, chunks } = await page.evaluate((names) => {
    const target = window as unknown as BenchWindow;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const chunks: Record<string, number> = {};
    for (const name of names) {
      const entry = resources.find((resource) => (resource.name.split('/').pop() ?? '').startsWith(`${name}-`));
      if (entry) chunks[name] = entry.responseEnd;
    }
    return { ctrlSpaceAt: target.__completionBench.ctrlSpaceAt, chunks };
  }, CHUNK_NAMES);
  if (clickAt === undefined || ctrlSpaceAt === undefined) throw new Error('the click or the Ctrl+Space was not seen by the page');
  await page.keyboard.press('Escape');
  return {
    editorMs: editorAt - clickAt,
    completionMs: suggestionAt - clickAt,
    afterCtrlSpaceMs: suggestionAt - ctrlSpaceAt,
    squiggleMs: squiggleAt - clickAt,
    chunksMs: Object.fromEntries(Object.entries(chunks).filter(([, at]) => at > clickAt).map(([name, at]) => [name, at - clickAt])),
  };
}

/**
 * First-completion latency of the production build: `coldLoads` fresh browser contexts, each opening the
 * first cell's editor by clicking its code, typing `model: ` in an SDK call and pressing Ctrl+Space; then,
 * in the last page, the same in a later cell (warm: Monaco and the TypeScript worker already running).
 */
export async function measureCompletionLatency(
  browser: Browser,
  lessonUrl: string,
  lesson: BenchLesson,
  coldLoads: number,
): Promise<CompletionLatencyResult> {
  const cold: EditorOpening[] = [];
  let warm: EditorOpening | undefined;
  for (let i = 0; i < coldLoads; i++) {
    const { context, page } = await openLessonPage(browser, lessonUrl, lesson);
    try {
      const cells = page.locator('tp-lesson tp-cell');
      cold.push(await openEditorAndComplete(page, cells.nth(0), 0));
      if (i === coldLoads - 1) {
        const index = warmCellIndex(lesson);
        warm = await openEditorAndComplete(page, cells.nth(index), index);
      }
    } finally {
      await context.close();
    }
  }
  if (!warm) throw new Error('no cold load was made');
  return { cold, warm };
}
