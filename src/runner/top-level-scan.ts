import type {
  ClassDeclaration,
  FunctionDeclaration,
  ImportDeclaration,
  ModuleDeclaration,
  Pattern,
  Program,
  Statement,
  VariableDeclaration,
} from 'acorn';

/** One top-level statement of a cell that the notebook rewrite cares about. */
export type TopLevelItem =
  | { kind: 'variables'; node: VariableDeclaration; names: string[]; exportStart?: number }
  | { kind: 'function'; node: FunctionDeclaration; name: string; exportStart?: number }
  | { kind: 'class'; node: ClassDeclaration; name: string; exportStart?: number }
  | { kind: 'import'; node: ImportDeclaration; names: string[] }
  /** `export { a }`, `export * from …`: no binding, removed. */
  | { kind: 'export-only'; start: number; end: number }
  /** `export default <expression or anonymous declaration>`: kept as an expression. */
  | { kind: 'export-default-expression'; start: number; expressionStart: number; expressionEnd: number };

/** Walks a cell's top-level statements (no deeper): the bindings a notebook shares between cells. */
export function scanTopLevel(program: Program): TopLevelItem[] {
  const items: TopLevelItem[] = [];
  for (const statement of program.body as (Statement | ModuleDeclaration)[]) {
    switch (statement.type) {
      case 'VariableDeclaration':
        if (isSharedKind(statement)) items.push(variablesItem(statement));
        break;
      case 'FunctionDeclaration':
        items.push({ kind: 'function', node: statement, name: statement.id.name });
        break;
      case 'ClassDeclaration':
        items.push({ kind: 'class', node: statement, name: statement.id.name });
        break;
      case 'ImportDeclaration':
        items.push({ kind: 'import', node: statement, names: statement.specifiers.map((s) => s.local.name) });
        break;
      case 'ExportNamedDeclaration': {
        const declaration = statement.declaration;
        if (!declaration) items.push({ kind: 'export-only', start: statement.start, end: statement.end });
        else if (declaration.type === 'VariableDeclaration' && isSharedKind(declaration))
          items.push({ ...variablesItem(declaration), exportStart: statement.start });
        else if (declaration.type === 'FunctionDeclaration')
          items.push({ kind: 'function', node: declaration, name: declaration.id.name, exportStart: statement.start });
        else if (declaration.type === 'ClassDeclaration')
          items.push({ kind: 'class', node: declaration, name: declaration.id.name, exportStart: statement.start });
        break;
      }
      case 'ExportAllDeclaration':
        items.push({ kind: 'export-only', start: statement.start, end: statement.end });
        break;
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        if (declaration.type === 'FunctionDeclaration' && declaration.id)
          items.push({ kind: 'function', node: declaration, name: declaration.id.name, exportStart: statement.start });
        else if (declaration.type === 'ClassDeclaration' && declaration.id)
          items.push({ kind: 'class', node: declaration, name: declaration.id.name, exportStart: statement.start });
        else
          items.push({
            kind: 'export-default-expression',
            start: statement.start,
            expressionStart: declaration.start,
            expressionEnd: declaration.end,
          });
        break;
      }
      default:
        break;
    }
  }
  return items;
}

/** Names an item binds in the shared notebook scope. */
export function boundNames(item: TopLevelItem): string[] {
  switch (item.kind) {
    case 'variables':
    case 'import':
      return item.names;
    case 'function':
    case 'class':
      return [item.name];
    default:
      return [];
  }
}

// `using` declarations dispose at the end of their scope: they stay local to the cell.
function isSharedKind(declaration: VariableDeclaration): boolean {
  return declaration.kind === 'var' || declaration.kind === 'let' || declaration.kind === 'const';
}

function variablesItem(node: VariableDeclaration): Extract<TopLevelItem, { kind: 'variables' }> {
  const names: string[] = [];
  for (const declarator of node.declarations) collectPatternNames(declarator.id, names);
  return { kind: 'variables', node, names };
}

function collectPatternNames(pattern: Pattern, out: string[]): void {
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern.name);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties) {
        if (property.type === 'RestElement') collectPatternNames(property.argument, out);
        else collectPatternNames(property.value as Pattern, out);
      }
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements) if (element) collectPatternNames(element, out);
      break;
    case 'RestElement':
      collectPatternNames(pattern.argument, out);
      break;
    case 'AssignmentPattern':
      collectPatternNames(pattern.left, out);
      break;
    default:
      break;
  }
}
