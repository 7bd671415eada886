import type { SerializedError } from './protocol';
import { CellSyntaxError } from './strip-types';

/** A script the runtime evaluated for the current run: its `sourceURL` and where the learner's lines start. */
export interface RunSource {
  sourceUrl: string;
  lineOffset: number;
  /**
   * Maps a column of the compiled line back to the learner's TypeScript (absent: columns pass through).
   * `name`: the identifier the error is about, if known (see `locate`).
   */
  toSourceColumn?(line: number, column: number, name?: string): number;
}

/**
 * Describes a thrown value for the UI: name, message, the line/column in the learner's cell (from the
 * first stack frame inside one of this run's scripts), the API error type and status for SDK `APIError`s
 * and raw API error bodies, and a hint for the errors learners meet most.
 */
export function describeError(thrown: unknown, sources: readonly RunSource[]): SerializedError {
  if (thrown instanceof CellSyntaxError) {
    return {
      name: 'SyntaxError',
      message: thrown.message,
      ...(thrown.line !== undefined ? { line: thrown.line } : {}),
      ...(thrown.column !== undefined ? { column: thrown.column } : {}),
    };
  }
  const isError = thrown instanceof Error;
  const name = isError ? String(thrown.name) : 'Uncaught';
  const message = isError ? withCauses(String(thrown.message), thrown) : describeNonError(thrown);
  const rawStack = isError && typeof thrown.stack === 'string' ? thrown.stack : undefined;
  const location = rawStack ? locate(rawStack, sources, unresolvedName(name, message)) : undefined;
  const apiFields = apiErrorFields(thrown);
  const hint = hintFor(name, message);
  return {
    name,
    message,
    ...(location ?? {}),
    ...apiFields,
    ...(hint ? { hint } : {}),
    ...(rawStack ? { stack: rewriteStack(rawStack, sources) } : {}),
  };
}

/**
 * The SDK wraps a failed `fetch` in `APIConnectionError("Connection error.")` and keeps the reason only in
 * `cause` (a CORS refusal, no network, a request live mode refused): the learner needs that reason, so the
 * causes (a few levels, bounded) follow the message.
 */
function withCauses(message: string, error: Error): string {
  let text = message;
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 3 && cause instanceof Error; depth += 1) {
    text += ` (caused by ${String(cause.name)}: ${String(cause.message).slice(0, 2000)})`;
    cause = cause.cause;
  }
  return text;
}

function describeNonError(thrown: unknown): string {
  if (typeof thrown === 'string') return thrown;
  try {
    return JSON.stringify(thrown) ?? String(thrown);
  } catch {
    return String(thrown);
  }
}

const FRAME = /([^\s()]+?):(\d+):(\d+)\)?\s*$/;

/**
 * V8 places an unresolvable name's ReferenceError at the start of the enclosing assignment, which the
 * notebook rewrite makes of every declaration (`const a = b * 2` runs as `;(a = b * 2)`): the name itself
 * lets the column point at it again.
 */
function unresolvedName(name: string, message: string): string | undefined {
  return name === 'ReferenceError' ? /^([\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$]*) is not defined$/u.exec(message)?.[1] : undefined;
}

function locate(stack: string, sources: readonly RunSource[], name?: string): { line: number; column: number } | undefined {
  for (const frameLine of stack.split('\n')) {
    const match = FRAME.exec(frameLine);
    if (!match) continue;
    const source = sources.find((s) => match[1] === s.sourceUrl || match[1]?.endsWith(`/${s.sourceUrl}`));
    if (!source) continue;
    const line = Number(match[2]) - source.lineOffset;
    if (line >= 1) return { line, column: sourceColumn(source, line, Number(match[3]), name) };
  }
  return undefined;
}

/**
 * Stack frames of the learner's scripts point at their own lines (`cell:3:7`); the runtime's own
 * frames below the last cell frame are dropped (they say nothing to the learner).
 */
function rewriteStack(stack: string, sources: readonly RunSource[]): string {
  const lines = stack.split('\n');
  const lastCellFrame = lines.reduce((last, line, index) => (sources.some((s) => line.includes(s.sourceUrl)) ? index : last), -1);
  let out = lastCellFrame === -1 ? stack : lines.slice(0, lastCellFrame + 1).join('\n');
  for (const source of sources) {
    const escaped = source.sourceUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`${escaped}:(\\d+):(\\d+)`, 'g'), (_all, line: string, column: string) => {
      const cellLine = Number(line) - source.lineOffset;
      return `cell:${cellLine}:${sourceColumn(source, cellLine, Number(column))}`;
    });
  }
  return out;
}

function sourceColumn(source: RunSource, line: number, column: number, name?: string): number {
  return source.toSourceColumn && line >= 1 ? source.toSourceColumn(line, column, name) : column;
}

/** `APIError` of the SDK carries `status` and `type`; a raw API error body `{type:'error', error:{type}}` too. */
function apiErrorFields(thrown: unknown): { apiErrorType?: string; status?: number } {
  if (typeof thrown !== 'object' || thrown === null) return {};
  const record = thrown as { status?: unknown; type?: unknown; error?: { type?: unknown; error?: { type?: unknown } } };
  const status = typeof record.status === 'number' ? record.status : undefined;
  const type =
    typeof record.type === 'string' && record.type !== 'error'
      ? record.type
      : typeof record.error?.error?.type === 'string'
        ? record.error.error.type
        : typeof record.error?.type === 'string'
          ? record.error.type
          : undefined;
  return { ...(type !== undefined ? { apiErrorType: type } : {}), ...(status !== undefined ? { status } : {}) };
}

function hintFor(name: string, message: string): string | undefined {
  if (/anthropic-dangerous-direct-browser-access|CORS/i.test(message)) {
    return 'From a browser the API needs the header `anthropic-dangerous-direct-browser-access: true` ' +
      '(with the SDK: `new Anthropic({ dangerouslyAllowBrowser: true })`).';
  }
  if (/dangerouslyAllowBrowser/.test(message)) {
    return 'Pass `dangerouslyAllowBrowser: true` to `new Anthropic({...})`: cells run in a browser.';
  }
  if (name === 'ReferenceError' && /is not defined/.test(message)) {
    return undefined; // the UI knows which cell above declares the name
  }
  return undefined;
}
