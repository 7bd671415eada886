import { IdentifierRole, type Token } from 'sucrase/dist/parser/tokenizer/index.js';
import { ContextualKeyword } from 'sucrase/dist/parser/tokenizer/keywords.js';
import { TokenType as tt } from 'sucrase/dist/parser/tokenizer/types.js';

/** One declarator of a `const`/`let`/`var` statement: where it ends and whether it has `= init`. */
export interface Declarator {
  end: number;
  hasInit: boolean;
}

/** One binding of an import declaration: `imported` is `*` for a namespace, `default` for a default. */
export interface ImportBinding {
  imported: string;
  local: string;
}

/**
 * One top-level statement of a cell that the notebook rewrite cares about, with source offsets in the
 * type-stripped JavaScript. `exportStart` is where a leading `export` / `export default` starts.
 */
export type TopLevelItem =
  | { kind: 'variables'; keyword: 'var' | 'let' | 'const'; start: number; firstDeclaratorStart: number; declarators: Declarator[]; names: string[]; exportStart?: number }
  | { kind: 'function'; start: number; name: string; exportStart?: number }
  | { kind: 'class'; start: number; end: number; name: string; exportStart?: number }
  | { kind: 'import'; start: number; end: number; source: string; bindings: ImportBinding[] }
  /** `export { a }`, `export * from …`: no binding, removed. */
  | { kind: 'export-only'; start: number; end: number }
  /** `export default <expression or anonymous declaration>`: kept as an expression. */
  | { kind: 'export-default-expression'; start: number; expressionStart: number; expressionEnd: number };

/**
 * Walks a cell's top-level statements (no deeper) in sucrase's token stream of the type-stripped code:
 * the bindings a notebook shares between cells. Sucrase's parser already knows which identifiers
 * declare a top-level binding (`identifierRole`), where an initializer ends (`rhsEndIndex` on `=`)
 * and where an export statement ends (`rhsEndIndex` on `export`); this only follows the brackets.
 */
export function scanTopLevel(code: string, tokens: readonly Token[]): TopLevelItem[] {
  const items: TopLevelItem[] = [];
  let depth = 0;
  for (let index = 0; index < tokens.length; ) {
    const token = tokens[index]!;
    if (depth > 0 || token.type === tt.eof) {
      depth += bracketDelta(token);
      index += 1;
      continue;
    }
    const scanned =
      token.type === tt._export ? scanExport(code, tokens, index) : scanDeclaration(code, tokens, index, undefined);
    if (scanned) {
      items.push(scanned.item);
      index = scanned.next;
      continue;
    }
    depth += bracketDelta(token);
    index += 1;
  }
  return items;
}

/** Names an item binds in the shared notebook scope. */
export function boundNames(item: TopLevelItem): string[] {
  switch (item.kind) {
    case 'variables':
      return item.names;
    case 'import':
      return item.bindings.map((binding) => binding.local);
    case 'function':
    case 'class':
      return [item.name];
    default:
      return [];
  }
}

interface Scanned {
  item: TopLevelItem;
  /** Index of the first token after what the item covers (bracket depth there is 0 again). */
  next: number;
}

function bracketDelta(token: Token): number {
  switch (token.type) {
    case tt.braceL:
    case tt.parenL:
    case tt.bracketL:
    case tt.dollarBraceL:
      return 1;
    case tt.braceR:
    case tt.parenR:
    case tt.bracketR:
      return -1;
    default:
      return 0;
  }
}

function isTopLevelBinding(token: Token): boolean {
  return (
    token.scopeDepth === 0 &&
    (token.identifierRole === IdentifierRole.TopLevelDeclaration ||
      token.identifierRole === IdentifierRole.ObjectShorthandTopLevelDeclaration)
  );
}

/** A declaration starting at `index` (`const`, `function`, `class`, `import`, …), or undefined. */
function scanDeclaration(code: string, tokens: readonly Token[], index: number, exportStart: number | undefined): Scanned | undefined {
  const token = tokens[index]!;
  switch (token.type) {
    case tt._var:
    case tt._let:
    case tt._const:
      return scanVariables(code, tokens, index, exportStart);
    case tt._function:
      return scanFunction(code, tokens, index, index, exportStart);
    case tt._class:
      return scanClass(code, tokens, index, exportStart);
    case tt._import:
      return exportStart === undefined ? scanImport(code, tokens, index) : undefined;
    case tt.name:
      // `async function f() {}` (no line break after `async`, or it would be a separate expression)
      if (token.contextualKeyword === ContextualKeyword._async && tokens[index + 1]?.type === tt._function &&
          !/[\n\r\u2028\u2029]/.test(code.slice(token.end, tokens[index + 1]!.start))) {
        return scanFunction(code, tokens, index, index + 1, exportStart);
      }
      return undefined;
    default:
      return undefined;
  }
}

function scanVariables(code: string, tokens: readonly Token[], index: number, exportStart: number | undefined): Scanned | undefined {
  const keywordToken = tokens[index]!;
  const keyword = code.slice(keywordToken.start, keywordToken.end) as 'var' | 'let' | 'const';
  const declarators: Declarator[] = [];
  const names: string[] = [];
  let cursor = index + 1;
  const firstDeclaratorStart = tokens[cursor]?.start ?? keywordToken.end;
  for (;;) {
    const patternStart = cursor;
    cursor = skipBindingPattern(tokens, cursor);
    if (cursor === patternStart) return undefined; // not a declaration this scan understands
    for (let i = patternStart; i < cursor; i++) if (isTopLevelBinding(tokens[i]!)) names.push(identifierText(code, tokens[i]!));
    const after = tokens[cursor];
    if (after?.type === tt.eq && after.rhsEndIndex !== null) {
      cursor = after.rhsEndIndex;
      declarators.push({ end: tokens[cursor - 1]!.end, hasInit: true });
    } else {
      declarators.push({ end: tokens[cursor - 1]!.end, hasInit: false });
    }
    if (tokens[cursor]?.type !== tt.comma) break;
    cursor += 1;
  }
  return {
    item: { kind: 'variables', keyword, start: keywordToken.start, firstDeclaratorStart, declarators, names, ...(exportStart !== undefined ? { exportStart } : {}) },
    next: cursor,
  };
}

/** A binding identifier or a balanced `{…}`/`[…]` pattern starting at `index`; returns the index after it. */
function skipBindingPattern(tokens: readonly Token[], index: number): number {
  const first = tokens[index];
  if (!first) return index;
  if (first.type === tt.name) return index + 1;
  if (first.type !== tt.braceL && first.type !== tt.bracketL) return index;
  let depth = 0;
  for (let i = index; i < tokens.length; i++) {
    depth += bracketDelta(tokens[i]!);
    if (depth === 0) return i + 1;
  }
  return index;
}

function scanFunction(code: string, tokens: readonly Token[], start: number, functionIndex: number, exportStart: number | undefined): Scanned | undefined {
  let nameIndex = functionIndex + 1;
  if (tokens[nameIndex]?.type === tt.star) nameIndex += 1;
  const nameToken = tokens[nameIndex];
  // A function expression at statement level (`(function () {})` is not; `function () {}` alone is a
  // syntax error) has no top-level binding: leave it to the walk.
  if (!nameToken || nameToken.type !== tt.name || !isTopLevelBinding(nameToken)) return undefined;
  return {
    item: { kind: 'function', start: tokens[start]!.start, name: identifierText(code, nameToken), ...(exportStart !== undefined ? { exportStart } : {}) },
    // The body is walked like any other code (its brackets keep the depth above 0).
    next: nameIndex + 1,
  };
}

function scanClass(code: string, tokens: readonly Token[], index: number, exportStart: number | undefined): Scanned | undefined {
  const classToken = tokens[index]!;
  const nameToken = tokens[index + 1];
  if (!nameToken || nameToken.type !== tt.name || !isTopLevelBinding(nameToken)) return undefined;
  // Sucrase gives the `class` keyword and its body's braces one context id: the last such `}` ends it.
  let endIndex = -1;
  for (let i = index + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === tt.braceR && token.contextId === classToken.contextId) {
      endIndex = i;
      break;
    }
  }
  if (endIndex === -1) return undefined;
  return {
    item: { kind: 'class', start: classToken.start, end: tokens[endIndex]!.end, name: identifierText(code, nameToken), ...(exportStart !== undefined ? { exportStart } : {}) },
    next: endIndex + 1,
  };
}

function scanImport(code: string, tokens: readonly Token[], index: number): Scanned | undefined {
  const next = tokens[index + 1];
  // `import(…)` and `import.meta` are expressions.
  if (!next || next.type === tt.parenL || next.type === tt.dot) return undefined;
  const bindings: ImportBinding[] = [];
  let cursor = index + 1;
  // Sucrase marks every local name an import declares with the ImportDeclaration role.
  if (tokens[cursor]?.type === tt.name && tokens[cursor]!.identifierRole === IdentifierRole.ImportDeclaration) {
    bindings.push({ imported: 'default', local: identifierText(code, tokens[cursor]!) });
    cursor += 1;
    if (tokens[cursor]?.type === tt.comma) cursor += 1;
  }
  if (tokens[cursor]?.type === tt.star) {
    // `* as name`
    const local = tokens[cursor + 2];
    if (!local) return undefined;
    bindings.push({ imported: '*', local: identifierText(code, local) });
    cursor += 3;
  } else if (tokens[cursor]?.type === tt.braceL) {
    cursor += 1;
    while (tokens[cursor] && tokens[cursor]!.type !== tt.braceR) {
      const importedToken = tokens[cursor]!;
      // `'odd name' as x`: sucrase types the string as a name token; its text still has the quotes.
      const text = identifierText(code, importedToken);
      const imported = text.startsWith('"') || text.startsWith("'") ? stringValue(code, importedToken) : text;
      let local = imported;
      cursor += 1;
      if (tokens[cursor] && isContextual(tokens[cursor]!, ContextualKeyword._as)) {
        local = identifierText(code, tokens[cursor + 1]!);
        cursor += 2;
      }
      bindings.push({ imported, local });
      if (tokens[cursor]?.type === tt.comma) cursor += 1;
    }
    cursor += 1; // `}`
  }
  if (cursor > index + 1) cursor += 1; // `from`
  const sourceToken = tokens[cursor];
  if (!sourceToken || sourceToken.type !== tt.string) return undefined;
  const source = stringValue(code, sourceToken);
  cursor += 1;
  let end = sourceToken.end;
  // Import attributes: `with { type: 'json' }`
  if (tokens[cursor]?.type === tt._with || (tokens[cursor] && isContextual(tokens[cursor]!, ContextualKeyword._assert))) {
    const after = skipBindingPattern(tokens, cursor + 1);
    if (after > cursor + 1) {
      end = tokens[after - 1]!.end;
      cursor = after;
    }
  }
  return { item: { kind: 'import', start: tokens[index]!.start, end, source, bindings }, next: cursor };
}

function scanExport(code: string, tokens: readonly Token[], index: number): Scanned | undefined {
  const exportToken = tokens[index]!;
  const statementEnd = exportToken.rhsEndIndex;
  if (statementEnd === null) return undefined;
  const next = tokens[index + 1];
  if (!next) return undefined;
  if (next.type === tt._default) {
    const declaration = scanDeclaration(code, tokens, index + 2, exportToken.start);
    if (declaration && (declaration.item.kind === 'function' || declaration.item.kind === 'class')) return declaration;
    let last = statementEnd - 1;
    if (tokens[last]?.type === tt.semi) last -= 1;
    const expressionStart = tokens[index + 2];
    if (!expressionStart || last < index + 2) return undefined;
    return {
      item: { kind: 'export-default-expression', start: exportToken.start, expressionStart: expressionStart.start, expressionEnd: tokens[last]!.end },
      next: statementEnd,
    };
  }
  const declaration = scanDeclaration(code, tokens, index + 1, exportToken.start);
  if (declaration) return declaration;
  return { item: { kind: 'export-only', start: exportToken.start, end: tokens[statementEnd - 1]!.end }, next: statementEnd };
}

function isContextual(token: Token, keyword: ContextualKeyword): boolean {
  return token.type === tt.name && token.contextualKeyword === keyword;
}

function identifierText(code: string, token: Token): string {
  return code.slice(token.start, token.end);
}

/** The value of a string literal token (module specifiers: escapes are rare, quotes are either kind). */
function stringValue(code: string, token: Token): string {
  const body = code.slice(token.start + 1, token.end - 1);
  if (!body.includes('\\')) return body;
  try {
    return JSON.parse(`"${body.replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"')}"`) as string;
  } catch {
    return body;
  }
}
