import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './chromium';
import { serveDist } from './static-server';

export const BASE_PATH = '/claude-playground/';

/** Serves `dist/` (built by `npm run build:subpath`) under the sub-path for every e2e file. */
export default async function setup(project: TestProject) {
  const dist = resolve('dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build:subpath` first (npm test does).');
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH}: sudo apt-get update && sudo apt-get install -y chromium`,
    );
  }
  const { server, origin } = await serveDist(dist, BASE_PATH);
  project.provide('siteUrl', `${origin}${BASE_PATH}`);
  return async () => {
    await new Promise<void>((done) => server.close(() => done()));
  };
}
