import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { LessonError } from './lesson-error';

const NON_EMPTY = 'must be a non-empty string';
const WHOLE_NUMBER = 'must be a whole number (0 or more)';
const nonEmptyText = z.string({ error: NON_EMPTY }).refine((value) => value.trim() !== '', { error: NON_EMPTY });

/**
 * The content contract of a lesson's front matter, as TutorialKit states its lesson schema
 * (packages/types/src/schemas/): every key is known, typed and required, and anything else is
 * rejected, so a typo (`titel:`) fails the build instead of being ignored.
 */
export const frontMatterSchema = z.strictObject({
  title: nonEmptyText,
  summary: nonEmptyText,
  order: z.int({ error: WHOLE_NUMBER }).min(0, { error: WHOLE_NUMBER }),
});

/** The validated front matter of a lesson (everything of `LessonMeta` but the slug, which is the file name). */
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface SplitLesson {
  frontMatter: FrontMatter;
  /**
   * The markdown after the front matter, with the front matter lines blanked (not removed) so that
   * line numbers in the body are the file's own line numbers.
   */
  body: string;
}

const FENCE = /^---[ \t]*$/;

/** Splits `---`-delimited YAML front matter off a lesson and validates it against the schema. */
export function parseFrontMatter(source: string, file: string): SplitLesson {
  const lines = source.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    throw new LessonError(file, 1, 'missing front matter: the file must start with a `---` line, then title, summary and order, then `---`');
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    throw new LessonError(file, 1, 'front matter is not closed: add a `---` line after it');
  }

  const yamlText = lines.slice(1, closing).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // Line in the file of an offset in the YAML text: the YAML starts on file line 2.
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + 1;
  const firstError = document.errors[0];
  if (firstError) {
    throw new LessonError(file, lineOf(firstError.pos[0]), `front matter is not valid YAML: ${firstError.message.split('\n')[0]}`);
  }
  const root = document.contents;
  if (!isMap(root)) {
    throw new LessonError(file, 1, 'front matter must be a YAML mapping with title, summary and order');
  }

  // The values, and where each key and its value are in the file (for the error's line).
  const values: Record<string, unknown> = {};
  const where = new Map<string, { key: number; value: number }>();
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const keyLine = keyNode?.range ? lineOf(keyNode.range[0]) : 1;
    const valueNode = pair.value as YamlNode | null;
    values[key] = valueNode && 'toJSON' in valueNode ? valueNode.toJSON() : null;
    where.set(key, { key: keyLine, value: valueNode?.range ? lineOf(valueNode.range[0]) : keyLine });
  }

  const parsed = frontMatterSchema.safeParse(values);
  if (!parsed.success) {
    // One error, the first in the file (a missing key after every other problem), as the author reads it.
    const allowed = Object.keys(frontMatterSchema.shape).join(', ');
    const problems = parsed.error.issues.flatMap((issue): { line: number; detail: string; missing?: boolean }[] => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ line: where.get(key)?.key ?? 1, detail: `unknown front matter key \`${key}\` (allowed: ${allowed})` }));
      }
      const field = String(issue.path[0]);
      const at = where.get(field);
      if (!at) return [{ line: 1, detail: `front matter is missing \`${field}\``, missing: true }];
      return [{ line: at.value, detail: `front matter \`${field}\` ${issue.message}` }];
    });
    problems.sort((a, b) => Number(a.missing ?? false) - Number(b.missing ?? false) || a.line - b.line);
    const first = problems[0]!;
    throw new LessonError(file, first.line, first.detail);
  }

  const body = [...lines.slice(0, closing + 1).map(() => ''), ...lines.slice(closing + 1)].join('\n');
  return { frontMatter: parsed.data, body };
}
