/**
 * Top-level fields: which exist, which are required, their JSON types and simple enums.
 *
 * Sources: field lists SDK:resources/messages/messages.ts:7642-7946 (create) and 8055-8196 (count_tokens), REF §1;
 * `temperature`/`top_p`/`top_k` are still documented (deprecated) by the API reference although SDK 1.12 dropped
 * them (REF §1, §4), so they are accepted here and checked in sampling.ts. `user_profile_id`/`workspace_id` travel
 * as headers (SDK:lib/internal/messages-request.ts:14-18), so in a body they are extra inputs.
 * `max_tokens` is an integer ≥ 0, 0 meaning cache pre-warm (REF §4). `metadata.user_id` ≤ 512 chars (REF §4).
 * `service_tier`, `speed`, `output_config.effort`, `output_config.format`: SDK messages.ts:5304-5317, 7744-7929.
 */
import type { ApiFailure } from '../errors';
import {
  expectLiteral,
  firstFailure,
  invalid,
  isInteger,
  isObject,
  rejectExtraKeys,
  requireKeys,
  typeMessages,
  type JsonObject,
} from './util';

export const MESSAGES_FIELDS = [
  'model', 'messages', 'max_tokens', 'cache_control', 'container', 'diagnostics', 'inference_geo', 'metadata',
  'output_config', 'service_tier', 'speed', 'stop_sequences', 'stream', 'system', 'thinking', 'tool_choice', 'tools',
  'temperature', 'top_p', 'top_k',
] as const;

export const COUNT_TOKENS_FIELDS = [
  'model', 'messages', 'cache_control', 'output_config', 'speed', 'system', 'thinking', 'tool_choice', 'tools',
] as const;

/** Shape checks that need no model facts; `model` is a string afterwards. */
export function checkTopLevelShape(body: JsonObject, endpoint: 'messages' | 'count_tokens'): ApiFailure | null {
  const allowed: readonly string[] = endpoint === 'messages' ? MESSAGES_FIELDS : COUNT_TOKENS_FIELDS;
  const required = endpoint === 'messages' ? ['max_tokens', 'messages', 'model'] : ['messages', 'model'];
  return firstFailure([
    () => rejectExtraKeys([], body, allowed),
    () => requireKeys([], body, required),
    () => (typeof body.model === 'string' ? null : invalid(['model'], typeMessages.string)),
    () => (Array.isArray(body.messages) ? null : invalid(['messages'], typeMessages.list)),
    () => (endpoint === 'messages' ? checkMaxTokensShape(body.max_tokens) : null),
    () => checkOptionalFields(body),
  ]);
}

function checkMaxTokensShape(value: unknown): ApiFailure | null {
  if (!isInteger(value)) return invalid(['max_tokens'], typeMessages.integer);
  if (value < 0) return invalid(['max_tokens'], 'Input should be greater than or equal to 0');
  return null;
}

function checkOptionalFields(body: JsonObject): ApiFailure | null {
  const present = (key: string) => key in body && body[key] !== undefined;
  const nullable = (key: string) => present(key) && body[key] !== null;
  return firstFailure([
    () => (present('stream') && typeof body.stream !== 'boolean' ? invalid(['stream'], typeMessages.boolean) : null),
    () => (present('system') ? checkSystem(body.system) : null),
    () => (present('metadata') ? checkMetadata(body.metadata) : null),
    () => (present('service_tier') ? expectLiteral(['service_tier'], body.service_tier, ['auto', 'standard_only']) : null),
    () => (nullable('speed') ? expectLiteral(['speed'], body.speed, ['standard', 'fast']) : null),
    () => (nullable('inference_geo') && typeof body.inference_geo !== 'string' ? invalid(['inference_geo'], typeMessages.string) : null),
    () => (present('output_config') ? checkOutputConfig(body.output_config) : null),
    () => (nullable('container') && typeof body.container !== 'string' && !isObject(body.container)
      ? invalid(['container'], typeMessages.string) : null),
    () => (nullable('diagnostics') && !isObject(body.diagnostics) ? invalid(['diagnostics'], typeMessages.object) : null),
  ]);
}

/** `system`: a string or a list of text blocks with non-empty text (REF §4). */
function checkSystem(system: unknown): ApiFailure | null {
  if (typeof system === 'string') return null;
  if (!Array.isArray(system)) return invalid(['system'], typeMessages.string);
  for (const [index, block] of system.entries()) {
    const path = ['system', index];
    if (!isObject(block)) return invalid(path, typeMessages.object);
    if (block.type !== 'text') return invalid([...path, 'type'], "Input should be 'text'");
    const extra = rejectExtraKeys(path, block, ['type', 'text', 'cache_control', 'citations']);
    if (extra) return extra;
    if (typeof block.text !== 'string') return invalid([...path, 'text'], typeMessages.string);
    if (block.text.length === 0) return invalid([...path, 'text'], 'String should have at least 1 character');
  }
  return null;
}

function checkMetadata(metadata: unknown): ApiFailure | null {
  if (!isObject(metadata)) return invalid(['metadata'], typeMessages.object);
  const extra = rejectExtraKeys(['metadata'], metadata, ['user_id']);
  if (extra) return extra;
  const userId = metadata.user_id;
  if (userId === undefined || userId === null) return null;
  if (typeof userId !== 'string') return invalid(['metadata', 'user_id'], typeMessages.string);
  if (userId.length > 512) return invalid(['metadata', 'user_id'], 'String should have at most 512 characters');
  return null;
}

function checkOutputConfig(config: unknown): ApiFailure | null {
  if (!isObject(config)) return invalid(['output_config'], typeMessages.object);
  const extra = rejectExtraKeys(['output_config'], config, ['effort', 'format']);
  if (extra) return extra;
  if (config.effort !== undefined && config.effort !== null) {
    const effort = expectLiteral(['output_config', 'effort'], config.effort, ['low', 'medium', 'high', 'xhigh', 'max']);
    if (effort) return effort;
  }
  const format = config.format;
  if (format === undefined || format === null) return null;
  if (!isObject(format)) return invalid(['output_config', 'format'], typeMessages.object);
  const formatType = expectLiteral(['output_config', 'format', 'type'], format.type, ['json_schema']);
  if (formatType) return formatType;
  if (!isObject(format.schema)) return invalid(['output_config', 'format', 'schema'], typeMessages.object);
  // The same shape rules as a tool's input_schema (validate/tools.ts): `properties` an object, `required` a list of
  // strings. Deeper keywords are read leniently by the value generator (generate/schema-values.ts).
  const schema = format.schema;
  if (schema.properties !== undefined && schema.properties !== null && !isObject(schema.properties)) {
    return invalid(['output_config', 'format', 'schema', 'properties'], typeMessages.object);
  }
  if (schema.required !== undefined && schema.required !== null &&
      !(Array.isArray(schema.required) && schema.required.every((item) => typeof item === 'string'))) {
    return invalid(['output_config', 'format', 'schema', 'required'], typeMessages.list);
  }
  return null;
}

/**
 * `max_tokens` against the model: at most the model's output limit (ModelInfo.max_tokens, SDK:resources/models.ts:271);
 * `0` (cache pre-warm) is rejected together with streaming, `thinking.type:"enabled"`, `output_config.format` or a
 * forced `tool_choice` (REF §4, docs: …/prompt-caching).
 */
export function checkMaxTokensForModel(body: JsonObject, model: { id: string; max_tokens: number }): ApiFailure | null {
  const maxTokens = body.max_tokens as number;
  if (maxTokens > model.max_tokens) {
    return invalid(
      ['max_tokens'],
      `${maxTokens} > ${model.max_tokens}, which is the maximum allowed number of output tokens for ${model.id}`,
    );
  }
  if (maxTokens !== 0) return null;
  const thinking = body.thinking;
  const toolChoice = body.tool_choice;
  const outputConfig = body.output_config;
  const conflict =
    body.stream === true ? 'stream: true'
    : isObject(thinking) && thinking.type === 'enabled' ? 'thinking.type: "enabled"'
    : isObject(outputConfig) && isObject(outputConfig.format) ? 'output_config.format'
    : isObject(toolChoice) && (toolChoice.type === 'any' || toolChoice.type === 'tool') ? `tool_choice.type: "${toolChoice.type}"`
    : null;
  return conflict
    ? invalid(['max_tokens'], `0 (cache pre-warming) cannot be combined with ${conflict}`)
    : null;
}
