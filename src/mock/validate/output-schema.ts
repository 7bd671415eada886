/**
 * The JSON Schema subset of structured outputs: `output_config.format.schema` and the `input_schema` of every
 * `strict: true` tool are compiled into a grammar, so the API rejects what the grammar cannot express.
 *
 * Sources:
 *  - "Both JSON outputs and strict tool use share these limitations"; explicit limits per request: 20 strict tools,
 *    24 optional parameters, 16 parameters with union types (`anyOf` or a type array); "Schema is too complex for
 *    compilation." past the internal limits: docs: platform.claude.com/docs/en/build-with-claude/structured-outputs
 *    (mirror `gpambrozio/ClaudeDocs`, 2026-08-22 copy). "Too many recursive definitions in schema": the same page's
 *    earlier copy (schema validation errors). Token counting compiles nothing ("Count tokens without compilation"),
 *    so only `POST /v1/messages` runs these checks.
 *  - What the grammar supports, as the SDK's own transform shows it (SDK: lib/transform-json-schema.ts): every
 *    object gets `additionalProperties: false`; `oneOf` becomes `anyOf`; `minItems` stays only when 0 or 1; the
 *    other bounds (`minimum`, `maxLength`, …) move into the description; enums of primitives only.
 *  - Wording: "output_config.format.schema: For 'object' type, 'additionalProperties' must be explicitly set to
 *    false", "For 'array' type, property 'maxItems' is not supported", "For 'array' type, 'minItems' values other
 *    than 0 or 1 are not supported" and "Schema type 'oneOf' is not supported" are real 400s quoted in third-party
 *    code (unverified by an official page); the other keyword messages follow the same pattern. The path prefix of a
 *    strict tool's error and the texts of the explicit limits are unverified.
 */
import type { ApiFailure } from '../errors';
import { invalid, isObject, type JsonObject, type Path, type RuleContext } from './util';

const LIMITS = { strictTools: 20, optionalParameters: 24, unionParameters: 16 } as const;

/**
 * The emulator's own bound on compiling: schema nodes visited (a `$ref` is visited again at each use, so a few
 * definitions that each use the next twice expand to millions) and `$ref`s followed within one another. Past either,
 * the request gets the API's "Schema is too complex for compilation" (docs above) instead of unbounded work
 * (issue 14).
 */
export const COMPILE_LIMITS = { maxNodes: 10_000, maxRefDepth: 64 } as const;

/** Keywords the grammar cannot enforce, per type (the SDK transform strips them: SDK lib/transform-json-schema.ts). */
const UNSUPPORTED_BY_TYPE: Record<string, readonly string[]> = {
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  string: ['minLength', 'maxLength'],
  array: ['maxItems', 'uniqueItems', 'contains', 'minContains', 'maxContains'],
  object: ['minProperties', 'maxProperties', 'patternProperties', 'propertyNames', 'dependentRequired', 'dependentSchemas'],
};
const UNSUPPORTED_COMBINATORS = ['oneOf', 'not', 'if', 'then', 'else'];

interface Tally {
  optional: number;
  unions: number;
  /** Nodes visited so far, across all the request's schemas. */
  nodes: number;
}

class SchemaProblem extends Error {}

function typesOf(node: JsonObject): string[] {
  if (typeof node.type === 'string') return [node.type];
  if (Array.isArray(node.type)) return node.type.filter((t): t is string => typeof t === 'string');
  if (isObject(node.properties)) return ['object'];
  if (node.items !== undefined) return ['array'];
  return [];
}

/** Walks one schema; throws SchemaProblem with the API's message for the first thing the grammar cannot express. */
function walk(node: unknown, root: JsonObject, tally: Tally, resolving: ReadonlySet<string>): void {
  if (typeof node === 'boolean') return;
  tally.nodes += 1;
  if (tally.nodes > COMPILE_LIMITS.maxNodes || resolving.size > COMPILE_LIMITS.maxRefDepth) {
    throw new SchemaProblem('Schema is too complex for compilation');
  }
  if (!isObject(node)) throw new SchemaProblem('Invalid schema: every schema must be a JSON object');
  for (const combinator of UNSUPPORTED_COMBINATORS) {
    if (combinator in node) throw new SchemaProblem(`Schema type '${combinator}' is not supported`);
  }
  if (typeof node.$ref === 'string') {
    const ref = node.$ref;
    if (!ref.startsWith('#/')) throw new SchemaProblem(`External $ref '${ref}' is not supported; only local references such as '#/$defs/Name'`);
    if (resolving.has(ref)) throw new SchemaProblem('Too many recursive definitions in schema');
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (target === undefined) throw new SchemaProblem(`$ref '${ref}' does not resolve to a definition in this schema`);
    walk(target, root, tally, new Set([...resolving, ref]));
  }
  if (Array.isArray(node.enum) && node.enum.some((value) => value !== null && typeof value === 'object')) {
    throw new SchemaProblem("'enum' values must be strings, numbers, booleans or null");
  }
  const types = typesOf(node);
  for (const type of types) {
    for (const keyword of UNSUPPORTED_BY_TYPE[type] ?? []) {
      if (keyword in node) throw new SchemaProblem(`For '${type}' type, property '${keyword}' is not supported`);
    }
  }
  if (types.includes('array')) {
    const minItems = node.minItems;
    if (minItems !== undefined && minItems !== 0 && minItems !== 1) {
      throw new SchemaProblem(`For 'array' type, 'minItems' values other than 0 or 1 are not supported (got: ${JSON.stringify(minItems)})`);
    }
    if (node.items !== undefined) walk(node.items, root, tally, resolving);
  }
  if (types.includes('object')) {
    if (node.additionalProperties !== false) {
      throw new SchemaProblem("For 'object' type, 'additionalProperties' must be explicitly set to false");
    }
    const properties = isObject(node.properties) ? node.properties : {};
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    for (const [name, property] of Object.entries(properties)) {
      if (!required.has(name)) tally.optional += 1;
      if (isObject(property) && (Array.isArray(property.anyOf) || (Array.isArray(property.type) && property.type.length > 1))) tally.unions += 1;
      walk(property, root, tally, resolving);
    }
  }
  for (const key of ['anyOf', 'allOf'] as const) {
    const variants = node[key];
    if (variants === undefined) continue;
    if (!Array.isArray(variants)) throw new SchemaProblem(`'${key}' must be a list of schemas`);
    for (const variant of variants) walk(variant, root, tally, resolving);
  }
  // `$defs` / `definitions` are checked where a `$ref` uses them.
}

function checkOne(schema: unknown, path: Path, tally: Tally): ApiFailure | null {
  if (!isObject(schema)) return null; // the shape checks of top-level.ts / tools.ts report a non-object
  try {
    walk(schema, schema, tally, new Set());
    return null;
  } catch (error) {
    if (error instanceof SchemaProblem) return invalid(path, error.message);
    throw error;
  }
}

/** Rule for `POST /v1/messages`: every structured-output schema of the request, then the per-request limits. */
export function checkStructuredOutputSchemas(ctx: RuleContext): ApiFailure | null {
  if (ctx.endpoint !== 'messages') return null;
  const tally: Tally = { optional: 0, unions: 0, nodes: 0 };
  const outputConfig = ctx.body.output_config;
  if (isObject(outputConfig) && isObject(outputConfig.format)) {
    const failure = checkOne(outputConfig.format.schema, ['output_config', 'format', 'schema'], tally);
    if (failure) return failure;
  }
  const tools = Array.isArray(ctx.body.tools) ? ctx.body.tools : [];
  let strictTools = 0;
  for (const [index, tool] of tools.entries()) {
    if (!isObject(tool) || tool.strict !== true) continue;
    strictTools += 1;
    const failure = checkOne(tool.input_schema, ['tools', index, 'custom', 'input_schema'], tally);
    if (failure) return failure;
  }
  if (strictTools > LIMITS.strictTools) {
    return invalid(['tools'], `At most ${LIMITS.strictTools} tools may set strict: true in one request (got ${strictTools})`);
  }
  if (tally.optional > LIMITS.optionalParameters) {
    return invalid([], `Schema is too complex for compilation: ${tally.optional} optional parameters across the strict schemas (at most ${LIMITS.optionalParameters})`);
  }
  if (tally.unions > LIMITS.unionParameters) {
    return invalid([], `Schema is too complex for compilation: ${tally.unions} parameters with union types across the strict schemas (at most ${LIMITS.unionParameters})`);
  }
  return null;
}
