import ts from 'typescript';
import { readLessonCode } from '../../src/lessons/lesson-code';
import { COURSE_MODELS } from '../../src/lessons/course-models';

/**
 * Two rules every lesson must keep, found by reading the cells' TypeScript (after `{{model:…}}` is
 * replaced by the id, exactly as the learner's page runs it):
 *
 *  1. `content-by-position`: no reading `content[0]` (or `content.at(0)`, or `const [first] = x.content`)
 *     of a reply from a model that thinks when the request does not switch thinking off: its first block is
 *     then often a `thinking` block, empty by default (`display: "omitted"`), so `content[0].text` is undefined.
 *  2. `forced-tool-choice`: no `tool_choice` of type `any` or `tool` sent to a model that answers it with
 *     a 400 (`tool_choice: type "tool" and "any" are not supported for this model.`).
 *
 * Which model a reply comes from is found by following the code back: a variable to its declaration
 * (the last one before the use in notebook order, or any), `await`/`as`/parentheses to what they wrap,
 * and from there to the request object that has a `model` property (also through `fetch(…, { body:
 * JSON.stringify({…}) })`, a stream's `finalMessage()`, or a call to a function the lesson defined). The
 * model value is followed the same way to a string. When the model cannot be found, the read counts as a
 * violation: the learner's code cannot know either.
 */

/**
 * Models that think when `thinking` is omitted: every 5.x, Fable and Mythos model and Mythos Preview.
 * Opus 4.8, Opus 4.7, Opus 4.6, Sonnet 4.6 and the 4.5 models do not.
 * Source: /work/shared/reference/models.md §2 ("`thinking` omitted" column) and §5 rule 1;
 * docs: platform.claude.com/docs/en/build-with-claude/thinking (2026-10-08 copy).
 */
const THINKS_UNLESS_DISABLED = /^claude-(?:(?:sonnet|opus|haiku|fable|mythos)-5(?:-\d+)?|mythos-preview)$/;
/** Where `thinking: {type: "disabled"}` is a 400, so thinking cannot be switched off (models.md §2, §5 rule 4). */
const THINKING_ALWAYS_ON = /^claude-(?:opus-5-5|sonnet-5-5|fable-5(?:-\d+)?|mythos-5(?:-\d+)?|mythos-preview)$/;
/**
 * Models that answer a forced `tool_choice` with a 400: Opus 5.5, Sonnet 5.5, Fable 5.1, Mythos 5.1
 * (models.md §3, §5 rule 10; docs: api/errors, 2026-10-08 copy). Fable 5.2 and Mythos 5.2 are unverified;
 * the course does not teach what is unverified, so they count as rejecting it too.
 */
const REJECTS_FORCED_TOOL_CHOICE = /^claude-(?:opus-5-5|sonnet-5-5|fable-5-[12]|mythos-5-[12])$/;

export interface RuleViolation {
  rule: 'content-by-position' | 'forced-tool-choice';
  /** `lessons/NN-slug.md:LINE` */
  location: string;
  /** The cell (and part of an exercise) it is in. */
  cell: string;
  message: string;
}

interface ParsedCell {
  label: string;
  /** The cell is meant to fail with this error (`expect-error=`): it may show what the API refuses. */
  expectError?: string;
  /** Markdown line of the fence. */
  fenceLine: number;
  file: ts.SourceFile;
  order: number;
}

const ROLE_BY_ID = new Map<string, string>(Object.entries(COURSE_MODELS).map(([role, id]) => [id, role]));
const describeModel = (id: string) => (ROLE_BY_ID.has(id) ? `${id} ({{model:${ROLE_BY_ID.get(id)}}})` : id);

/** Strips what does not change which value an expression is: `await`, `as`, `!`, `satisfies`, parentheses. */
function unwrap(node: ts.Expression): ts.Expression {
  for (;;) {
    if (ts.isAwaitExpression(node) || ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
      node = node.expression;
    } else return node;
  }
}

function propertyNamed(literal: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return literal.properties.find((property) => property.name !== undefined && ts.isIdentifier(property.name) ? property.name.text === name : property.name !== undefined && ts.isStringLiteral(property.name) && property.name.text === name);
}

class LessonCode {
  readonly cells: ParsedCell[] = [];
  /** Every declaration of a name in the lesson: variables, parameters, functions, for-of bindings. */
  private readonly declarations = new Map<string, { node: ts.Node; cell: ParsedCell }[]>();

  constructor(source: string, readonly markdownFile: string) {
    let order = 0;
    const add = (code: string, fenceLine: number, label: string, expectError?: string) => {
      const file = ts.createSourceFile(`${label}.ts`, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      const cell: ParsedCell = { label, fenceLine, file, order: order++, ...(expectError === undefined ? {} : { expectError }) };
      this.cells.push(cell);
      const visit = (node: ts.Node) => {
        if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) && ts.isIdentifier(node.name)) this.declare(node.name.text, node, cell);
        if (ts.isFunctionDeclaration(node) && node.name) this.declare(node.name.text, node, cell);
        ts.forEachChild(node, visit);
      };
      visit(file);
    };
    for (const cell of readLessonCode(source, markdownFile)) {
      if (!cell.exercise) {
        add(cell.code, cell.line, cell.id, cell.expectError);
        continue;
      }
      add(cell.code, cell.line, `${cell.id} (starter)`);
      add(cell.exercise.solution, cell.exercise.solutionLine, `${cell.id} (solution)`);
      add(cell.exercise.checks, cell.exercise.checksLine, `${cell.id} (check)`);
    }
  }

  private declare(name: string, node: ts.Node, cell: ParsedCell): void {
    const list = this.declarations.get(name) ?? [];
    list.push({ node, cell });
    this.declarations.set(name, list);
  }

  /** The declaration a name refers to at `use`: the nearest one in the same cell before it, else the last earlier cell's. */
  declarationOf(name: string, use: ts.Node, cell: ParsedCell): ts.Node | undefined {
    const all = this.declarations.get(name) ?? [];
    const sameCell = all.filter((entry) => entry.cell === cell && entry.node.getStart() <= use.getStart());
    if (sameCell.length) return sameCell.at(-1)!.node;
    const earlier = all.filter((entry) => entry.cell.order < cell.order);
    if (earlier.length) return earlier.at(-1)!.node;
    return all[0]?.node;
  }

  cellOf(node: ts.Node): ParsedCell {
    const file = node.getSourceFile();
    return this.cells.find((cell) => cell.file === file)!;
  }

  where(node: ts.Node): { location: string; cell: string } {
    const cell = this.cellOf(node);
    const line = cell.file.getLineAndCharacterOfPosition(node.getStart()).line;
    return { location: `${this.markdownFile}:${cell.fenceLine + 1 + line}`, cell: cell.label };
  }

  /** The string an expression stands for, following identifiers and `const` declarations. */
  stringValue(node: ts.Expression, depth = 0): string | undefined {
    const inner = unwrap(node);
    if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return inner.text;
    if (ts.isIdentifier(inner) && depth < 8) {
      const declaration = this.declarationOf(inner.text, inner, this.cellOf(inner));
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) return this.stringValue(declaration.initializer, depth + 1);
    }
    return undefined;
  }

  /** The expression a name or shorthand property stands for (its initializer), if there is one. */
  valueOf(node: ts.Expression): ts.Expression | undefined {
    const inner = unwrap(node);
    if (!ts.isIdentifier(inner)) return inner;
    const declaration = this.declarationOf(inner.text, inner, this.cellOf(inner));
    if (declaration && ts.isVariableDeclaration(declaration)) return declaration.initializer;
    return undefined;
  }

  /**
   * The request object literals (with a `model` property) that produced a value: searched in the
   * expression, then in what its names refer to and in the bodies of the lesson's functions it calls.
   */
  requestsBehind(node: ts.Node, seen = new Set<ts.Node>(), depth = 0): ts.ObjectLiteralExpression[] {
    if (depth > 10 || seen.has(node)) return [];
    seen.add(node);
    const found: ts.ObjectLiteralExpression[] = [];
    const visit = (current: ts.Node) => {
      if (ts.isObjectLiteralExpression(current) && propertyNamed(current, 'model')) {
        found.push(current);
        return;
      }
      if (ts.isIdentifier(current) && !(ts.isPropertyAccessExpression(current.parent) && current.parent.name === current)) {
        const declaration = this.declarationOf(current.text, current, this.cellOf(current));
        if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) found.push(...this.requestsBehind(declaration.initializer, seen, depth + 1));
        if (declaration && ts.isFunctionDeclaration(declaration) && declaration.body) found.push(...this.requestsBehind(declaration.body, seen, depth + 1));
        return;
      }
      ts.forEachChild(current, visit);
    };
    visit(node);
    return found;
  }

  /** The model id a request literal names, or undefined when it cannot be followed to a string. */
  modelOf(request: ts.ObjectLiteralExpression): string | undefined {
    const property = propertyNamed(request, 'model')!;
    if (ts.isShorthandPropertyAssignment(property)) return this.stringValue(property.name);
    if (ts.isPropertyAssignment(property)) return this.stringValue(property.initializer);
    return undefined;
  }

  /** `thinking.type` of a request literal, when it is written there. */
  thinkingTypeOf(request: ts.ObjectLiteralExpression): string | undefined {
    const property = propertyNamed(request, 'thinking');
    if (!property || !ts.isPropertyAssignment(property)) return undefined;
    const value = this.valueOf(property.initializer);
    if (!value || !ts.isObjectLiteralExpression(value)) return undefined;
    const type = propertyNamed(value, 'type');
    return type && ts.isPropertyAssignment(type) ? this.stringValue(type.initializer) : undefined;
  }
}

/** `x.content[0]`, `x.content.at(0)`, `const [first] = x.content`: the `x` whose content is read by position. */
function positionalContentReads(file: ts.SourceFile): { node: ts.Node; owner: ts.Expression }[] {
  const reads: { node: ts.Node; owner: ts.Expression }[] = [];
  const isContent = (node: ts.Expression): node is ts.PropertyAccessExpression => ts.isPropertyAccessExpression(node) && node.name.text === 'content';
  const visit = (node: ts.Node) => {
    if (ts.isElementAccessExpression(node) && ts.isNumericLiteral(node.argumentExpression) && node.argumentExpression.text === '0') {
      const target = unwrap(node.expression);
      if (isContent(target)) reads.push({ node, owner: target.expression });
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'at') {
      const target = unwrap(node.expression.expression);
      const [index] = node.arguments;
      if (isContent(target) && index && ts.isNumericLiteral(index) && index.text === '0') reads.push({ node, owner: target.expression });
    }
    if (ts.isVariableDeclaration(node) && ts.isArrayBindingPattern(node.name) && node.initializer) {
      const target = unwrap(node.initializer);
      if (isContent(target)) reads.push({ node, owner: target.expression });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return reads;
}

function forcedChoiceLiterals(code: LessonCode, file: ts.SourceFile): { node: ts.PropertyAssignment | ts.ShorthandPropertyAssignment; request: ts.ObjectLiteralExpression }[] {
  const found: { node: ts.PropertyAssignment | ts.ShorthandPropertyAssignment; request: ts.ObjectLiteralExpression }[] = [];
  /** Whether a tool_choice value is (or may be, for a loop over a list) `any` or `tool`. */
  const isForced = (value: ts.Expression | undefined, depth = 0): boolean => {
    if (!value || depth > 6) return false;
    const inner = unwrap(value);
    if (ts.isObjectLiteralExpression(inner)) {
      const type = propertyNamed(inner, 'type');
      const text = type && ts.isPropertyAssignment(type) ? code.stringValue(type.initializer) : undefined;
      return text === 'any' || text === 'tool';
    }
    if (ts.isArrayLiteralExpression(inner)) return inner.elements.some((element) => isForced(element as ts.Expression, depth + 1));
    if (ts.isIdentifier(inner)) {
      const declaration = code.declarationOf(inner.text, inner, code.cellOf(inner));
      if (declaration && ts.isVariableDeclaration(declaration)) {
        // `for (const tool_choice of choices)`: the loop variable takes every element of the list.
        const loop = declaration.parent.parent;
        if (ts.isForOfStatement(loop)) return isForced(loop.expression, depth + 1);
        return isForced(declaration.initializer, depth + 1);
      }
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isIdentifier(node.name) && node.name.text === 'tool_choice') {
      const value = ts.isPropertyAssignment(node) ? node.initializer : node.name;
      if (isForced(value)) found.push({ node, request: node.parent as ts.ObjectLiteralExpression });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The request literals a `tool_choice` property belongs to: its own object if it names a model, else the one the object is passed into. */
function requestsForChoice(code: LessonCode, literal: ts.ObjectLiteralExpression): ts.ObjectLiteralExpression[] {
  if (propertyNamed(literal, 'model')) return [literal];
  // Passed to a function of the lesson (`startRequest('…', { tool_choice })`) or spread into a request.
  for (let node: ts.Node = literal; node.parent; node = node.parent) {
    if (ts.isCallExpression(node.parent) || ts.isObjectLiteralExpression(node.parent)) {
      const requests = code.requestsBehind(node.parent);
      if (requests.length) return requests;
    }
    if (ts.isStatement(node.parent)) break;
  }
  return [];
}

export function checkCourseRules(source: string, markdownFile: string): RuleViolation[] {
  const code = new LessonCode(source, markdownFile);
  const violations: RuleViolation[] = [];

  for (const cell of code.cells) {
    for (const read of positionalContentReads(cell.file)) {
      const requests = code.requestsBehind(read.owner);
      const where = code.where(read.node);
      const text = read.node.getText();
      if (requests.length === 0) {
        violations.push({ rule: 'content-by-position', ...where, message: `\`${text}\`: a reply whose model this check cannot follow back; read content by type` });
        continue;
      }
      for (const request of requests) {
        const model = code.modelOf(request);
        const thinking = code.thinkingTypeOf(request);
        if (model === undefined) {
          violations.push({ rule: 'content-by-position', ...where, message: `\`${text}\`: the request's model cannot be followed to an id; read content by type` });
        } else if (thinking === 'adaptive' || thinking === 'enabled' || (THINKS_UNLESS_DISABLED.test(model) && (thinking !== 'disabled' || THINKING_ALWAYS_ON.test(model)))) {
          violations.push({ rule: 'content-by-position', ...where, message: `\`${text}\` of a reply from ${describeModel(model)}, which thinks: its first block is often a thinking block; read content by type` });
        }
      }
    }
    // A cell that expects the API's 400 shows the refusal on purpose (the lesson runs check that it fails).
    for (const choice of cell.expectError === undefined ? forcedChoiceLiterals(code, cell.file) : []) {
      const where = code.where(choice.node);
      const requests = requestsForChoice(code, choice.request);
      if (requests.length === 0) {
        violations.push({ rule: 'forced-tool-choice', ...where, message: 'a forced tool_choice whose model this check cannot follow back' });
        continue;
      }
      for (const request of requests) {
        const model = code.modelOf(request);
        if (model === undefined) violations.push({ rule: 'forced-tool-choice', ...where, message: 'a forced tool_choice for a model that cannot be followed to an id' });
        else if (REJECTS_FORCED_TOOL_CHOICE.test(model)) {
          violations.push({ rule: 'forced-tool-choice', ...where, message: `forced tool_choice (any/tool) sent to ${describeModel(model)}, which answers it with a 400` });
        } else if (code.thinkingTypeOf(request) === 'enabled') {
          violations.push({ rule: 'forced-tool-choice', ...where, message: `forced tool_choice with thinking.type "enabled" on ${describeModel(model)}: an error on every model` });
        }
      }
    }
  }
  return violations;
}
