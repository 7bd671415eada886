import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/e2e/chromium';
import { serveDist } from '../test/e2e/static-server';

export const BASE_PATH = '/claude-playground/';

/** The production build served under the sub-path, and Debian's Chromium to load it. */
export interface BenchSite {
  /** e.g. `http://127.0.0.1:41234/claude-playground/` */
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Serves a copy of `dist/` (so a rebuild by someone else mid-run cannot swap files under the page)
 * the way GitHub Pages does, and launches Chromium. Throws a clear error when either is missing.
 * `BENCH_DIST` names another build folder, so two builds can be measured one after the other.
 */
export async function openBenchSite(projectRoot: string): Promise<BenchSite> {
  const dist = path.resolve(projectRoot, process.env.BENCH_DIST ?? 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error('dist/index.html is missing: build it first with `npm run build:subpath` (the bench builds nothing).');
  }
  const browser = await launchChromium();
  const snapshot = mkdtempSync(path.join(tmpdir(), 'tp-bench-dist-'));
  cpSync(dist, snapshot, { recursive: true });
  const { server, origin } = await serveDist(snapshot, BASE_PATH);
  return {
    url: `${origin}${BASE_PATH}`,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(snapshot, { recursive: true, force: true });
    },
  };
}
