import path from 'node:path';
import ts from 'typescript';
import { readLessonCode } from '../../src/lessons/lesson-code';
import { COURSE_MODULES } from '../../src/runner/course-modules';
import { PROJECT_ROOT } from './course-files';

/**
 * Type-checks lesson cells with the TypeScript compiler API against the SDK's declarations and the
 * sandbox globals (src/lessons/sandbox-globals.d.ts).
 *
 * Each lesson becomes one virtual module in notebook order, so later cells see earlier declarations:
 *   - plain cells in order;
 *   - for an exercise: the starter in its own `{ … }` block (it must type-check but is replaced),
 *     then the solution, then the checks in a `{ … }` block (they see the solution's declarations);
 *   - a cell that declares a name an earlier cell already declared (the notebook allows re-running
 *     and re-declaring) is wrapped in a `{ … }` block, so its declarations shadow instead of clashing.
 *     Later cells keep seeing the first declaration's type: simple, and right whenever a lesson
 *     redefines something with the same shape.
 *   - `import` declarations are hoisted to the top (imports are not allowed in blocks), deduplicated.
 * A segment table maps every virtual line back to the markdown line it came from.
 */

export interface CellDiagnostic {
  /** `lessons/NN-slug.md:LINE` */
  location: string;
  /** What the code was: `01-first-request/raw-fetch (solution)`. */
  cell: string;
  message: string;
}

interface Segment {
  /** 0-based first line in the virtual file. */
  virtualLine: number;
  lineCount: number;
  /** 1-based markdown line of the segment's first line. */
  markdownLine: number;
  label: string;
}

interface VirtualLesson {
  markdownFile: string;
  virtualPath: string;
  text: string;
  segments: Segment[];
}

export const SANDBOX_GLOBALS_PATH = path.join(PROJECT_ROOT, 'src/lessons/sandbox-globals.d.ts');

export const CELL_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  // The sandbox is a browser worker: no Node globals, only what sandbox-globals.d.ts declares.
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  // Cells import the course's own modules by specifier (src/runner/course-modules.ts).
  paths: Object.fromEntries(Object.entries(COURSE_MODULES).map(([specifier, file]) => [specifier, [path.join(PROJECT_ROOT, file)]])),
};

function topLevelNames(file: ts.SourceFile): string[] {
  const names: string[] = [];
  const addBinding = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) statement.declarationList.declarations.forEach((d) => addBinding(d.name));
    else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) &&
      statement.name
    ) {
      names.push(statement.name.text);
    }
  }
  return names;
}

interface ImportOrigin {
  markdownLine: number;
  label: string;
}

/**
 * The lesson's imports, one binding per local name: the notebook imports each time a cell runs, so
 * `import type X` in one cell and `import X` in another are one binding (a value import wins).
 */
class ImportTable {
  private readonly bindings = new Map<string, { module: string; clause: string; typeOnly: boolean; origin: ImportOrigin }>();
  private readonly sideEffects = new Map<string, ImportOrigin>();

  add(statement: ts.ImportDeclaration, origin: ImportOrigin): void {
    const module = (statement.moduleSpecifier as ts.StringLiteral).text;
    const clause = statement.importClause;
    if (!clause) {
      if (!this.sideEffects.has(module)) this.sideEffects.set(module, origin);
      return;
    }
    const clauseTypeOnly = clause.isTypeOnly;
    const bind = (local: string, clauseText: string, typeOnly: boolean) => {
      const existing = this.bindings.get(local);
      if (existing && existing.module === module && existing.clause === clauseText) existing.typeOnly &&= typeOnly;
      else if (!existing) this.bindings.set(local, { module, clause: clauseText, typeOnly, origin });
      // A clash (same name from elsewhere) is kept as the first binding; TypeScript will flag the uses.
    };
    if (clause.name) bind(clause.name.text, clause.name.text, clauseTypeOnly);
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) bind(named.name.text, `* as ${named.name.text}`, clauseTypeOnly);
    if (named && ts.isNamedImports(named)) {
      for (const element of named.elements) {
        const imported = element.propertyName?.text ?? element.name.text;
        const text = imported === element.name.text ? `{ ${imported} }` : `{ ${imported} as ${element.name.text} }`;
        bind(element.name.text, text, clauseTypeOnly || element.isTypeOnly);
      }
    }
  }

  statements(): { text: string; markdownLine: number; label: string }[] {
    return [
      ...[...this.sideEffects].map(([module, origin]) => ({ text: `import ${JSON.stringify(module)};`, ...origin })),
      ...[...this.bindings.values()].map(({ module, clause, typeOnly, origin }) => ({
        text: `import ${typeOnly ? 'type ' : ''}${clause} from ${JSON.stringify(module)};`,
        ...origin,
      })),
    ];
  }
}

/** Builds one lesson's virtual notebook module. */
export function buildVirtualLesson(source: string, markdownFile: string): VirtualLesson {
  const cells = readLessonCode(source, markdownFile);
  const imports = new ImportTable();
  const body: { code: string; markdownLine: number; label: string; wrap: boolean }[] = [];
  const declared = new Set<string>();

  const add = (code: string, fenceLine: number, label: string, placement: 'top' | 'block' | 'auto') => {
    const file = ts.createSourceFile('cell.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    let withoutImports = code;
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement)) continue;
      const line = file.getLineAndCharacterOfPosition(statement.getStart(file)).line;
      imports.add(statement, { markdownLine: fenceLine + 1 + line, label });
      const start = statement.getStart(file);
      const end = statement.getEnd();
      withoutImports = withoutImports.slice(0, start) + withoutImports.slice(start, end).replace(/[^\n]/g, ' ') + withoutImports.slice(end);
    }
    const names = topLevelNames(file);
    const wrap = placement === 'block' || (placement === 'auto' && names.some((name) => declared.has(name)));
    if (!wrap) names.forEach((name) => declared.add(name));
    body.push({ code: withoutImports, markdownLine: fenceLine + 1, label, wrap });
  };

  for (const cell of cells) {
    if (!cell.exercise) {
      add(cell.code, cell.line, cell.id, 'auto');
      continue;
    }
    add(cell.code, cell.line, `${cell.id} (starter)`, 'block');
    add(cell.exercise.solution, cell.exercise.solutionLine, `${cell.id} (solution)`, 'auto');
    add(cell.exercise.checks, cell.exercise.checksLine, `${cell.id} (check)`, 'block');
  }

  const lines: string[] = [];
  const segments: Segment[] = [];
  const push = (code: string, markdownLine: number, label: string) => {
    const codeLines = code.split('\n');
    segments.push({ virtualLine: lines.length, lineCount: codeLines.length, markdownLine, label });
    lines.push(...codeLines);
  };
  for (const entry of imports.statements()) push(entry.text, entry.markdownLine, entry.label);
  lines.push('export {};');
  for (const entry of body) {
    if (entry.wrap) lines.push('{');
    push(entry.code, entry.markdownLine, entry.label);
    if (entry.wrap) lines.push('}');
  }
  const virtualPath = path.join(PROJECT_ROOT, 'lessons', '.typecheck', path.basename(markdownFile, '.md') + '.ts');
  return { markdownFile, virtualPath, text: lines.join('\n'), segments };
}

/** Type-checks several lessons in one program (the SDK's declarations are loaded once). */
export function typecheckLessons(lessons: { file: string; source: string }[], extraFiles: Record<string, string> = {}): {
  byLesson: Map<string, CellDiagnostic[]>;
  extra: Map<string, string[]>;
} {
  const virtualLessons = lessons.map(({ file, source }) => buildVirtualLesson(source, file));
  const virtualText = new Map<string, string>(virtualLessons.map((lesson) => [lesson.virtualPath, lesson.text]));
  for (const [file, text] of Object.entries(extraFiles)) virtualText.set(file, text);

  const host = ts.createCompilerHost(CELL_COMPILER_OPTIONS);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => virtualText.get(file) ?? readFile(file);
  host.fileExists = (file) => virtualText.has(file) || fileExists(file);
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    const text = virtualText.get(file);
    return text !== undefined ? ts.createSourceFile(file, text, languageVersion, true) : getSourceFile(file, languageVersion, onError, shouldCreate);
  };
  const program = ts.createProgram([SANDBOX_GLOBALS_PATH, ...virtualText.keys()], CELL_COMPILER_OPTIONS, host);

  const flatten = (diagnostic: ts.Diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const diagnosticsOf = (file: string) => {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) throw new Error(`not in the program: ${file}`);
    return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
  };

  const byLesson = new Map<string, CellDiagnostic[]>();
  for (const lesson of virtualLessons) {
    byLesson.set(
      lesson.markdownFile,
      diagnosticsOf(lesson.virtualPath).map((diagnostic) => {
        const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line : -1;
        const segment = lesson.segments.find((s) => line >= s.virtualLine && line < s.virtualLine + s.lineCount);
        return segment
          ? { location: `${lesson.markdownFile}:${segment.markdownLine + line - segment.virtualLine}`, cell: segment.label, message: flatten(diagnostic) }
          : { location: `${lesson.markdownFile}`, cell: '(generated wrapper)', message: flatten(diagnostic) };
      }),
    );
  }
  const extra = new Map<string, string[]>();
  for (const file of Object.keys(extraFiles)) extra.set(file, diagnosticsOf(file).map(flatten));
  // The globals file itself must be valid.
  extra.set(SANDBOX_GLOBALS_PATH, diagnosticsOf(SANDBOX_GLOBALS_PATH).map(flatten));
  return { byLesson, extra };
}

export function formatDiagnostics(diagnostics: CellDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.location} [${d.cell}]: ${d.message}`);
}

