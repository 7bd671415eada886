/**
 * `tools` and `tool_choice`.
 *
 * Sources:
 *  - custom tool fields (`name`, `input_schema`, `description`, `strict`, `cache_control`, `defer_loading`,
 *    `eager_input_streaming`, `input_examples`, `allowed_callers`, `type:"custom"`): SDK messages.ts:6000-6075.
 *  - name `^[a-zA-Z0-9_-]{1,128}$`; `input_schema` a JSON Schema object with `type:"object"`: REF §4.
 *  - server/versioned tool types: the `ToolUnion` of SDK messages.ts:6460-6481 (accepted, not executed).
 *  - tool names must be unique (third-party logs; the API's "tool_name_conflict" code, SDK:core/error-classes.ts).
 *  - `tool_choice` `auto|any|tool|none`, `disable_parallel_tool_use` on auto/any/tool: SDK messages.ts:6114-6170.
 *  - forced `tool_choice` (`any`/`tool`): E-forced `tool_choice: type "tool" and "any" are not supported for this
 *    model.` on the models the table marks (Opus 5.5, Sonnet 5.5, Fable/Mythos 5.1 …), on count_tokens too [ER]; with
 *    `thinking.type: "enabled"` an error on every model (text unverified; the emulator keeps its earlier wording);
 *    accepted with adaptive thinking, and then the reply has no thinking block [DT; H55M] (MD §5 rule 10).
 *  - duplicate tool names carry `details.error_code: "tool_name_conflict"` (SDK:core/error-classes.ts, the
 *    `400 tool_name_conflict` entry; SDK:resources/messages/messages.ts:6177-6179), so `err.errorCode` names it.
 *  - computer-use versions per model: E-computer, e.g. `'claude-opus-5-5' does not support tool types:
 *    computer_20251124.` followed by "Did you mean one of" and the accepted types [ER; O55] (MD §5 rule 19). How
 *    the accepted types are listed after "Did you mean one of" is unverified. The computer tools are beta types
 *    (SDK:resources/beta/messages/messages.ts:4664, 7845-7941); the emulator accepts them on either path.
 */
import type { ApiFailure } from '../errors';
import { checkUnionTag, invalid, isObject, rejectExtraKeys, typeMessages, type RuleContext } from './util';

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;

const CUSTOM_TOOL_FIELDS = [
  'type', 'name', 'input_schema', 'description', 'strict', 'cache_control', 'defer_loading', 'eager_input_streaming',
  'input_examples', 'allowed_callers',
];

/** The computer-use tool versions (beta types: SDK:resources/beta/messages/messages.ts:4664, 7845, 7893, 7941). */
const COMPUTER_TOOL_TYPES = ['computer_20241022', 'computer_20250124', 'computer_20251124', 'computer_toolset_20260801'] as const;

/** Versioned tools the API defines itself: the `type`s of the SDK's `ToolUnion` (messages.ts:6460-6481); accepted, none run. */
const SERVER_TOOL_TYPES = [
  'bash_20250124', 'code_execution_20250522', 'code_execution_20250825', 'code_execution_20260120',
  'code_execution_20260521', 'browser_toolset_20260801', 'memory_20250818', 'computer_toolset_20260801',
  'text_editor_20250124', 'text_editor_20250429', 'text_editor_20250728', 'web_search_20250305', 'web_fetch_20250910',
  'web_search_20260209', 'web_fetch_20260209', 'web_fetch_20260309', 'web_search_20260318', 'web_fetch_20260318',
  'tool_search_tool_bm25_20251119', 'tool_search_tool_bm25', 'tool_search_tool_regex_20251119', 'tool_search_tool_regex',
  ...COMPUTER_TOOL_TYPES,
] as const;

export function checkTools(ctx: RuleContext): ApiFailure | null {
  const tools = ctx.body.tools;
  if (tools === undefined || tools === null) return null;
  if (!Array.isArray(tools)) return invalid(['tools'], typeMessages.list);
  const names = new Set<string>();
  for (const [index, tool] of tools.entries()) {
    const path = ['tools', index];
    if (!isObject(tool)) return invalid(path, typeMessages.object);
    const isCustom = tool.type === undefined || tool.type === null || tool.type === 'custom';
    if (!isCustom) {
      const tag = checkUnionTag(path, tool.type, ['custom', ...SERVER_TOOL_TYPES]);
      if (tag) return tag;
      const computer = checkComputerToolVersion(ctx, tool.type as string);
      if (computer) return computer;
    } else {
      const failure = checkCustomTool(tool, [...path, 'custom']); // "tools.0.custom.name: …" as the API words it
      if (failure) return failure;
    }
    const name = typeof tool.name === 'string' ? tool.name : String(tool.type);
    if (names.has(name)) {
      return { ...invalid(['tools'], `Tool names must be unique. Duplicate: ${name}`), details: { error_code: 'tool_name_conflict' } };
    }
    names.add(name);
  }
  return null;
}

function checkComputerToolVersion(ctx: RuleContext, type: string): ApiFailure | null {
  const accepted = ctx.model.computerTools;
  if (accepted === 'all' || !(COMPUTER_TOOL_TYPES as readonly string[]).includes(type) || accepted.includes(type)) return null;
  return invalid([], `'${ctx.model.id}' does not support tool types: ${type}. Did you mean one of: ${accepted.join(', ')}?`);
}

function checkCustomTool(tool: Record<string, unknown>, path: Array<string | number>): ApiFailure | null {
  const extra = rejectExtraKeys(path, tool, CUSTOM_TOOL_FIELDS);
  if (extra) return extra;
  if (!('name' in tool)) return invalid([...path, 'name'], 'Field required');
  if (typeof tool.name !== 'string') return invalid([...path, 'name'], typeMessages.string);
  if (!TOOL_NAME.test(tool.name)) return invalid([...path, 'name'], "String should match pattern '^[a-zA-Z0-9_-]{1,128}$'");
  if (!('input_schema' in tool)) return invalid([...path, 'input_schema'], 'Field required');
  const schema = tool.input_schema;
  if (!isObject(schema)) return invalid([...path, 'input_schema'], typeMessages.object);
  if (schema.type !== 'object') return invalid([...path, 'input_schema', 'type'], "Input should be 'object'");
  if (schema.properties !== undefined && schema.properties !== null && !isObject(schema.properties)) {
    return invalid([...path, 'input_schema', 'properties'], typeMessages.object);
  }
  if (schema.required !== undefined && schema.required !== null &&
      !(Array.isArray(schema.required) && schema.required.every((item) => typeof item === 'string'))) {
    return invalid([...path, 'input_schema', 'required'], typeMessages.list);
  }
  if (tool.description !== undefined && typeof tool.description !== 'string') return invalid([...path, 'description'], typeMessages.string);
  if (tool.strict !== undefined && typeof tool.strict !== 'boolean') return invalid([...path, 'strict'], typeMessages.boolean);
  return null;
}

export function checkToolChoice(ctx: RuleContext): ApiFailure | null {
  const choice = ctx.body.tool_choice;
  if (choice === undefined || choice === null) return null;
  if (!isObject(choice)) return invalid(['tool_choice'], typeMessages.object);
  const kind = checkUnionTag(['tool_choice'], choice.type, ['auto', 'any', 'tool', 'none']);
  if (kind) return kind;
  const allowedKeys = choice.type === 'tool' ? ['type', 'name', 'disable_parallel_tool_use']
    : choice.type === 'none' ? ['type'] : ['type', 'disable_parallel_tool_use'];
  const member = ['tool_choice', choice.type as string];
  const extra = rejectExtraKeys(member, choice, allowedKeys);
  if (extra) return extra;
  if (choice.disable_parallel_tool_use !== undefined && typeof choice.disable_parallel_tool_use !== 'boolean') {
    return invalid([...member, 'disable_parallel_tool_use'], typeMessages.boolean);
  }
  const forced = choice.type === 'any' || choice.type === 'tool';
  const tools = Array.isArray(ctx.body.tools) ? ctx.body.tools.filter(isObject) : [];
  // Any tool_choice, `none` and `auto` included, needs tools: "tool_choice.any may only be specified while providing
  // tools" (the API's words, captured in third-party code; the rule holds for every type there).
  if (tools.length === 0) return invalid([], `tool_choice.${String(choice.type)} may only be specified while providing tools`);
  // Which of these problems the API reports first is unverified (MD §5 intro); the emulator names missing tools first.
  if (forced && !ctx.model.supportsForcedToolChoice) {
    return invalid(['tool_choice'], 'type "tool" and "any" are not supported for this model.');
  }
  if (choice.type === 'tool') {
    if (typeof choice.name !== 'string') return invalid([...member, 'name'], 'Field required');
    if (!tools.some((tool) => tool.name === choice.name)) {
      return invalid([...member, 'name'], `tool "${choice.name}" was not found in \`tools\``);
    }
  }
  const thinking = ctx.body.thinking;
  if (forced && isObject(thinking) && thinking.type === 'enabled') {
    return invalid([], 'Thinking may not be enabled when tool_choice forces tool use.');
  }
  return null;
}
