import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorPayload, Plugin, ViteDevServer } from 'vite';
import { compileLesson } from './compile-lesson';
import { LessonError } from './lesson-error';
import { isNotesFile } from './lesson-files';
import { lessonSourceReader } from './lesson-sources';
import { LESSON_UPDATE_EVENT, type LessonHotUpdate } from './lesson-hot-update';
import type { CompiledLesson, LessonMeta } from './types';

const LIST_ID = 'virtual:lessons';
const LESSON_ID_PREFIX = 'virtual:lesson/';
const RESOLVED_LIST_ID = `\0${LIST_ID}`;
const RESOLVED_LESSON_PREFIX = `\0${LESSON_ID_PREFIX}`;

export interface LessonsPluginOptions {
  /** The folder of lesson files, relative to the Vite root or absolute (default `lessons`). */
  dir?: string;
}

/**
 * Provides `virtual:lessons` (see virtual-lessons.d.ts) from `<root>/lessons/*.md`:
 * the sorted list of lesson metadata, and one dynamically imported module (own chunk) per lesson.
 * A lesson that does not compile fails the build, and the dev server overlay, with
 * `lessons/NN-slug.md:LINE: message`. In dev, editing a lesson swaps it into the open page in place
 * (a `LessonHotUpdate`, see lesson-hot-update.ts); adding or removing a lesson reloads the page.
 */
export function lessonsPlugin(options: LessonsPluginOptions = {}): Plugin {
  let lessonsDir = path.resolve(options.dir ?? 'lessons');
  let root = process.cwd();
  // Compiled lessons by absolute path, reused while the source text is unchanged.
  const cache = new Map<string, { source: string; lesson: CompiledLesson }>();

  const displayPath = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');

  function compileFile(absolute: string): CompiledLesson {
    const source = readFileSync(absolute, 'utf8');
    const cached = cache.get(absolute);
    if (cached?.source === source) return cached.lesson;
    const lesson = compileLesson(source, displayPath(absolute), lessonSourceReader(lessonsDir));
    cache.set(absolute, { source, lesson });
    return lesson;
  }

  function lessonFiles(): string[] {
    if (!existsSync(lessonsDir)) return [];
    return readdirSync(lessonsDir)
      .filter((name) => name.endsWith('.md') && !isNotesFile(name))
      .sort()
      .map((name) => path.join(lessonsDir, name));
  }

  /** The course index; also compiles every lesson so that any error fails the build. */
  function courseIndex(): { metas: LessonMeta[]; files: string[] } {
    const files = lessonFiles();
    const metas: LessonMeta[] = [];
    const fileByOrder = new Map<number, string>();
    for (const file of files) {
      const { meta } = compileFile(file);
      const other = fileByOrder.get(meta.order);
      if (other !== undefined) {
        const orderLine = readFileSync(file, 'utf8').split('\n').findIndex((line) => /^order\s*:/.test(line)) + 1;
        throw new LessonError(displayPath(file), orderLine || 1, `order ${meta.order} is also used by ${displayPath(other)}`);
      }
      fileByOrder.set(meta.order, file);
      metas.push(meta);
    }
    metas.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
    return { metas, files };
  }

  function listModule(): { code: string; files: string[] } {
    const { metas, files } = courseIndex();
    const loaders = metas
      .map((meta) => `  ${JSON.stringify(meta.slug)}: () => import(${JSON.stringify(LESSON_ID_PREFIX + meta.slug)}),`)
      .join('\n');
    const code = `export const lessons = ${JSON.stringify(metas)};
const loaders = {
${loaders}
};
export function loadLesson(slug) {
  const load = Object.hasOwn(loaders, slug) ? loaders[slug] : undefined;
  if (!load) return Promise.reject(new Error('Unknown lesson: ' + slug));
  return load().then((module) => module.default);
}
`;
    return { code, files };
  }

  function isLessonFile(absolute: string): boolean {
    return path.dirname(absolute) === lessonsDir && absolute.endsWith('.md') && !isNotesFile(path.basename(absolute));
  }

  function onLessonFileEvent(server: ViteDevServer, event: 'add' | 'change' | 'unlink', changedFile: string): void {
    const absolute = path.resolve(changedFile);
    if (!isLessonFile(absolute)) return;
    cache.delete(absolute);
    const slug = path.basename(absolute, '.md');
    // Stale for the next page load; the open page is updated below (or reloaded).
    for (const id of [RESOLVED_LIST_ID, RESOLVED_LESSON_PREFIX + slug]) {
      const module = server.moduleGraph.getModuleById(id);
      if (module) server.moduleGraph.invalidateModule(module);
    }
    if (event !== 'change') {
      server.ws.send({ type: 'full-reload' });
      return;
    }
    let update: LessonHotUpdate;
    try {
      update = { lessons: courseIndex().metas, lesson: compileFile(absolute) };
    } catch (error) {
      server.ws.send({ type: 'error', err: overlayError(error, absolute) });
      return;
    }
    server.ws.send({ type: 'custom', event: LESSON_UPDATE_EVENT, data: update });
    // An empty update: a page whose first load failed on a broken lesson (error overlay, no app to
    // receive the event) reloads now that the lesson compiles; a running page just clears the overlay.
    server.ws.send({ type: 'update', updates: [] });
  }

  /** The error overlay for a lesson that no longer compiles, pointing at its file and line. */
  function overlayError(error: unknown, absolute: string): ErrorPayload['err'] {
    const message = error instanceof Error ? error.message : String(error);
    const located = error instanceof LessonError;
    return {
      message,
      stack: '',
      plugin: 'tp-lessons',
      id: absolute,
      loc: located ? { file: path.resolve(root, error.file), line: error.line, column: 1 } : undefined,
    };
  }

  return {
    name: 'tp-lessons',
    configResolved(config) {
      root = config.root;
      lessonsDir = path.resolve(config.root, options.dir ?? 'lessons');
    },
    resolveId(id) {
      if (id === LIST_ID) return RESOLVED_LIST_ID;
      if (id.startsWith(LESSON_ID_PREFIX)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id === RESOLVED_LIST_ID) {
        const { code, files } = listModule();
        for (const file of files) this.addWatchFile(file);
        return code;
      }
      if (id.startsWith(RESOLVED_LESSON_PREFIX)) {
        const slug = id.slice(RESOLVED_LESSON_PREFIX.length);
        const file = path.join(lessonsDir, `${slug}.md`);
        if (!/^[a-z0-9-]+$/.test(slug) || !existsSync(file)) throw new Error(`no lesson file lessons/${slug}.md for ${LESSON_ID_PREFIX}${slug}`);
        this.addWatchFile(file);
        // JSON.parse of a string literal is faster to load than the same object as a JS literal.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(compileFile(file)))});\n`;
      }
      return undefined;
    },
    configureServer(server) {
      server.watcher.add(lessonsDir);
      for (const event of ['add', 'change', 'unlink'] as const) {
        server.watcher.on(event, (file: string) => onLessonFileEvent(server, event, file));
      }
    },
    handleHotUpdate({ file }) {
      // Lesson files are handled by the watcher above (hot update or full reload), not by module HMR.
      if (path.dirname(path.resolve(file)) === lessonsDir && file.endsWith('.md')) return [];
      return undefined;
    },
  };
}
