/**
 * Cuts a TypeScript lib file (e.g. lib.webworker.d.ts, 0.8 MB) down to the declarations that some root
 * names need, following every name a kept declaration mentions. Build-time only (Node, the TypeScript
 * compiler API): see generate-worker-globals.ts. The editor's TypeScript worker parses every lib before
 * its first answer, so what cells never touch (IndexedDB, WebGL, WebRTC…) only slows completions down.
 */
import ts from 'typescript';

/** Top-level names a statement declares (`declare var a, b`, `interface A`, `declare function f`, …). */
function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) => (ts.isIdentifier(declaration.name) ? [declaration.name.text] : []));
  }
  if (
    (ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isModuleDeclaration(statement) ||
      ts.isEnumDeclaration(statement)) &&
    statement.name &&
    ts.isIdentifier(statement.name)
  ) {
    return [statement.name.text];
  }
  return [];
}

/** Every identifier inside `node` (over-inclusive on purpose: a kept name too many only costs bytes). */
function mentionedNames(node: ts.Node, into: Set<string>): Set<string> {
  if (ts.isIdentifier(node)) into.add(node.text);
  node.forEachChild((child) => void mentionedNames(child, into));
  return into;
}

/** Identifiers of a whole source text: the names declaration files (SDK typings, sandbox globals) use. */
export function namesUsedIn(text: string): Set<string> {
  return mentionedNames(ts.createSourceFile('used.d.ts', text, ts.ScriptTarget.Latest, false), new Set());
}

/**
 * The statements of `libText` that declare `roots` or anything they need, in their original order and with
 * their doc comments (so hovers still explain them). `exclude` names are never kept (e.g. the worker's global
 * scope object, whose interface mentions every API of the platform).
 */
export function libSubset(libText: string, roots: Iterable<string>, exclude: Iterable<string> = []): string {
  const file = ts.createSourceFile('lib.d.ts', libText, ts.ScriptTarget.Latest, true);
  const byName = new Map<string, ts.Statement[]>();
  for (const statement of file.statements) {
    for (const name of declaredNames(statement)) byName.set(name, [...(byName.get(name) ?? []), statement]);
  }
  const excluded = new Set(exclude);
  const kept = new Set<ts.Statement>();
  const pending = [...roots].filter((name) => byName.has(name) && !excluded.has(name));
  const seen = new Set(pending);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const statement of byName.get(name) ?? []) {
      if (kept.has(statement)) continue;
      kept.add(statement);
      for (const mentioned of mentionedNames(statement, new Set())) {
        if (!seen.has(mentioned) && byName.has(mentioned) && !excluded.has(mentioned)) {
          seen.add(mentioned);
          pending.push(mentioned);
        }
      }
    }
  }
  const body = file.statements.filter((statement) => kept.has(statement)).map((statement) => statement.getFullText().replace(/^\s*\n/, ''));
  // The lib's `no-default-lib` directive would make TypeScript treat the subset as a default lib file.
  return `${body.join('\n').replace(/^\/\/\/ <reference no-default-lib="true"\s*\/>\n/m, '').trim()}\n`;
}
