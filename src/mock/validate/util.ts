/**
 * Shared vocabulary of the validators: a failure at a path, in the API's wording.
 *
 * The API validates bodies with a schema library whose messages read `<dotted.path>: <problem>`
 * (for example `max_tokens: Field required`, `foo: Extra inputs are not permitted`,
 * `messages.0.role: Input should be 'user' or 'assistant'`). Source: third-party logs of real responses,
 * REF §4 / §9 (the exact texts are unverified there); the emulator keeps that form so errors read the same.
 */
import { apiError, type ApiFailure } from '../errors';
import type { ModelFacts } from '../models';

export type Path = ReadonlyArray<string | number>;

export type JsonObject = Record<string, unknown>;

/** One entry of the response's `input_transformations` (SDK:resources/beta/messages/messages.ts:5664-5670, 7444-7500). */
export interface InputTransformation {
  type: 'thinking_dropped';
  /** `messages.{i}.content.{j}` of the request as sent. */
  path: string;
  reason: 'model_binding_mismatch' | 'prefix_binding_mismatch' | 'organization_binding_mismatch';
}

/** What every rule sees: the body (already an object), the model's facts, and which endpoint is asking. */
export interface RuleContext {
  body: JsonObject;
  model: ModelFacts;
  endpoint: 'messages' | 'count_tokens';
  /** The request's `anthropic-beta` flags (headers.ts `readBetaFlags`). */
  betas: readonly string[];
  /** The request is one entry of a Message Batch (some defaults differ there, e.g. MD §5 rule 15). */
  batch: boolean;
  /** Blocks a rule removed before the model sees them; the validator strips them from the params. */
  inputTransformations: InputTransformation[];
}

/** A rule returns the first problem it finds, or null. */
export type Rule = (ctx: RuleContext) => ApiFailure | null;

export function pathText(path: Path): string {
  return path.join('.');
}

/** 400 invalid_request_error at a path (or with no path prefix when `path` is empty). */
export function invalid(path: Path, message: string): ApiFailure {
  const prefix = path.length > 0 ? `${pathText(path)}: ` : '';
  return apiError(400, 'invalid_request_error', prefix + message);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `Input should be 'a', 'b' or 'c'` (the schema library's wording for an enum). */
export function literalList(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

export function expectLiteral(path: Path, value: unknown, allowed: readonly string[]): ApiFailure | null {
  return typeof value === 'string' && allowed.includes(value) ? null : invalid(path, `Input should be ${literalList(allowed)}`);
}

export const typeMessages = {
  string: 'Input should be a valid string',
  integer: 'Input should be a valid integer',
  number: 'Input should be a valid number',
  boolean: 'Input should be a valid boolean',
  list: 'Input should be a valid list',
  object: 'Input should be a valid dictionary',
} as const;

/**
 * A tagged union (`type` picks the member) whose tag matches no member, in the schema library's words as the API
 * answers them, e.g. "messages.10.content.0.document.source: Input tag 'file' found using 'type' does not match any
 * of the expected tags: 'base64', 'content', 'text', 'url'" and "tools.0: Input tag 'function' found using 'type'
 * does not match any of the expected tags: …" (real 400s quoted in third-party code). The error sits at the union's
 * own path, not at `.type`; a missing tag reads "Unable to extract tag using discriminator 'type'".
 */
export function checkUnionTag(path: Path, tag: unknown, expected: readonly string[]): ApiFailure | null {
  if (tag === undefined || tag === null) return invalid(path, "Unable to extract tag using discriminator 'type'");
  if (typeof tag === 'string' && expected.includes(tag)) return null;
  const shown = typeof tag === 'string' ? tag : JSON.stringify(tag);
  // The tags are listed sorted, as in the quoted document-source error.
  const tags = [...expected].sort().map((t) => `'${t}'`).join(', ');
  return invalid(path, `Input tag '${shown}' found using 'type' does not match any of the expected tags: ${tags}`);
}

/** `<path>.<key>: Extra inputs are not permitted` for the first key outside `allowed`. */
export function rejectExtraKeys(path: Path, value: JsonObject, allowed: readonly string[]): ApiFailure | null {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) return invalid([...path, key], 'Extra inputs are not permitted');
  }
  return null;
}

/** `<path>.<key>: Field required` for the first missing key. */
export function requireKeys(path: Path, value: JsonObject, required: readonly string[]): ApiFailure | null {
  for (const key of required) {
    if (!(key in value) || value[key] === undefined) return invalid([...path, key], 'Field required');
  }
  return null;
}

/** Runs rules in order and returns the first failure. */
export function firstFailure(checks: ReadonlyArray<() => ApiFailure | null>): ApiFailure | null {
  for (const check of checks) {
    const failure = check();
    if (failure) return failure;
  }
  return null;
}

/** A message's content as blocks (a string is shorthand for one text block: SDK messages.ts:7708-7711). */
export function contentBlocks(content: unknown): JsonObject[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? content.filter(isObject) : [];
}
