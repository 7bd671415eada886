import { transform } from 'sucrase';
import { parse } from 'sucrase/dist/parser/index.js';
import type { Token } from 'sucrase/dist/parser/tokenizer/index.js';

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
    throw toCellSyntaxError(error);
  }
}

/**
 * Tokenizes type-stripped cell code with sucrase's own parser (the one `transform` ran): the tokens
 * carry identifier roles and initializer ends, which is all the notebook rewrite needs. It checks
 * JavaScript syntax too; what it lets through (early errors) the engine reports when the cell runs.
 */
export function tokenizeCell(jsCode: string): Token[] {
  try {
    return parse(jsCode, false, false, false).tokens;
  } catch (error) {
    throw toCellSyntaxError(error);
  }
}

function toCellSyntaxError(error: unknown): CellSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  // Sucrase attaches `loc: {line, column}` (both 1-based) and ends the message with "(line:col)".
  const loc = (error as { loc?: { line?: number; column?: number } } | null)?.loc;
  const fromMessage = /\((\d+):(\d+)\)\s*$/.exec(message);
  const line = loc?.line ?? (fromMessage ? Number(fromMessage[1]) : undefined);
  const column = loc?.column ?? (fromMessage ? Number(fromMessage[2]) : undefined);
  const cleanMessage = message.replace(/\s*\(\d+:\d+\)\s*$/, '');
  return new CellSyntaxError(cleanMessage, line, column);
}
