import type { Token } from 'markdown-it';
import { InfoStringError, parseInfoString, type FenceRole } from './info-string';
import { LessonError } from './lesson-error';
import { lessonMarkdown, type ProseEnv } from './render-prose';

/** A lesson body cut into prose (markdown-it block tokens, static code included) and special fences. */
export type RawSection =
  | { kind: 'prose'; tokens: Token[] }
  | {
      kind: 'fence';
      role: Exclude<FenceRole, { kind: 'static' } | { kind: 'file' }>;
      /** Fence content without its final newline. */
      content: string;
      /** 1-based line of the opening fence in the file. */
      line: number;
    };

/** Reads a file under `lessons/` by its path there (`lib/tool-loop.ts`), for ```` ```ts file=… ```` fences. */
export type LessonSourceReader = (path: string) => string;

/**
 * Parses the body with markdown-it and lifts out every top-level fence that is a cell, exercise,
 * check, solution or hint. Static fences stay in the prose; a ```` ```ts file=… ```` fence becomes static
 * code holding that file's text, so a lesson shows a course module (lessons/lib/) without a copy that
 * could drift. `body` must keep the file's line numbering (front matter blanked, not removed) because
 * lines come from `token.map`.
 */
export function parseFences(body: string, file: string, env: ProseEnv, readSource: LessonSourceReader): RawSection[] {
  const tokens = lessonMarkdown.parse(body, env);
  const sections: RawSection[] = [];
  let prose: Token[] = [];
  const flushProse = () => {
    if (prose.length) sections.push({ kind: 'prose', tokens: prose });
    prose = [];
  };

  for (const token of tokens) {
    if (token.type !== 'fence') {
      prose.push(token);
      continue;
    }
    const line = (token.map?.[0] ?? 0) + 1;
    let role: FenceRole;
    try {
      role = parseInfoString(token.info);
    } catch (error) {
      if (error instanceof InfoStringError) throw new LessonError(file, line, error.message);
      throw error;
    }
    if (role.kind === 'static') {
      prose.push(token);
      continue;
    }
    if (role.kind === 'file') {
      if (token.content.trim() !== '') throw new LessonError(file, line, `a \`ts file=${role.path}\` fence shows that file: leave its body empty`);
      try {
        token.content = readSource(role.path);
      } catch (error) {
        throw new LessonError(file, line, `cannot read lessons/${role.path}: ${(error as Error).message}`);
      }
      prose.push(token);
      continue;
    }
    if (token.level > 0) {
      throw new LessonError(file, line, `\`${token.info.trim()}\` fences must be at the top level, not inside a list or a quote`);
    }
    flushProse();
    sections.push({ kind: 'fence', role, content: token.content.replace(/\n$/, ''), line });
  }
  flushProse();
  return sections;
}
