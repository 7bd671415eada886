import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface ScriptLoad {
  /** File name, e.g. `index-DzCYM37h.js`. */
  name: string;
  bytes: number;
  gzipBytes: number;
  /** Requested after the page's `load` event: the sandbox runtime the lesson prefetches at idle time. */
  afterLoad: boolean;
}

export interface InitialJsResult {
  totalGzipBytes: number;
  totalBytes: number;
  /** What the page needs to show the lesson: scripts requested before its `load` event. */
  beforeLoadGzipBytes: number;
  scripts: ScriptLoad[];
  /** Editor chunks requested before network idle (they are not counted in the total). */
  editorScriptsSkipped: string[];
}

/** Chunks that belong to the lazily loaded editor (src/editor/, Monaco): requesting one means an editor opened. */
const EDITOR_CHUNK = /\/(cell-editor|load-monaco|editor\.api|editor\.worker|ts\.worker|tsMode|sdk-typings)-[^/]*\.js$/;

function isJavaScript(url: string, contentType: string | undefined): boolean {
  return /\.m?js(\?|$)/.test(url) || /javascript|ecmascript/.test(contentType ?? '');
}

/**
 * Every JavaScript response (http/https only) a cold load of `lessonUrl` receives until the network is idle, without
 * touching the page (no focus, no scroll), each body gzipped at level 9. Anything requested from the
 * moment an editor chunk is requested on belongs to the editor and is left out (listed separately).
 */
export async function measureInitialJs(browser: Browser, lessonUrl: string): Promise<InitialJsResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let editorOpened = false;
  const counted = new Set<string>();
  const skipped: string[] = [];
  const pending: Promise<ScriptLoad | undefined>[] = [];
  let loaded = false;
  const requestedAfterLoad = new Set<string>();
  page.on('load', () => (loaded = true));
  page.on('request', (request) => {
    // blob: workers re-run a script that was already fetched (and counted); they are not downloads.
    if (!/^https?:/.test(request.url())) return;
    if (loaded) requestedAfterLoad.add(request.url());
    if (EDITOR_CHUNK.test(request.url())) editorOpened = true;
    if (editorOpened) skipped.push(request.url());
    else counted.add(request.url());
  });
  page.on('response', (response) => {
    const url = response.url();
    if (!counted.has(url) || !isJavaScript(url, response.headers()['content-type'])) return;
    pending.push(
      response.body().then(
        (body) => ({
          name: url.split('/').pop() ?? url,
          bytes: body.length,
          gzipBytes: gzipSync(body, { level: 9 }).length,
          afterLoad: requestedAfterLoad.has(url),
        }),
        () => undefined,
      ),
    );
  });
  try {
    await page.goto(lessonUrl, { waitUntil: 'networkidle' });
    const scripts = (await Promise.all(pending)).filter((load): load is ScriptLoad => load !== undefined);
    scripts.sort((a, b) => b.gzipBytes - a.gzipBytes);
    return {
      totalGzipBytes: scripts.reduce((sum, load) => sum + load.gzipBytes, 0),
      totalBytes: scripts.reduce((sum, load) => sum + load.bytes, 0),
      beforeLoadGzipBytes: scripts.filter((load) => !load.afterLoad).reduce((sum, load) => sum + load.gzipBytes, 0),
      scripts,
      editorScriptsSkipped: skipped.filter((url) => isJavaScript(url, undefined)).map((url) => url.split('/').pop() ?? url),
    };
  } finally {
    await context.close();
  }
}
