import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { LessonError } from './lesson-error';

/** The validated front matter of a lesson (everything of `LessonMeta` but the slug, which is the file name). */
export interface FrontMatter {
  title: string;
  summary: string;
  order: number;
}

export interface SplitLesson {
  frontMatter: FrontMatter;
  /**
   * The markdown after the front matter, with the front matter lines blanked (not removed) so that
   * line numbers in the body are the file's own line numbers.
   */
  body: string;
}

type FieldCheck = (value: unknown) => string | undefined;

const nonEmptyString: FieldCheck = (value) =>
  typeof value === 'string' && value.trim() !== '' ? undefined : 'must be a non-empty string';

/**
 * The schema, in the spirit of TutorialKit's lesson schema: every key is known, typed and required,
 * and anything else is rejected, so a typo (`titel:`) fails the build instead of being ignored.
 */
const FRONT_MATTER_SCHEMA: Record<keyof FrontMatter, FieldCheck> = {
  title: nonEmptyString,
  summary: nonEmptyString,
  order: (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 ? undefined : 'must be a whole number (0 or more)',
};

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

  const values: Partial<Record<keyof FrontMatter, unknown>> = {};
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const keyLine = keyNode?.range ? lineOf(keyNode.range[0]) : 1;
    if (!Object.hasOwn(FRONT_MATTER_SCHEMA, key)) {
      throw new LessonError(file, keyLine, `unknown front matter key \`${key}\` (allowed: ${Object.keys(FRONT_MATTER_SCHEMA).join(', ')})`);
    }
    const field = key as keyof FrontMatter;
    const valueNode = pair.value as YamlNode | null;
    const value: unknown = valueNode && 'toJSON' in valueNode ? valueNode.toJSON() : null;
    const problem = FRONT_MATTER_SCHEMA[field](value);
    if (problem) {
      throw new LessonError(file, valueNode?.range ? lineOf(valueNode.range[0]) : keyLine, `front matter \`${field}\` ${problem}`);
    }
    values[field] = value;
  }
  for (const field of Object.keys(FRONT_MATTER_SCHEMA) as (keyof FrontMatter)[]) {
    if (!(field in values)) {
      throw new LessonError(file, 1, `front matter is missing \`${field}\``);
    }
  }

  const body = [...lines.slice(0, closing + 1).map(() => ''), ...lines.slice(closing + 1)].join('\n');
  return { frontMatter: values as FrontMatter, body };
}
