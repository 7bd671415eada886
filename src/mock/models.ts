/**
 * The emulator's one table of per-model facts. Everything model-specific that the validators, the generator, the
 * cache, the thinking-block binding and `/v1/models` need is read from here (`getModelFacts(id)`).
 *
 * Source tags next to each fact:
 *  - `[TH]`, `[ER]`, `[EF]`, `[PC]`, `[PR]`, `[PT]`, `[TT]`, `[DEP]`, `[MCS]`, `[S55]`, `[H55M]`, `[O55]`, `[F51]`,
 *    `[F52]`, … : the docs pages keyed in /work/shared/reference/models.md §0 (MD), whose §1–§5 this table encodes
 *    row by row (MD §2 thinking and effort, §3 tool choice / prefill / sampling / caching, §4 binding, §5 rules).
 *  - `SDK:<path>:<line>`  @anthropic-ai/sdk 1.12.0, `node_modules/@anthropic-ai/sdk/src/…`
 *  - `CL:<line>`          node_modules/@anthropic-ai/sdk/CHANGELOG.md (release of the SDK version that added the
 *                         model; used as `created_at` when the id carries no snapshot date)
 *  - `unverified` / `inferred`: no official source; the value follows the documented sibling named next to it.
 */
import type { Model } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ModelCapabilities, ModelInfo, ModelLine } from '@anthropic-ai/sdk/resources/models';

export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';
export const EFFORT_LEVELS: readonly Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];

/** How a model answers a `thinking.type` value. `deprecated` works (the SDK warns). */
export type ThinkingSupport = 'ok' | 'deprecated' | 'rejected';

/** Which quoted 400 a rejected `thinking.type: "disabled"` gets (MD §5 E-disabled, E-disabled-preview, E-disabled-s55). */
export type DisabledRule = 'ok' | 'E-disabled' | 'E-disabled-preview' | 'E-disabled-s55';

/** How `temperature` / `top_p` / `top_k` are judged (MD §5 rule 12, §3). */
export type SamplingRule =
  /** Range-checked; the thinking limits apply only while thinking is on (4.6 and earlier). */
  | 'limits-with-thinking'
  /** Like `limits-with-thinking`, and `temperature` with `top_p` together is a 400 (Haiku 4.5 [H55M; MG]). */
  | 'limits-with-thinking-exclusive'
  /** Any non-default value is a 400 on every request (the "Claude 4.7 and later" group [TH]). */
  | 'defaults-only'
  /** Only `temperature: 1` or `top_p: 0.99`, never both, never `top_k` (Haiku 5.5 [H55M]). */
  | 'haiku-5-5';

export interface ThinkingFacts {
  /** What a request without `thinking` gets (MD §5 rule 1). */
  whenOmitted: 'adaptive' | 'off';
  /** Adaptive thinking cannot be turned off here ("always on"): every reply starts with a thinking block. */
  alwaysOn: boolean;
  enabled: ThinkingSupport;
  adaptive: Exclude<ThinkingSupport, 'deprecated'>;
  disabled: DisabledRule;
  /** `between_tools` accepted (only Sonnet 5.5; elsewhere E-bt). */
  betweenTools: boolean;
  /** With thinking off (`disabled` / `between_tools`) effort `xhigh`/`max` is a 400 (E-effort-off). */
  offCapsEffortAtHigh: boolean;
  /** `display` when the request sets none (MD §2 "Default display"). */
  defaultDisplay: 'summarized' | 'omitted';
  /** Writes signed progress-update thinking blocks before tool calls (MD §5 rule 17). */
  progressUpdates: boolean;
  /**
   * Thinking blocks of earlier assistant turns stay in the context (and in `input_tokens`); otherwise only the latest
   * assistant turn's are kept ("Keep all prior-turn thinking" vs "Keep only the last turn's thinking", MD §4 [TH]).
   */
  keepsPriorTurns: boolean;
  /** Replayed thinking blocks are checked against the conversation prefix they were made in (MD §5 rule 15). */
  prefixCheck: boolean;
  /**
   * Whose thinking blocks this model reads (MD §4 first column); others are dropped silently (MD §5 rule 14).
   * `own-and-earlier`: its own and those of every model released before it.
   */
  reads: 'own-and-earlier' | readonly string[];
}

export interface ModelFacts {
  /** Canonical id: what `/v1/models` lists and what aliases resolve to. */
  id: string;
  /** Other ids the API accepts for this model (undated alias of a dated snapshot). */
  aliases: readonly string[];
  display_name: string;
  line: ModelLine;
  /** RFC 3339. */
  created_at: string;
  /**
   * `retired`: "no longer available for use; inference requests naming it fail. It remains in the catalogue"
   * (SDK:resources/models.ts ModelInfo.lifecycle): listed only when asked for, and 404 for requests (validate/index.ts).
   */
  lifecycle: 'active' | 'deprecated' | 'retired';
  /** RFC 3339 or null while active. */
  deprecated_at: string | null;
  /** RFC 3339 scheduled retirement, or null. */
  retires_at: string | null;
  /** Id suggested as the replacement in deprecation notices. */
  replacement: string | null;
  max_input_tokens: number;
  /** Upper bound for the request's `max_tokens`. */
  max_tokens: number;
  /** Prefixes shorter than this are silently not cached (MD §3 "Min cacheable prompt", §5 rule 18). */
  minCacheableTokens: number;
  /** A conversation may end with an assistant turn while thinking is off (MD §5 rule 11). */
  supportsPrefill: boolean;
  thinking: ThinkingFacts;
  /** `output_config.effort` levels and the default, or null where effort is not supported (MD §2, §5 rule 7). */
  effort: { levels: readonly Effort[]; default: Effort } | null;
  sampling: SamplingRule;
  /** `tool_choice` `{type:"any"}` / `{type:"tool"}` accepted (MD §5 rule 10). */
  supportsForcedToolChoice: boolean;
  /**
   * The computer-use tool versions accepted, or `all` (MD §5 rule 19). A version outside the list is a 400
   * E-computer naming the model.
   */
  computerTools: 'all' | readonly string[];
  /** `inference_geo` accepted (MD §5 rule 20: not on models before Claude 4.6). */
  supportsInferenceGeo: boolean;
  /** `{role:"system"}` entries inside `messages` accepted [MCS]. */
  supportsSystemMessages: boolean;
  /**
   * A mid-conversation system message may set `output_config.effort` (beta `mid-conversation-output-config-2026-07-01`):
   * Fable 5.1, Mythos 5.1, Opus 5.5, Opus 5, Sonnet 5.5, Haiku 5.5 [EF] (MD §2, §5 rule 6); Fable/Mythos 5.2 inferred.
   */
  perMessageEffort: boolean;
  /**
   * `speed: "fast"` (MD §5 rule 21 [PR]): `fast` on Opus 5.5, Opus 5 and Opus 4.8; Opus 4.6 runs it at standard
   * speed and price (`standard`); Opus 4.7 answers with an error (`rejected`). Other models are unverified: the
   * emulator echoes the request (`fast`).
   */
  fastMode: 'fast' | 'standard' | 'rejected';
  /** Newer tokenizer: the same text costs about 30% more tokens [PR] (Claude 4.7 and later, Mythos Preview). */
  newTokenizer: boolean;
  /**
   * Input tokens of the tool-use system prompt the API adds whenever `tools` is sent, with `tool_choice`
   * auto/none and with any/tool (null where forcing is a 400), from the pricing page's table [PR; MD §3].
   * Absent where the docs give no figure: tokens.ts then uses the Claude 4 figures.
   */
  toolPromptTokens?: { auto: number; forced: number | null };
}

const M = 1_000_000;
const K200 = 200_000;
const ALL_EFFORT: readonly Effort[] = EFFORT_LEVELS;
/** No `xhigh` (MD §2: Mythos Preview, Opus 4.6, Sonnet 4.6). */
const NO_XHIGH: readonly Effort[] = ['low', 'medium', 'high', 'max'];
/** Only the Claude API's `computer_toolset_20260801` (MD §5 rule 19 [ER; O55; H55]). */
const TOOLSET_ONLY = ['computer_toolset_20260801'] as const;

/** Models released before Fable 5.1, whose blocks Fable 5.1 and Mythos 5.1 read ("every earlier model's" [TH; F51]). */
const OLDER_THAN_FIVE_ONE = [
  'claude-opus-5', 'claude-sonnet-5', 'claude-fable-5', 'claude-mythos-5', 'claude-opus-4-8', 'claude-opus-4-7',
  'claude-mythos-preview', 'claude-opus-4-6', 'claude-sonnet-4-6', 'claude-haiku-4-5-20251001',
  'claude-opus-4-5-20251101', 'claude-sonnet-4-5-20250929',
] as const;

/**
 * One row per model the SDK lists (SDK:resources/messages/messages.ts:5279-5302), newest first. Every row states
 * every rule; a value without its own comment comes from the MD §2/§3/§4 row of that model, whose sources are
 * given in the row's first comment.
 */
const TABLE: readonly ModelFacts[] = [
  {
    // CL:151-156 (1.7.0, 2026-11-09). MD §2-§4 row fable-5-2 [F52]: thin. Adaptive always on [F52]; enabled and
    // disabled 400 ("always on suggests 400", unverified); between_tools, display, effort levels unverified, as Fable 5.1;
    // default effort high (third-party). Forced tool_choice unverified: as Fable 5.1 (400). Cache minimum unverified:
    // 512 as Fable 5.1. Prefix check on every account [F52]. Rejects computer_20251124 everywhere but Bedrock [F52].
    // Reads: unverified, as Fable 5.1; only Fable 5.2 and Mythos 5.2 read its blocks [F52].
    id: 'claude-fable-5-2', aliases: [], display_name: 'Claude Fable 5.2', line: 'fable',
    created_at: '2026-11-09T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: {
      whenOmitted: 'adaptive', alwaysOn: true, enabled: 'rejected', adaptive: 'ok', disabled: 'E-disabled',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'omitted', progressUpdates: true,
      keepsPriorTurns: true, prefixCheck: true,
      reads: ['claude-fable-5-2', 'claude-mythos-5-2', 'claude-fable-5-1', 'claude-mythos-5-1', 'claude-opus-5-5', ...OLDER_THAN_FIVE_ONE],
    },
    effort: { levels: ALL_EFFORT, default: 'high' }, sampling: 'defaults-only', supportsForcedToolChoice: false,
    computerTools: TOOLSET_ONLY, supportsInferenceGeo: true, supportsSystemMessages: true,
    perMessageEffort: true, fastMode: 'fast', newTokenizer: true,
  },
  {
    // CL:151-156. MD row fable-5-2 / mythos-5-2 [F52]: as Fable 5.2 (same unverified points).
    id: 'claude-mythos-5-2', aliases: [], display_name: 'Claude Mythos 5.2', line: 'mythos',
    created_at: '2026-11-09T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: {
      whenOmitted: 'adaptive', alwaysOn: true, enabled: 'rejected', adaptive: 'ok', disabled: 'E-disabled',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'omitted', progressUpdates: true,
      keepsPriorTurns: true, prefixCheck: true,
      reads: ['claude-fable-5-2', 'claude-mythos-5-2', 'claude-fable-5-1', 'claude-mythos-5-1', 'claude-opus-5-5', ...OLDER_THAN_FIVE_ONE],
    },
    effort: { levels: ALL_EFFORT, default: 'high' }, sampling: 'defaults-only', supportsForcedToolChoice: false,
    computerTools: TOOLSET_ONLY, supportsInferenceGeo: true, supportsSystemMessages: true,
    perMessageEffort: true, fastMode: 'fast', newTokenizer: true,
  },
  {
    // CL:527 (2026-10-07). MD rows haiku-5-5 [TH; TT; ER; EF; H55; H55M; H55O; PC]: adaptive on when omitted;
    // enabled 400; disabled ok up to effort high (E-effort-off above); between_tools 400; display omitted; effort
    // default medium; forced tool_choice accepted, no thinking block [H55M]; sampling only temperature 1 / top_p 0.99
    // [H55M]; cache minimum 512 [PC]; prefix check; no progress updates ("not in the list" [TH]); only
    // computer_toolset_20260801 [H55]. Reads: unverified (MD §4), so its own blocks only.
    id: 'claude-haiku-5-5', aliases: [], display_name: 'Claude Haiku 5.5', line: 'haiku',
    created_at: '2026-10-07T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: {
      whenOmitted: 'adaptive', alwaysOn: false, enabled: 'rejected', adaptive: 'ok', disabled: 'ok',
      betweenTools: false, offCapsEffortAtHigh: true, defaultDisplay: 'omitted', progressUpdates: false,
      keepsPriorTurns: true, prefixCheck: true,
      reads: ['claude-haiku-5-5'],
    },
    effort: { levels: ALL_EFFORT, default: 'medium' }, sampling: 'haiku-5-5', supportsForcedToolChoice: true,
    computerTools: TOOLSET_ONLY, supportsInferenceGeo: true, supportsSystemMessages: true,
    perMessageEffort: true, fastMode: 'fast', newTokenizer: true,
    toolPromptTokens: { auto: 286, forced: 406 },
  },
  {
    // CL:610-617 (2026-09-28). MD rows sonnet-5-5 [TH; ER; EF; S55; PC]: adaptive on when omitted; enabled 400;
    // disabled 400 E-disabled-s55 at every effort; between_tools ok up to effort high; display omitted; effort
    // default high; forced tool_choice 400 E-forced (also count_tokens) [ER]; cache minimum 512 [PC]; prefix check;
    // progress updates [S55; TH]; only computer_toolset_20260801 [ER]. Reads: Sonnet 5, Opus 4.8, Haiku 4.5 and
    // earlier, and Haiku 5.5; not Opus 5, Opus 5.5, Fable or Mythos [S55; TH].
    id: 'claude-sonnet-5-5', aliases: [], display_name: 'Claude Sonnet 5.5', line: 'sonnet',
    created_at: '2026-09-28T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: {
      whenOmitted: 'adaptive', alwaysOn: false, enabled: 'rejected', adaptive: 'ok', disabled: 'E-disabled-s55',
      betweenTools: true, offCapsEffortAtHigh: true, defaultDisplay: 'omitted', progressUpdates: true,
      keepsPriorTurns: true, prefixCheck: true,
      reads: ['claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-sonnet-5', 'claude-opus-4-8', 'claude-haiku-4-5-20251001',
        'claude-sonnet-4-5-20250929'],
    },
    effort: { levels: ALL_EFFORT, default: 'high' }, sampling: 'defaults-only', supportsForcedToolChoice: false,
    computerTools: TOOLSET_ONLY, supportsInferenceGeo: true, supportsSystemMessages: true,
    perMessageEffort: true, fastMode: 'fast', newTokenizer: true,
    toolPromptTokens: { auto: 286, forced: null },
  },
  {
    // No CHANGELOG entry; created_at inferred from its place in the SDK union. MD rows fable-5-1 [TH; TT; ER; EF;
    // F51; PC]: adaptive always on; enabled 400; disabled 400 E-disabled; between_tools 400; display omitted; effort
    // default high; forced tool_choice 400 E-forced; cache minimum 512; prefix check; progress updates. Computer tool
    // versions: no per-model rule documented, so all are accepted. Reads: Mythos 5.1's, every earlier model's and
    // Opus 5.5's; not Sonnet 5.5's or Haiku 5.5's [TH; F51].
    id: 'claude-fable-5-1', aliases: [], display_name: 'Claude Fable 5.1', line: 'fable',
    created_at: '2026-09-25T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: {
      whenOmitted: 'adaptive', alwaysOn: true, enabled: 'rejected', adaptive: 'ok', disabled: 'E-disabled',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'omitted', progressUpdates: true,
      keepsPriorTurns: true, prefixCheck: true,
      reads: ['claude-fable-5-1', 'claude-mythos-5-1', 'claude-opus-5-5', ...OLDER_THAN_FIVE_ONE],
    },
    effort: { levels: ALL_EFFORT, default: 'high' }, sampling: 'defaults-only', supportsForcedToolChoice: false,
    computerTools: 'all', supportsInferenceGeo: true, supportsSystemMessages: true,
    perMessageEffort: true, fastMode: 'fast', newTokenizer: true,
  },
  {
    // CL:658-664 (2026-09-22). MD rows opus-5-5 [TH; ER; EF; O55; O55M; PC]: adaptive always on; enabled 400;
    // disabled 400 E-disabled; between_tools 400; display omitted; effort default medium [EF]; forced tool_choice
    // 400 E-forced; cache minimum 512; prefix check; progress updates; only computer_toolset_20260801 [ER; O55].
    // Reads: Opus 5 and earlier Opus, Sonnet and Haiku models, Haiku 5.5 and Sonnet 5.5; not Fable or Mythos [O55].
    id: 'claude-opus-5-5', aliases: [], display_name: 'Claude Opus 5.5', line: 'opus',
    created_at: '2026-09-22T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: {
      whenOmitted: 'adaptive', alwaysOn: true, enabled: 'rejected', adaptive: 'ok', disabled: 'E-disabled',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'omitted', progressUpdates: true,
      keepsPriorTurns: true, prefixCheck: true,
      reads: ['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-5', 'claude-sonnet-5',
        'claude-opus-4-8', 'claude-opus-4-7', 'claude-opus-4-6', 'claude-sonnet-4-6', 'claude-haiku-4-5-20251001',
        'claude-opus-4-5-20251101', 'claude-sonnet-4-5-20250929'],
    },
    effort: { levels: ALL_EFFORT, default: 'medium' }, sampling: 'defaults-only', supportsForcedToolChoice: false,
    computerTools: TOOLSET_ONLY, supportsInferenceGeo: true, supportsSystemMessages: true,
    perMessageEffort: true, fastMode: 'fast', newTokenizer: true,
    toolPromptTokens: { auto: 286, forced: null },
  },
  {
    // No CHANGELOG entry; created_at inferred. MD rows fable-5-1 / mythos-5-1 [TH; TT; ER; EF; M51; PC]: as Fable
    // 5.1. Prefix check: conflicting (MD §4, §7): the September copies say Mythos 5.1 "doesn't run this check", the
    // newer [F52] and [FIX] pages say it does on every account. The emulator follows the newer pages.
    id: 'claude-mythos-5-1', aliases: [], display_name: 'Claude Mythos 5.1', line: 'mythos',
    created_at: '2026-09-15T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: {
      whenOmitted: 'adaptive', alwaysOn: true, enabled: 'rejected', adaptive: 'ok', disabled: 'E-disabled',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'omitted', progressUpdates: true,
      keepsPriorTurns: true, prefixCheck: true,
      reads: ['claude-fable-5-1', 'claude-mythos-5-1', 'claude-opus-5-5', ...OLDER_THAN_FIVE_ONE],
    },
    effort: { levels: ALL_EFFORT, default: 'high' }, sampling: 'defaults-only', supportsForcedToolChoice: false,
    computerTools: 'all', supportsInferenceGeo: true, supportsSystemMessages: true,
    perMessageEffort: true, fastMode: 'fast', newTokenizer: true,
  },
  {
    // CL:1035 (2026-07-24). MD rows opus-5 [TH; TT; EF; PR; PC]: adaptive on when omitted (not always on);
    // enabled 400; disabled ok up to effort high (the 400 text above it is unverified); between_tools 400; display
    // omitted; effort default high; forced tool_choice accepted; cache minimum 512; no prefix check.
    id: 'claude-opus-5', aliases: [], display_name: 'Claude Opus 5', line: 'opus',
    created_at: '2026-07-24T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: {
      whenOmitted: 'adaptive', alwaysOn: false, enabled: 'rejected', adaptive: 'ok', disabled: 'ok',
      betweenTools: false, offCapsEffortAtHigh: true, defaultDisplay: 'omitted', progressUpdates: false,
      keepsPriorTurns: true, prefixCheck: false,
      reads: 'own-and-earlier',
    },
    effort: { levels: ALL_EFFORT, default: 'high' }, sampling: 'defaults-only', supportsForcedToolChoice: true,
    computerTools: 'all', supportsInferenceGeo: true, supportsSystemMessages: true,
    perMessageEffort: true, fastMode: 'fast', newTokenizer: true,
    toolPromptTokens: { auto: 286, forced: 406 },
  },
  {
    // CL:1156 (2026-06-30). MD rows sonnet-5 [TH; EF; PC; MCS]: adaptive on when omitted; enabled 400; disabled ok
    // (no effort limit documented); between_tools 400; display omitted; effort default high; forced tool_choice
    // accepted; cache minimum 1,024; no mid-conversation system messages [MCS].
    id: 'claude-sonnet-5', aliases: [], display_name: 'Claude Sonnet 5', line: 'sonnet',
    created_at: '2026-06-30T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 1024, supportsPrefill: false,
    thinking: {
      whenOmitted: 'adaptive', alwaysOn: false, enabled: 'rejected', adaptive: 'ok', disabled: 'ok',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'omitted', progressUpdates: false,
      keepsPriorTurns: true, prefixCheck: false,
      reads: 'own-and-earlier',
    },
    effort: { levels: ALL_EFFORT, default: 'high' }, sampling: 'defaults-only', supportsForcedToolChoice: true,
    computerTools: 'all', supportsInferenceGeo: true, supportsSystemMessages: false,
    perMessageEffort: false, fastMode: 'fast', newTokenizer: true,
    toolPromptTokens: { auto: 354, forced: 474 },
  },
  {
    // CL:1258 (2026-06-09); [F5]. MD rows fable-5 [TH; TT; EF; F51; PC]: adaptive always on; enabled and disabled
    // 400; between_tools 400; display omitted; effort default high; forced tool_choice accepted; cache minimum 512;
    // progress updates [TH].
    id: 'claude-fable-5', aliases: [], display_name: 'Claude Fable 5', line: 'fable',
    created_at: '2026-06-09T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: {
      whenOmitted: 'adaptive', alwaysOn: true, enabled: 'rejected', adaptive: 'ok', disabled: 'E-disabled',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'omitted', progressUpdates: true,
      keepsPriorTurns: true, prefixCheck: false,
      reads: 'own-and-earlier',
    },
    effort: { levels: ALL_EFFORT, default: 'high' }, sampling: 'defaults-only', supportsForcedToolChoice: true,
    computerTools: 'all', supportsInferenceGeo: true, supportsSystemMessages: true,
    perMessageEffort: false, fastMode: 'fast', newTokenizer: true,
  },
  {
    // CL:1258 (2026-06-09). MD rows mythos-5 [TH; TT; EF; PC]: as Fable 5, without progress updates.
    id: 'claude-mythos-5', aliases: [], display_name: 'Claude Mythos 5', line: 'mythos',
    created_at: '2026-06-09T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 512, supportsPrefill: false,
    thinking: {
      whenOmitted: 'adaptive', alwaysOn: true, enabled: 'rejected', adaptive: 'ok', disabled: 'E-disabled',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'omitted', progressUpdates: false,
      keepsPriorTurns: true, prefixCheck: false,
      reads: 'own-and-earlier',
    },
    effort: { levels: ALL_EFFORT, default: 'high' }, sampling: 'defaults-only', supportsForcedToolChoice: true,
    computerTools: 'all', supportsInferenceGeo: true, supportsSystemMessages: true,
    perMessageEffort: false, fastMode: 'fast', newTokenizer: true,
  },
  {
    // CL:1326 (2026-05-28). MD rows opus-4-8 [TH; EF; PC; MCS]: thinking off when omitted; enabled 400; adaptive
    // and disabled ok; between_tools 400; display omitted; effort default high; cache minimum 1,024.
    id: 'claude-opus-4-8', aliases: [], display_name: 'Claude Opus 4.8', line: 'opus',
    created_at: '2026-05-28T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 1024, supportsPrefill: false,
    thinking: {
      whenOmitted: 'off', alwaysOn: false, enabled: 'rejected', adaptive: 'ok', disabled: 'ok',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'omitted', progressUpdates: false,
      keepsPriorTurns: true, prefixCheck: false,
      reads: 'own-and-earlier',
    },
    effort: { levels: ALL_EFFORT, default: 'high' }, sampling: 'defaults-only', supportsForcedToolChoice: true,
    computerTools: 'all', supportsInferenceGeo: true, supportsSystemMessages: true,
    perMessageEffort: false, fastMode: 'fast', newTokenizer: true,
    toolPromptTokens: { auto: 290, forced: 410 },
  },
  {
    // CL:1514 (2026-04-16). MD rows opus-4-7 [TH; EF; PC]: as Opus 4.8; cache minimum 2,048; no mid-conversation
    // system messages (not in [MCS]'s list).
    id: 'claude-opus-4-7', aliases: [], display_name: 'Claude Opus 4.7', line: 'opus',
    created_at: '2026-04-16T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 2048, supportsPrefill: false,
    thinking: {
      whenOmitted: 'off', alwaysOn: false, enabled: 'rejected', adaptive: 'ok', disabled: 'ok',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'omitted', progressUpdates: false,
      keepsPriorTurns: true, prefixCheck: false,
      reads: 'own-and-earlier',
    },
    effort: { levels: ALL_EFFORT, default: 'high' }, sampling: 'defaults-only', supportsForcedToolChoice: true,
    computerTools: 'all', supportsInferenceGeo: true, supportsSystemMessages: false,
    perMessageEffort: false, fastMode: 'rejected', newTokenizer: true,
    toolPromptTokens: { auto: 675, forced: 804 },
  },
  {
    // CL:1593 (2026-04-07). Deprecated, EOL "June 30th, 2026": SDK:internal/data/deprecated-models.ts:1-5 (MD §1
    // notes [DEP] says "To be announced"); the SDK still lists it, so it stays `deprecated`. MD rows mythos-preview
    // [TH; TT; ER; EF; PC]: adaptive always on; enabled ok but deprecated (SDK:resources/messages/messages.ts:5340);
    // disabled 400 E-disabled-preview; between_tools 400; display omitted; effort without xhigh, default high; forced
    // tool_choice accepted (a third-party page says not: unverified); sampling defaults only; cache minimum 2,048.
    id: 'claude-mythos-preview', aliases: [], display_name: 'Claude Mythos Preview', line: 'mythos',
    created_at: '2026-04-07T00:00:00Z', lifecycle: 'deprecated', deprecated_at: '2026-06-09T00:00:00Z',
    retires_at: '2026-06-30T00:00:00Z', replacement: 'claude-mythos-5',
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 2048, supportsPrefill: false,
    thinking: {
      whenOmitted: 'adaptive', alwaysOn: true, enabled: 'deprecated', adaptive: 'ok', disabled: 'E-disabled-preview',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'omitted', progressUpdates: false,
      keepsPriorTurns: true, prefixCheck: false,
      reads: 'own-and-earlier',
    },
    effort: { levels: NO_XHIGH, default: 'high' }, sampling: 'defaults-only', supportsForcedToolChoice: true,
    computerTools: 'all', supportsInferenceGeo: true, supportsSystemMessages: false,
    perMessageEffort: false, fastMode: 'fast', newTokenizer: true,
  },
  {
    // CL:1783 (2026-02-05); [OVP]. MD rows opus-4-6 [TH; TT; EF; PC]: thinking off when omitted; enabled ok but
    // deprecated (SDK:internal/data/models-to-warn-with-thinking-enabled.ts); display summarized; effort without
    // xhigh; sampling limits only with thinking on; cache minimum 4,096. 1M context [OVP].
    id: 'claude-opus-4-6', aliases: [], display_name: 'Claude Opus 4.6', line: 'opus',
    created_at: '2026-02-05T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 4096, supportsPrefill: false,
    thinking: {
      whenOmitted: 'off', alwaysOn: false, enabled: 'deprecated', adaptive: 'ok', disabled: 'ok',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'summarized', progressUpdates: false,
      keepsPriorTurns: true, prefixCheck: false,
      reads: 'own-and-earlier',
    },
    effort: { levels: NO_XHIGH, default: 'high' }, sampling: 'limits-with-thinking', supportsForcedToolChoice: true,
    computerTools: 'all', supportsInferenceGeo: true, supportsSystemMessages: false,
    perMessageEffort: false, fastMode: 'standard', newTokenizer: false,
    toolPromptTokens: { auto: 497, forced: 589 },
  },
  {
    // CL:1754 (2026-02-17). MD rows sonnet-4-6 [TH; TT; EF; PC; CW]: as Opus 4.6 ("deprecated" enabled per the
    // docs); cache minimum 1,024.
    id: 'claude-sonnet-4-6', aliases: [], display_name: 'Claude Sonnet 4.6', line: 'sonnet',
    created_at: '2026-02-17T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: M, max_tokens: 128_000, minCacheableTokens: 1024, supportsPrefill: false,
    thinking: {
      whenOmitted: 'off', alwaysOn: false, enabled: 'deprecated', adaptive: 'ok', disabled: 'ok',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'summarized', progressUpdates: false,
      keepsPriorTurns: true, prefixCheck: false,
      reads: 'own-and-earlier',
    },
    effort: { levels: NO_XHIGH, default: 'high' }, sampling: 'limits-with-thinking', supportsForcedToolChoice: true,
    computerTools: 'all', supportsInferenceGeo: true, supportsSystemMessages: false,
    perMessageEffort: false, fastMode: 'fast', newTokenizer: false,
    toolPromptTokens: { auto: 497, forced: 589 },
  },
  {
    // Snapshot date from the id. Active on 2026-10-08 with retirement "not sooner than 2026-10-15"; its status
    // after that is unverified (MD §1, §7), so it stays active here. MD rows haiku-4-5 [TH; TT; ER; EF; OVP; MG; H55M; PC; PR]: thinking off when
    // omitted; enabled is its only thinking mode; adaptive 400 E-adaptive; display summarized; no effort [EF];
    // prefill with thinking off; temperature with top_p 400; cache minimum 4,096; inference_geo 400 [PR]. 200K / 64K.
    id: 'claude-haiku-4-5-20251001', aliases: ['claude-haiku-4-5'], display_name: 'Claude Haiku 4.5', line: 'haiku',
    created_at: '2025-10-01T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: K200, max_tokens: 64_000, minCacheableTokens: 4096, supportsPrefill: true,
    thinking: {
      whenOmitted: 'off', alwaysOn: false, enabled: 'ok', adaptive: 'rejected', disabled: 'ok',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'summarized', progressUpdates: false,
      keepsPriorTurns: false, prefixCheck: false,
      reads: 'own-and-earlier',
    },
    effort: null, sampling: 'limits-with-thinking-exclusive', supportsForcedToolChoice: true,
    computerTools: 'all', supportsInferenceGeo: false, supportsSystemMessages: false,
    perMessageEffort: false, fastMode: 'fast', newTokenizer: false,
    toolPromptTokens: { auto: 496, forced: 588 },
  },
  {
    // Snapshot date from the id; SDK support CL:1877. MD rows opus-4-5 [TH; TT; EF; OVP; PC; PR]: as Haiku 4.5,
    // with effort low/medium/high (default high) and cache minimum 4,096. "temperature and top_p together" is
    // unverified for 4.5 (MD §3), so not enforced. 200K / 64K.
    id: 'claude-opus-4-5-20251101', aliases: ['claude-opus-4-5'], display_name: 'Claude Opus 4.5', line: 'opus',
    created_at: '2025-11-01T00:00:00Z', lifecycle: 'active', deprecated_at: null, retires_at: null, replacement: null,
    max_input_tokens: K200, max_tokens: 64_000, minCacheableTokens: 4096, supportsPrefill: true,
    thinking: {
      whenOmitted: 'off', alwaysOn: false, enabled: 'ok', adaptive: 'rejected', disabled: 'ok',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'summarized', progressUpdates: false,
      keepsPriorTurns: true, prefixCheck: false,
      reads: 'own-and-earlier',
    },
    effort: { levels: ['low', 'medium', 'high'], default: 'high' }, sampling: 'limits-with-thinking',
    supportsForcedToolChoice: true, computerTools: 'all', supportsInferenceGeo: false, supportsSystemMessages: false,
    perMessageEffort: false, fastMode: 'fast', newTokenizer: false,
    toolPromptTokens: { auto: 496, forced: 588 },
  },
  {
    // Snapshot date from the id. Deprecated 2026-09-30, retires 2026-11-30 → claude-sonnet-5-5 [DEP; MD §1 row
    // sonnet-4-5]; SDK:internal/data/deprecated-models.ts. The course runs on 2026-12-04, after that date: retired
    // (listed with `lifecycle[]=retired`, requests 404). The rules below describe it as it was (MD rows sonnet-4-5
    // [TH; TT; OVP; PC; PR]): as Haiku 4.5 without the temperature/top_p rule; no effort; cache minimum 1,024. 200K / 64K.
    id: 'claude-sonnet-4-5-20250929', aliases: ['claude-sonnet-4-5'], display_name: 'Claude Sonnet 4.5', line: 'sonnet',
    created_at: '2025-09-29T00:00:00Z', lifecycle: 'retired', deprecated_at: '2026-09-30T00:00:00Z',
    retires_at: '2026-11-30T00:00:00Z', replacement: 'claude-sonnet-5-5',
    max_input_tokens: K200, max_tokens: 64_000, minCacheableTokens: 1024, supportsPrefill: true,
    thinking: {
      whenOmitted: 'off', alwaysOn: false, enabled: 'ok', adaptive: 'rejected', disabled: 'ok',
      betweenTools: false, offCapsEffortAtHigh: false, defaultDisplay: 'summarized', progressUpdates: false,
      keepsPriorTurns: false, prefixCheck: false,
      reads: 'own-and-earlier',
    },
    effort: null, sampling: 'limits-with-thinking', supportsForcedToolChoice: true,
    computerTools: 'all', supportsInferenceGeo: false, supportsSystemMessages: false,
    perMessageEffort: false, fastMode: 'fast', newTokenizer: false,
    toolPromptTokens: { auto: 496, forced: 588 },
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

/** Whether `reader` reads thinking blocks that `writerId` produced (MD §4 first column; §5 rule 14). */
export function readsThinkingOf(reader: ModelFacts, writerId: string): boolean {
  const writer = getModelFacts(writerId);
  if (!writer) return false;
  if (writer.id === reader.id) return true;
  const { reads } = reader.thinking;
  if (reads !== 'own-and-earlier') return reads.includes(writer.id);
  // "A model reads its own thinking blocks and those of earlier models" [PT, September copy]; the newer models'
  // blocks are read only by the models their own rows name (MD §4), never by an older one.
  return writer.created_at < reader.created_at;
}

/** The effort in effect: the request's, else the model's default (MD §5 rule 7 [EF]). */
export function effectiveEffort(model: ModelFacts, requested: Effort | null | undefined): Effort {
  return requested ?? model.effort?.default ?? 'high';
}

const yes = { supported: true } as const;
const no = { supported: false } as const;
const flag = (on: boolean) => (on ? yes : no);

/**
 * The `/v1/models` representation (SDK:resources/models.ts:213-294). Capabilities derive from the table, with the
 * SDK's field meanings (SDK:resources/models.ts:337-368; MD §2 last bullet): a thinking type is `supported: false`
 * "exactly when a request that sends it gets a 400", so `disabled` is true on Haiku 5.5 and Opus 5 although high
 * effort levels are refused with it; `xhigh` is null where the model lacks it (SDK:resources/models.ts:149).
 */
export function toModelInfo(facts: ModelFacts): ModelInfo {
  const levels = facts.effort?.levels ?? [];
  const has = (level: Effort) => flag(levels.includes(level));
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
      supported: facts.effort !== null,
      low: has('low'),
      medium: has('medium'),
      high: has('high'),
      max: has('max'),
      xhigh: levels.includes('xhigh') ? yes : null,
    },
    image_input: yes,
    pdf_input: yes,
    server_tools: { supported: true, code_execution: yes, web_search: yes },
    structured_outputs: yes,
    thinking: {
      supported: true,
      types: {
        adaptive: flag(facts.thinking.adaptive === 'ok'),
        between_tools: flag(facts.thinking.betweenTools),
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
