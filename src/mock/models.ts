/**
 * The emulator's one table of per-model facts. Everything model-specific that the validators, the
 * generator, the cache and `/v1/models` need is read from here (`getModelFacts(id)`).
 *
 * Source tags used next to each fact:
 *  - `SDK:<path>:<line>`  @anthropic-ai/sdk 1.12.0, `node_modules/@anthropic-ai/sdk/src/…`
 *  - `CL:<line>`          node_modules/@anthropic-ai/sdk/CHANGELOG.md (release date of the SDK version
 *                         that added the model; used as `created_at` when the id carries no snapshot date)
 *  - `REF §n`             /work/shared/reference/messages-api.md, which quotes the platform docs
 *  - `inferred`           not documented: carried over from the model's line or generation, chosen so
 *                         the emulator behaves like its documented siblings. Kept visible on purpose.
 */
import type { Model } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ModelCapabilities, ModelInfo, ModelLine } from '@anthropic-ai/sdk/resources/models';

/** How a model answers one `thinking.type`. */
export type ThinkingSupport = 'ok' | 'deprecated' | 'rejected';

export interface ModelFacts {
  /** Canonical id: what `/v1/models` lists and what aliases resolve to. */
  id: string;
  /** Other ids the API accepts for this model (undated alias of a dated snapshot). */
  aliases: readonly string[];
  display_name: string;
  line: ModelLine;
  /** RFC 3339. */
  created_at: string;
  lifecycle: 'active' | 'deprecated';
  /** RFC 3339 or null while active. */
  deprecated_at: string | null;
  /** RFC 3339 scheduled retirement, or null. */
  retires_at: string | null;
  /** Id suggested as the replacement in deprecation notices. */
  replacement: string | null;
  max_input_tokens: number;
  /** Upper bound for the request's `max_tokens`. */
  max_tokens: number;
  /** Prefixes shorter than this are silently not cached. */
  minCacheableTokens: number;
  /** Whether a conversation may end with an assistant turn (prefill). */
  supportsPrefill: boolean;
  thinking: {
    enabled: ThinkingSupport;
    adaptive: Exclude<ThinkingSupport, 'deprecated'>;
    disabled: Exclude<ThinkingSupport, 'deprecated'>;
  };
  /** What `thinking.display` defaults to when the request omits it. */
  defaultThinkingDisplay: 'summarized' | 'omitted';
  /** Thinking is on even when the request has no `thinking` field. */
  thinkingOnByDefault: boolean;
  /** Non-default temperature / top_p / top_k give a 400 (otherwise they are range-checked). */
  rejectsSamplingParams: boolean;
  /** `tool_choice` `{type:"any"}` / `{type:"tool"}` accepted. */
  supportsForcedToolChoice: boolean;
  /** `{role:"system"}` entries inside `messages` accepted. */
  supportsSystemMessages: boolean;
  /** Newer tokenizer: the same text costs about 30% more tokens. REF §7 (Opus 4.7+). */
  newTokenizer: boolean;
}

const M = 1_000_000;
const K200 = 200_000;

/**
 * Sources shared by many rows (REF quotes the docs):
 *  - thinking `enabled`: 400 on "Claude 4.7 and later"; deprecated (SDK warns) on Opus 4.6 and Mythos Preview,
 *    deprecated per docs on Sonnet 4.6. REF §4; SDK:internal/data/models-to-warn-with-thinking-enabled.ts
 *  - thinking `adaptive`: 400 on Claude 4.5 and earlier. REF §4
 *  - thinking `disabled`: 400 on Fable 5(.1), Mythos 5(.1), Mythos Preview. REF §4
 *  - display default: `omitted` on Fable 5, Mythos 5, Sonnet 5, Opus 4.8, Opus 4.7, Mythos Preview;
 *    `summarized` on Opus 4.6, Sonnet 4.6 and earlier. REF §4 (newer 5.x rows: inferred `omitted`)
 *  - prefill: none on "Claude 4.6 and later models and Claude Mythos Preview". REF §4
 *  - sampling params: Fable 5, Mythos 5, Mythos Preview, Opus 4.8, Opus 4.7, Sonnet 5 reject non-defaults;
 *    "Models released after Claude Opus 4.6 do not support setting temperature". REF §4
 *  - tool_choice any/tool: rejected by Fable 5.1 / Mythos 5.1. REF §4
 *  - role:"system" messages: added with Opus 4.8 (CL:1326); models released from then on accept them
 *    (inferred), earlier ones answer 400. REF §4, §9
 *  - min cacheable: REF §4 (prompt-caching docs 2026-09 copy), Haiku 5.5 from REF §4 last row
 *  - limits: REF §7
 */
const TABLE: readonly ModelFacts[] = [
  {
    // CL:156 (1.7.0, 2026-11-09). Limits, caching, thinking: inferred from Fable 5.1.
    id: 'claude-fable-5-2', aliases: [], display_name: 'Claude Fable 5.2', line: 'fable',
    created_at: '2026-11-09T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'rejected' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: true, rejectsSamplingParams: true, supportsForcedToolChoice: true,
    supportsSystemMessages: true, newTokenizer: true,
  },
  {
    // CL:156 (1.7.0, 2026-11-09). Inferred from Mythos 5.1.
    id: 'claude-mythos-5-2', aliases: [], display_name: 'Claude Mythos 5.2', line: 'mythos',
    created_at: '2026-11-09T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'rejected' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: true, rejectsSamplingParams: true, supportsForcedToolChoice: true,
    supportsSystemMessages: true, newTokenizer: true,
  },
  {
    // CL:527 (0.132.0, 2026-10-07). 1M / 128K and 512 min cacheable: REF §4, §7 (haiku-5-5 overview).
    id: 'claude-haiku-5-5', aliases: [], display_name: 'Claude Haiku 5.5', line: 'haiku',
    created_at: '2026-10-07T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'ok' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: false, rejectsSamplingParams: true, supportsForcedToolChoice: true,
    supportsSystemMessages: true, newTokenizer: true,
  },
  {
    // CL:617 (0.129.0, 2026-09-28). 1M / 128K: REF §7. Min cacheable: not in the docs table, inferred 1,024 like Sonnet 5.
    id: 'claude-sonnet-5-5', aliases: [], display_name: 'Claude Sonnet 5.5', line: 'sonnet',
    created_at: '2026-09-28T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 1024, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'ok' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: false, rejectsSamplingParams: true, supportsForcedToolChoice: true,
    supportsSystemMessages: true, newTokenizer: true,
  },
  {
    // No CHANGELOG entry; the SDK Model union places it between Sonnet 5.5 (2026-09-28) and Opus 5.5 (2026-09-22):
    // created_at inferred 2026-09-25. 1M / 128K: REF §7. tool_choice any/tool rejected: REF §4.
    id: 'claude-fable-5-1', aliases: [], display_name: 'Claude Fable 5.1', line: 'fable',
    created_at: '2026-09-25T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'rejected' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: true, rejectsSamplingParams: true, supportsForcedToolChoice: false,
    supportsSystemMessages: true, newTokenizer: true,
  },
  {
    // CL:664 (0.128.0, 2026-09-22). 1M / 128K: REF §7.
    id: 'claude-opus-5-5', aliases: [], display_name: 'Claude Opus 5.5', line: 'opus',
    created_at: '2026-09-22T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'ok' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: false, rejectsSamplingParams: true, supportsForcedToolChoice: true,
    supportsSystemMessages: true, newTokenizer: true,
  },
  {
    // No CHANGELOG entry; placed after Opus 5.5 in the SDK union: created_at inferred 2026-09-15.
    // Limits inferred from Mythos 5 (REF §7). tool_choice any/tool rejected: REF §4.
    id: 'claude-mythos-5-1', aliases: [], display_name: 'Claude Mythos 5.1', line: 'mythos',
    created_at: '2026-09-15T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'rejected' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: true, rejectsSamplingParams: true, supportsForcedToolChoice: false,
    supportsSystemMessages: true, newTokenizer: true,
  },
  {
    // CL:1035 (0.115.0, 2026-07-24). Context inferred 1M; 128K output inferred; 512 min cacheable: REF §4.
    id: 'claude-opus-5', aliases: [], display_name: 'Claude Opus 5', line: 'opus',
    created_at: '2026-07-24T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'ok' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: false, rejectsSamplingParams: true, supportsForcedToolChoice: true,
    supportsSystemMessages: true, newTokenizer: true,
  },
  {
    // CL:1156 (0.108.0, 2026-06-30). 128K output: REF §7; context inferred 1M. Adaptive on by default: REF §4.
    id: 'claude-sonnet-5', aliases: [], display_name: 'Claude Sonnet 5', line: 'sonnet',
    created_at: '2026-06-30T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 1024, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'ok' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: true, rejectsSamplingParams: true, supportsForcedToolChoice: true,
    supportsSystemMessages: true, newTokenizer: true,
  },
  {
    // CL:1258 (0.103.0, 2026-06-09). 1M / 128K: REF §7. Thinking always on: REF §4.
    id: 'claude-fable-5', aliases: [], display_name: 'Claude Fable 5', line: 'fable',
    created_at: '2026-06-09T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'rejected' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: true, rejectsSamplingParams: true, supportsForcedToolChoice: true,
    supportsSystemMessages: true, newTokenizer: true,
  },
  {
    // CL:1258 (0.103.0, 2026-06-09). 1M / 128K: REF §7. Thinking always on: REF §4.
    id: 'claude-mythos-5', aliases: [], display_name: 'Claude Mythos 5', line: 'mythos',
    created_at: '2026-06-09T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'rejected' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: true, rejectsSamplingParams: true, supportsForcedToolChoice: true,
    supportsSystemMessages: true, newTokenizer: true,
  },
  {
    // CL:1326 (0.100.0, 2026-05-28), which also added mid-conversation system messages. 1M / 128K: REF §7.
    // Adaptive "off unless requested": REF §4.
    id: 'claude-opus-4-8', aliases: [], display_name: 'Claude Opus 4.8', line: 'opus',
    created_at: '2026-05-28T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 1024, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'ok' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: false, rejectsSamplingParams: true, supportsForcedToolChoice: true,
    supportsSystemMessages: true, newTokenizer: true,
  },
  {
    // CL:1514 (0.90.0, 2026-04-16). 1M / 128K: REF §7. Min cacheable 2,048: REF §4.
    id: 'claude-opus-4-7', aliases: [], display_name: 'Claude Opus 4.7', line: 'opus',
    created_at: '2026-04-16T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 2048, supportsPrefill: false,
    thinking: { enabled: 'rejected', adaptive: 'ok', disabled: 'ok' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: false, rejectsSamplingParams: true, supportsForcedToolChoice: true,
    supportsSystemMessages: false, newTokenizer: true,
  },
  {
    // CL:1593 (0.84.0, 2026-04-07). Deprecated, EOL "June 30th, 2026": SDK:internal/data/deprecated-models.ts:2;
    // replacement claude-mythos-5 and deprecation date = Mythos 5 release: REF §7 (date inferred). The SDK still
    // lists it, so it stays `deprecated` (a past retires_at means "overdue": SDK:resources/models.ts ModelInfo.retires_at).
    // `enabled` deprecated: SDK:internal/data/models-to-warn-with-thinking-enabled.ts:3. Adaptive on by default: REF §4.
    // 128K output: REF §7; context inferred 1M.
    id: 'claude-mythos-preview', aliases: [], display_name: 'Claude Mythos Preview', line: 'mythos',
    created_at: '2026-04-07T00:00:00Z', lifecycle: 'deprecated', deprecated_at: '2026-06-09T00:00:00Z',
    retires_at: '2026-06-30T00:00:00Z', replacement: 'claude-mythos-5',
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 2048, supportsPrefill: false,
    thinking: { enabled: 'deprecated', adaptive: 'ok', disabled: 'rejected' }, defaultThinkingDisplay: 'omitted',
    thinkingOnByDefault: true, rejectsSamplingParams: true, supportsForcedToolChoice: true,
    supportsSystemMessages: false, newTokenizer: false,
  },
  {
    // CL:1783 (0.73.0, 2026-02-05). 128K output: REF §7; context 200K (not in REF: general knowledge, unverified).
    // `enabled` deprecated: SDK:internal/data/models-to-warn-with-thinking-enabled.ts:2. Min cacheable 4,096: REF §4.
    id: 'claude-opus-4-6', aliases: [], display_name: 'Claude Opus 4.6', line: 'opus',
    created_at: '2026-02-05T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: K200, max_tokens: 128_000, minCacheableTokens: 4096, supportsPrefill: false,
    thinking: { enabled: 'deprecated', adaptive: 'ok', disabled: 'ok' }, defaultThinkingDisplay: 'summarized',
    thinkingOnByDefault: false, rejectsSamplingParams: false, supportsForcedToolChoice: true,
    supportsSystemMessages: false, newTokenizer: false,
  },
  {
    // CL:1754 (0.75.0, 2026-02-17). 128K output: REF §7; context 200K unverified. `enabled` deprecated per docs: REF §4.
    // Not in the docs' list of models rejecting sampling params (REF §4), so temperature etc. are range-checked.
    id: 'claude-sonnet-4-6', aliases: [], display_name: 'Claude Sonnet 4.6', line: 'sonnet',
    created_at: '2026-02-17T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: K200, max_tokens: 128_000, minCacheableTokens: 1024, supportsPrefill: false,
    thinking: { enabled: 'deprecated', adaptive: 'ok', disabled: 'ok' }, defaultThinkingDisplay: 'summarized',
    thinkingOnByDefault: false, rejectsSamplingParams: false, supportsForcedToolChoice: true,
    supportsSystemMessages: false, newTokenizer: false,
  },
  {
    // Snapshot date from the id (SDK:resources/messages/messages.ts Model union). 64K output: REF §7;
    // 200K context unverified. Min cacheable 4,096: REF §4. Prefill allowed (pre-4.6): REF §4.
    id: 'claude-haiku-4-5-20251001', aliases: ['claude-haiku-4-5'], display_name: 'Claude Haiku 4.5', line: 'haiku',
    created_at: '2025-10-01T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: K200, max_tokens: 64_000, minCacheableTokens: 4096, supportsPrefill: true,
    thinking: { enabled: 'ok', adaptive: 'rejected', disabled: 'ok' }, defaultThinkingDisplay: 'summarized',
    thinkingOnByDefault: false, rejectsSamplingParams: false, supportsForcedToolChoice: true,
    supportsSystemMessages: false, newTokenizer: false,
  },
  {
    // Snapshot date from the id; SDK support CL:1877 (0.71.0, 2025-11-24). 200K / 64K: unverified.
    id: 'claude-opus-4-5-20251101', aliases: ['claude-opus-4-5'], display_name: 'Claude Opus 4.5', line: 'opus',
    created_at: '2025-11-01T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: K200, max_tokens: 64_000, minCacheableTokens: 4096, supportsPrefill: true,
    thinking: { enabled: 'ok', adaptive: 'rejected', disabled: 'ok' }, defaultThinkingDisplay: 'summarized',
    thinkingOnByDefault: false, rejectsSamplingParams: false, supportsForcedToolChoice: true,
    supportsSystemMessages: false, newTokenizer: false,
  },
  {
    // Snapshot date from the id. Deprecated, EOL "November 30th, 2026": SDK:internal/data/deprecated-models.ts:3-4;
    // replacement claude-sonnet-5-5: REF §7; deprecated_at inferred = Sonnet 5.5 release. 200K / 64K: unverified.
    id: 'claude-sonnet-4-5-20250929', aliases: ['claude-sonnet-4-5'], display_name: 'Claude Sonnet 4.5', line: 'sonnet',
    created_at: '2025-09-29T00:00:00Z', lifecycle: 'deprecated', deprecated_at: '2026-09-28T00:00:00Z',
    retires_at: '2026-11-30T00:00:00Z', replacement: 'claude-sonnet-5-5',
    max_input_tokens: K200, max_tokens: 64_000, minCacheableTokens: 1024, supportsPrefill: true,
    thinking: { enabled: 'ok', adaptive: 'rejected', disabled: 'ok' }, defaultThinkingDisplay: 'summarized',
    thinkingOnByDefault: false, rejectsSamplingParams: false, supportsForcedToolChoice: true,
    supportsSystemMessages: false, newTokenizer: false,
  },
];

const BY_ID: ReadonlyMap<string, ModelFacts> = new Map(
  TABLE.flatMap((facts) => [facts.id, ...facts.aliases].map((id) => [id, facts] as const)),
);

/** The facts for a model id or alias, or `undefined` for an id the API would answer 404 to. */
export function getModelFacts(id: string): ModelFacts | undefined {
  return BY_ID.get(id);
}

/** Every model, newest first (the order `/v1/models` lists them in; SDK:resources/models.ts:47). */
export function listModelFacts(): readonly ModelFacts[] {
  return [...TABLE].sort((a, b) => b.created_at.localeCompare(a.created_at) || TABLE.indexOf(a) - TABLE.indexOf(b));
}

/** Every id the table answers to (canonical ids and aliases): used by tests to cover the SDK `Model` union. */
export function knownModelIds(): readonly string[] {
  return [...BY_ID.keys()];
}

const yes = { supported: true } as const;
const no = { supported: false } as const;
const flag = (on: boolean) => (on ? yes : no);

/** The `/v1/models` representation (SDK:resources/models.ts:213-294). Capabilities derive from the table. */
export function toModelInfo(facts: ModelFacts): ModelInfo {
  const effortSupported = facts.thinking.adaptive === 'ok';
  const capabilities: ModelCapabilities = {
    batch: yes,
    citations: yes,
    code_execution: yes,
    context_management: {
      supported: true,
      clear_thinking_20251015: yes,
      clear_tool_uses_20250919: yes,
      compact_20260112: flag(facts.newTokenizer),
    },
    effort: {
      supported: effortSupported,
      low: flag(effortSupported),
      medium: flag(effortSupported),
      high: flag(effortSupported),
      max: flag(effortSupported),
      xhigh: flag(effortSupported && facts.newTokenizer),
    },
    image_input: yes,
    pdf_input: yes,
    server_tools: { supported: true, code_execution: yes, web_search: yes },
    structured_outputs: yes,
    thinking: {
      supported: true,
      types: {
        adaptive: flag(facts.thinking.adaptive === 'ok'),
        between_tools: flag(facts.thinking.adaptive === 'ok'),
        disabled: flag(facts.thinking.disabled === 'ok'),
        enabled: flag(facts.thinking.enabled !== 'rejected'),
      },
    },
  };
  return {
    id: facts.id,
    type: 'model',
    display_name: facts.display_name,
    created_at: facts.created_at,
    capabilities,
    lifecycle: facts.lifecycle,
    deprecated_at: facts.deprecated_at,
    retires_at: facts.retires_at,
    line: facts.line,
    max_input_tokens: facts.max_input_tokens,
    max_tokens: facts.max_tokens,
  };
}

/** Compile-time guard: every literal of the SDK `Model` union must be a key of this record. */
type SdkModelLiteral = Model extends infer T ? (T extends string ? (string extends T ? never : T) : never) : never;
const SDK_MODEL_IDS: Record<SdkModelLiteral, true> = {
  'claude-fable-5-2': true, 'claude-mythos-5-2': true, 'claude-haiku-5-5': true, 'claude-sonnet-5-5': true,
  'claude-fable-5-1': true, 'claude-opus-5-5': true, 'claude-mythos-5-1': true, 'claude-sonnet-5': true,
  'claude-fable-5': true, 'claude-mythos-5': true, 'claude-opus-5': true, 'claude-opus-4-8': true,
  'claude-opus-4-7': true, 'claude-mythos-preview': true, 'claude-opus-4-6': true, 'claude-sonnet-4-6': true,
  'claude-haiku-4-5': true, 'claude-haiku-4-5-20251001': true, 'claude-opus-4-5': true,
  'claude-opus-4-5-20251101': true, 'claude-sonnet-4-5': true, 'claude-sonnet-4-5-20250929': true,
};
/** The literal ids of the SDK `Model` union (SDK:resources/messages/messages.ts:5279-5302). */
export const SDK_MODEL_UNION_IDS: readonly string[] = Object.keys(SDK_MODEL_IDS);
