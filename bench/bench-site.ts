import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serveDist } from '../test/e2e/static-server';

export const BASE_PATH = '/claude-playground/';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
 */
export async function openBenchSite(projectRoot: string): Promise<BenchSite> {
  const dist = path.join(projectRoot, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error('dist/index.html is missing: build it first with `npm run build:subpath` (the bench builds nothing).');
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: sudo apt-get install -y chromium, or set CHROMIUM_PATH.`);
  }
  const snapshot = mkdtempSync(path.join(tmpdir(), 'tp-bench-dist-'));
  cpSync(dist, snapshot, { recursive: true });
  const { server, origin } = await serveDist(snapshot, BASE_PATH);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
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
