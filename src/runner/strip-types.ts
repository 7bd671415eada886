import { transform } from 'sucrase';
import { parse, type Program } from 'acorn';

/** A cell that does not parse; `line`/`column` are 1-based in the learner's TypeScript. */
export class CellSyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/**
 * TypeScript → JavaScript with sucrase, which only erases types and so keeps every line where it was
 * (error lines map back without a source map). Imports are kept even when unused: in a notebook a cell
 * may import for the cells after it.
 */
export function stripTypes(tsCode: string): string {
  try {
    return transform(tsCode, {
      transforms: ['typescript'],
      disableESTransforms: true,
      keepUnusedImports: true,
    }).code;
  } catch (error) {
    throw toCellSyntaxError(error, 1);
  }
}

/** Parses type-stripped cell code as a module body where top-level `await` is allowed. */
export function parseCell(jsCode: string): Program {
  try {
    return parse(jsCode, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      allowAwaitOutsideFunction: true,
      allowReturnOutsideFunction: true,
    });
  } catch (error) {
    throw toCellSyntaxError(error, 0);
  }
}

/** `columnBase`: sucrase reports 1-based columns, acorn 0-based. */
function toCellSyntaxError(error: unknown, columnBase: 0 | 1): CellSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  // Both libraries attach `loc: {line, column}` and end the message with "(line:col)".
  const loc = (error as { loc?: { line?: number; column?: number } } | null)?.loc;
  const fromMessage = /\((\d+):(\d+)\)\s*$/.exec(message);
  const line = loc?.line ?? (fromMessage ? Number(fromMessage[1]) : undefined);
  const column = loc?.column ?? (fromMessage ? Number(fromMessage[2]) : undefined);
  const cleanMessage = message.replace(/\s*\(\d+:\d+\)\s*$/, '');
  return new CellSyntaxError(cleanMessage, line, column === undefined ? undefined : column + 1 - columnBase);
}
