import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, createServer } from 'vite';
import { lessonsPlugin } from '../../src/lessons/vite-plugin';

const fence = (info: string, code: string) => '```' + info + '\n' + code + '\n```\n';
const lessonSource = (title: string, order: number) =>
  `---\ntitle: ${title}\nsummary: About ${title}.\norder: ${order}\n---\n# ${title}\n\n` + fence('ts', `console.log(${JSON.stringify(title)});`);

let root: string;

function project(files: Record<string, string>): string {
  root = mkdtempSync(path.join(tmpdir(), 'tp-lessons-plugin-'));
  mkdirSync(path.join(root, 'lessons'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  writeFileSync(path.join(root, 'index.html'), '<script type="module" src="/main.js"></script>\n');
  writeFileSync(path.join(root, 'main.js'), "import { lessons, loadLesson } from 'virtual:lessons';\nconsole.log(lessons, loadLesson);\n");
  return root;
}

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('lessonsPlugin', { timeout: 120_000 }, () => {
  it('builds one chunk per lesson, listed in order', async () => {
    const dir = project({ 'lessons/02-second.md': lessonSource('Second', 2), 'lessons/01-first.md': lessonSource('First', 1), 'lessons/README.md': '# notes' });
    await build({ root: dir, logLevel: 'silent', configFile: false, plugins: [lessonsPlugin()], build: { outDir: path.join(dir, 'dist') } });
    const assets = readdirSync(path.join(dir, 'dist/assets'));
    expect(assets.some((name) => name.startsWith('01-first-'))).toBe(true);
    expect(assets.some((name) => name.startsWith('02-second-'))).toBe(true);
    const entry = assets.find((name) => name.startsWith('index-'))!;
    const code = readFileSync(path.join(dir, 'dist/assets', entry), 'utf8');
    expect(code.indexOf('"01-first"')).toBeGreaterThan(-1);
    expect(code.indexOf('"01-first"')).toBeLessThan(code.indexOf('"02-second"'));
  });

  it('fails the build with file:line for a broken lesson', async () => {
    const broken = lessonSource('Broken', 1) + '\n' + fence('ts exercise id=x title="X"', 'let a = 1;');
    const dir = project({ 'lessons/01-broken.md': broken });
    const failure = await build({ root: dir, logLevel: 'silent', configFile: false, plugins: [lessonsPlugin()], build: { outDir: path.join(dir, 'dist') } }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toContain('lessons/01-broken.md:12: exercise `01-broken/x` has no ```ts check fence after it');
  });

  it('fails the build when two lessons share an order', async () => {
    const dir = project({ 'lessons/01-a.md': lessonSource('A', 1), 'lessons/02-b.md': lessonSource('B', 1) });
    const failure = await build({ root: dir, logLevel: 'silent', configFile: false, plugins: [lessonsPlugin()], build: { outDir: path.join(dir, 'dist') } }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toContain('lessons/02-b.md:4: order 1 is also used by lessons/01-a.md');
  });

  it('in dev, serves edits and new lessons after a change', async () => {
    const dir = project({ 'lessons/01-first.md': lessonSource('First', 1) });
    const server = await createServer({ root: dir, logLevel: 'silent', configFile: false, plugins: [lessonsPlugin()], server: { middlewareMode: true, ws: false } });
    try {
      const load = async (id: string) => (await server.transformRequest(id))?.code ?? '';
      expect(await load('virtual:lesson/01-first')).toContain('First');

      const edited = path.join(dir, 'lessons/01-first.md');
      writeFileSync(edited, lessonSource('Renamed', 1));
      server.watcher.emit('change', edited);
      const added = path.join(dir, 'lessons/02-second.md');
      writeFileSync(added, lessonSource('Second', 2));
      server.watcher.emit('add', added);

      expect(await load('virtual:lesson/01-first')).toContain('Renamed');
      expect(await load('virtual:lessons')).toContain('02-second');
    } finally {
      await server.close();
    }
  });
});
