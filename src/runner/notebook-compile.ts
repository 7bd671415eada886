import { boundNames, scanTopLevel, type TopLevelItem } from './top-level-scan';
import { mapColumnToSource } from './column-map';
import { stripTypes, tokenizeCell } from './strip-types';

/**
 * What compiled cell code calls at run time (passed as the wrapper's first parameter, `__tp`).
 * `scope` is the lesson's shared notebook scope: the worker's global object, so that learner
 * functions declared in one cell see names declared by later cells, as in a notebook.
 */
export interface NotebookHooks {
  scope: Record<string, unknown>;
  /** Makes each name an own, writable property of `scope` (keeps an existing value). */
  declare(names: string[]): void;
  /** Resolves a module specifier (only `@anthropic-ai/sdk…`) to its namespace object. */
  import(specifier: string): Promise<Record<string, unknown>>;
}

export interface CompiledCell {
  /** Script for indirect `eval`; it evaluates to `async function (__tp, ...params)`. */
  script: string;
  /** Number of lines in `script` before the learner's line 1. */
  lineOffset: number;
  /** Names the cell binds in the notebook scope. */
  declared: string[];
  /**
   * Maps a 1-based column on the learner's line `line` of the compiled code back to their TypeScript;
   * with `name`, to that identifier's first whole-word occurrence from there on (else on the line).
   */
  toSourceColumn(line: number, column: number, name?: string): number;
}

export interface CompileOptions {
  /** `//# sourceURL` of the script: stack frames name it, which is how errors map back to the cell. */
  sourceUrl: string;
  /** Extra parameter names of the wrapper (check runs get `check`, `expect`, `exchanges`). */
  params?: string[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Turns one TypeScript cell into a script whose top-level declarations become bindings of the shared
 * notebook scope: `const {a} = o` → `;({a} = o)`, `class C {}` → `;C = class C {};`, function
 * declarations are copied to the scope, imports become `await __tp.import(…)` at the top. Re-running a
 * cell simply assigns again, so there is no "already declared"; top-level `await` works because the body
 * runs in an async function. Every edit keeps the line structure, so line numbers map back by `lineOffset`.
 */
export function compileCell(tsCode: string, options: CompileOptions): CompiledCell {
  const js = stripTypes(tsCode);
  const items = scanTopLevel(js, tokenizeCell(js));
  const edits: Edit[] = [];
  const importStatements: string[] = [];
  const functionCopies: string[] = [];
  const declared = new Set<string>();

  for (const item of items) {
    for (const name of boundNames(item)) declared.add(name);
    rewriteItem(item, js, edits, importStatements, functionCopies);
  }

  const params = ['__tp', ...(options.params ?? [])].join(', ');
  const prologue =
    `(async function __tpCell(${params}) {"use strict"; __tp.declare(${JSON.stringify([...declared])}); ` +
    importStatements.join(' ') +
    functionCopies.join(' ');
  const body = applyEdits(js, edits);
  return {
    script: `${prologue}\n${body}\n})\n//# sourceURL=${options.sourceUrl}`,
    lineOffset: 1,
    declared: [...declared],
    toSourceColumn: (line, column, name) => {
      const compiledLine = body.split('\n')[line - 1];
      const sourceLine = tsCode.split('\n')[line - 1];
      if (compiledLine === undefined || sourceLine === undefined) return column;
      const mapped = mapColumnToSource(compiledLine.replace(/\r$/, ''), sourceLine.replace(/\r$/, ''), column);
      return name === undefined ? mapped : (identifierColumn(sourceLine, name, mapped) ?? mapped);
    },
  };
}

function rewriteItem(
  item: TopLevelItem,
  js: string,
  edits: Edit[],
  importStatements: string[],
  functionCopies: string[],
): void {
  switch (item.kind) {
    case 'variables': {
      // `export const ` / `const ` → `;(` padded with spaces: the statement becomes an assignment expression.
      const keywordStart = item.exportStart ?? item.start;
      edits.push({ start: keywordStart, end: item.firstDeclaratorStart, text: ';(' + blank(js.slice(keywordStart + 2, item.firstDeclaratorStart)) });
      for (const declarator of item.declarators) {
        // `let x;` re-run must reset x, as a fresh declaration would; a bare `var x;` keeps its value.
        if (!declarator.hasInit && item.keyword !== 'var') edits.push({ start: declarator.end, end: declarator.end, text: ' = void 0' });
      }
      const last = item.declarators[item.declarators.length - 1];
      // `);`: the original statement ended there, so the next line must not continue the expression.
      if (last) edits.push({ start: last.end, end: last.end, text: ');' });
      return;
    }
    case 'function':
      if (item.exportStart !== undefined) edits.push(blankEdit(js, item.exportStart, item.start));
      functionCopies.push(`__tp.scope[${JSON.stringify(item.name)}] = ${item.name};`);
      return;
    case 'class': {
      const start = item.exportStart ?? item.start;
      edits.push({ start, end: item.start, text: `;${item.name} = ` + blank(js.slice(start, item.start)) });
      edits.push({ start: item.end, end: item.end, text: ';' });
      return;
    }
    case 'import': {
      const source = JSON.stringify(item.source);
      const named: string[] = [];
      let namespace: string | undefined;
      for (const binding of item.bindings) {
        if (binding.imported === '*') namespace = binding.local;
        else named.push(`${JSON.stringify(binding.imported)}: ${binding.local}`);
      }
      if (namespace !== undefined) importStatements.push(`${namespace} = await __tp.import(${source});`);
      if (named.length > 0) importStatements.push(`({ ${named.join(', ')} } = await __tp.import(${source}));`);
      if (namespace === undefined && named.length === 0) importStatements.push(`await __tp.import(${source});`);
      edits.push(blankEdit(js, item.start, item.end));
      return;
    }
    case 'export-only':
      edits.push(blankEdit(js, item.start, item.end));
      return;
    case 'export-default-expression':
      edits.push({ start: item.start, end: item.expressionStart, text: ';(' + blank(js.slice(item.start + 2, item.expressionStart)) });
      edits.push({ start: item.expressionEnd, end: item.expressionEnd, text: ')' });
      return;
  }
}

/** 1-based column of `name` as a whole identifier in `line`, the first at or after `fromColumn`, else the first. */
function identifierColumn(line: string, name: string, fromColumn: number): number | undefined {
  const escaped = name.replace(/[$]/g, '\\$&');
  // Not part of a longer name, and not a property (`a.name`; a spread `...name` is fine).
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}$_])(?<!(?<!\\.)\\.)${escaped}(?![\\p{L}\\p{N}$_])`, 'gu');
  let first: number | undefined;
  for (const match of line.matchAll(pattern)) {
    first ??= match.index + 1;
    if (match.index + 1 >= fromColumn) return match.index + 1;
  }
  return first;
}

/** Same text with every character but line breaks turned into a space (keeps lines and columns). */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

function blankEdit(js: string, start: number, end: number): Edit {
  return { start, end, text: blank(js.slice(start, end)) };
}

function applyEdits(js: string, edits: Edit[]): string {
  // Stable order: by position, insertions at the same point in the order they were made.
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.index - b.index);
  let out = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.start < cursor) continue; // overlapping edits cannot happen for distinct top-level statements
    out += js.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + js.slice(cursor);
}
