/**
 * Parses a fence info string such as `ts exercise id=parse-stream title="Parse a stream" timeout=90000`
 * into what the fence is. Only `ts` fences (cells) and `md hint` carry keywords; everything else is a
 * static, highlighted code block named by its language.
 */

/** What one fenced block in a lesson is. */
export type FenceRole =
  | { kind: 'cell'; id?: string; expectError?: string; timeoutMs?: number; emulatorOnly: boolean }
  | { kind: 'exercise'; id?: string; title: string; timeoutMs?: number; emulatorOnly: boolean }
  | { kind: 'check' }
  | { kind: 'solution' }
  | { kind: 'hint' }
  | { kind: 'static'; lang: string }
  /** ```` ```ts file=lib/tool-loop.ts ````: static code whose text is that file under `lessons/`, shown, not run. */
  | { kind: 'file'; path: string };

/** Thrown with a message only; the caller adds file and line. */
export class InfoStringError extends Error {
  override name = 'InfoStringError';
}

interface InfoWords {
  lang: string;
  flags: string[];
  attrs: Map<string, string>;
}

const CELL_LANGS = new Set(['ts', 'typescript']);
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const MAX_TIMEOUT_MS = 600_000;
/**
 * Flag for a cell or exercise that needs the emulator's own controls (`playground.emulator.inject`,
 * `.advanceTime`, `.reset`): they do not exist on the real API, so live mode skips it with a note.
 */
const EMULATOR_ONLY = 'emulator-only';

/** Splits words, `key=value` and `key="quoted value"` (with `\"` and `\\` escapes). */
function splitInfo(info: string): InfoWords {
  const words: { key: string; value?: string }[] = [];
  let index = 0;
  const text = info.trim();
  while (index < text.length) {
    while (text[index] === ' ' || text[index] === '\t') index++;
    if (index >= text.length) break;
    let key = '';
    while (index < text.length && !/[\s=]/.test(text[index]!)) key += text[index++];
    if (text[index] !== '=') {
      words.push({ key });
      continue;
    }
    index++; // '='
    let value = '';
    if (text[index] === '"') {
      index++;
      let closed = false;
      while (index < text.length) {
        const char = text[index++]!;
        if (char === '\\' && index < text.length) value += text[index++];
        else if (char === '"') {
          closed = true;
          break;
        } else value += char;
      }
      if (!closed) throw new InfoStringError(`unclosed quote in the value of \`${key}\``);
    } else {
      while (index < text.length && !/\s/.test(text[index]!)) value += text[index++];
    }
    if (key === '') throw new InfoStringError(`\`=${value}\` has no name before the \`=\``);
    words.push({ key, value });
  }

  const [first, ...rest] = words;
  const lang = first && first.value === undefined ? first.key.toLowerCase() : '';
  const flags: string[] = [];
  const attrs = new Map<string, string>();
  for (const word of first && first.value === undefined ? rest : words) {
    if (word.value === undefined) flags.push(word.key);
    else if (attrs.has(word.key)) throw new InfoStringError(`\`${word.key}\` is given twice`);
    else attrs.set(word.key, word.value);
  }
  return { lang, flags, attrs };
}

function rejectUnknown(what: string, words: InfoWords, allowedAttrs: readonly string[], allowedFlags: readonly string[]): void {
  for (const flag of words.flags) {
    if (!allowedFlags.includes(flag)) {
      throw new InfoStringError(
        `unknown keyword \`${flag}\` in a \`${what}\` fence` +
          (allowedFlags.length ? ` (allowed: ${allowedFlags.join(', ')})` : ''),
      );
    }
  }
  for (const key of words.attrs.keys()) {
    if (!allowedAttrs.includes(key)) {
      throw new InfoStringError(
        `unknown attribute \`${key}=\` in a \`${what}\` fence` +
          (allowedAttrs.length ? ` (allowed: ${allowedAttrs.map((name) => `${name}=`).join(', ')})` : ' (it takes none)'),
      );
    }
  }
}

function parseId(attrs: Map<string, string>): string | undefined {
  const id = attrs.get('id');
  if (id !== undefined && !ID_PATTERN.test(id)) {
    throw new InfoStringError(`id \`${id}\` must be lower-case letters, digits and dashes`);
  }
  return id;
}

function parseTimeout(attrs: Map<string, string>): number | undefined {
  const raw = attrs.get('timeout');
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > MAX_TIMEOUT_MS) {
    throw new InfoStringError(`timeout=${raw} must be a whole number of milliseconds between 1 and ${MAX_TIMEOUT_MS}`);
  }
  return value;
}

export function parseInfoString(info: string): FenceRole {
  const words = splitInfo(info);

  if (words.lang === 'md' && words.flags.includes('hint')) {
    rejectUnknown('md hint', words, [], ['hint']);
    return { kind: 'hint' };
  }
  if (!CELL_LANGS.has(words.lang)) {
    // Static code: the info string is only a language name; extra words are a mistake worth reporting.
    if (words.flags.length || words.attrs.size) {
      const extra = [...words.flags, ...[...words.attrs.keys()].map((key) => `${key}=`)].join(' ');
      throw new InfoStringError(
        `\`${words.lang || '(no language)'}\` fences are static code and take no keywords, found \`${extra}\`` +
          (words.lang === 'md' ? ' (did you mean `md hint`?)' : ''),
      );
    }
    return { kind: 'static', lang: words.lang || 'text' };
  }

  if (words.attrs.has('file')) {
    rejectUnknown('ts file=', words, ['file'], []);
    const file = words.attrs.get('file')!;
    // A path inside lessons/: no absolute paths, no `..`, no backslashes.
    if (!/^[a-z0-9_-]+(?:\/[a-z0-9_.-]+)*\.ts$/i.test(file) || file.split('/').includes('..')) {
      throw new InfoStringError(`file=${file} must be a .ts path inside lessons/, such as lib/tool-loop.ts`);
    }
    return { kind: 'file', path: file };
  }

  const roles = words.flags.filter((flag) => flag === 'exercise' || flag === 'check' || flag === 'solution');
  if (roles.length > 1) throw new InfoStringError(`a fence is one of exercise, check or solution, not \`${roles.join(' ')}\``);
  const role = roles[0];
  if (role === 'check' || role === 'solution') {
    rejectUnknown(`ts ${role}`, words, [], [role]);
    return { kind: role };
  }
  if (role === 'exercise') {
    rejectUnknown('ts exercise', words, ['id', 'title', 'timeout'], ['exercise', EMULATOR_ONLY]);
    const title = words.attrs.get('title')?.trim();
    if (!title) throw new InfoStringError('an exercise needs a title: ```ts exercise id=… title="…"');
    return {
      kind: 'exercise',
      id: parseId(words.attrs),
      title,
      timeoutMs: parseTimeout(words.attrs),
      emulatorOnly: words.flags.includes(EMULATOR_ONLY),
    };
  }
  rejectUnknown('ts', words, ['id', 'expect-error', 'timeout'], ['exercise', 'check', 'solution', EMULATOR_ONLY]);
  const expectError = words.attrs.get('expect-error');
  if (expectError !== undefined && expectError.trim() === '') throw new InfoStringError('expect-error= needs the text the error must contain');
  return {
    kind: 'cell',
    id: parseId(words.attrs),
    expectError,
    timeoutMs: parseTimeout(words.attrs),
    emulatorOnly: words.flags.includes(EMULATOR_ONLY),
  };
}
