/**
 * The price table behind every cost the playground shows (per exchange, per cell, the live budget).
 *
 * Dated 2026-10-08. Source: Anthropic's pricing page, https://platform.claude.com/docs/en/about-claude/pricing
 * ([PR] in shared/reference/models.md §1, with the per-model pages cited there). USD per million tokens.
 * Models whose price only third parties state (Fable 5.2, Mythos 5.2) and Mythos Preview (not on the page)
 * are left out on purpose: their cost shows as unknown rather than as a guess.
 * Rules from the same page: Batch API −50% on input and output; `inference_geo: "us"` 1.1× on every category
 * for 4.6+ models; Haiku 5.5 prompts over 100,000 tokens pay its higher row.
 */
export const PRICE_TABLE_DATE = '2026-10-08';
export const PRICE_TABLE_SOURCE = 'https://platform.claude.com/docs/en/about-claude/pricing';

/** USD per million tokens. */
export interface ModelPrices {
  input: number;
  output: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
}

interface PriceRow extends ModelPrices {
  /** Haiku 5.5: prompts over `threshold` tokens pay `prices`. */
  longPrompt?: { threshold: number; prices: ModelPrices };
  /** `speed: "fast"` input/output prices (Opus 5.5, Opus 5, Opus 4.8); cache prices for fast mode are not on the page. */
  fast?: { input: number; output: number };
  /** Billed 1.1× with `inference_geo: "us"` (Claude 4.6 and later). */
  geo: boolean;
}

const row = (input: number, output: number, cacheWrite5m: number, cacheWrite1h: number, cacheRead: number, extra: Partial<PriceRow> = {}): PriceRow => ({
  input, output, cacheWrite5m, cacheWrite1h, cacheRead, geo: true, ...extra,
});

const PRICES: Record<string, PriceRow> = {
  'claude-haiku-5-5': row(0.1, 0.5, 0.125, 0.2, 0.01, {
    longPrompt: { threshold: 100_000, prices: { input: 0.5, output: 2.5, cacheWrite5m: 0.625, cacheWrite1h: 1, cacheRead: 0.05 } },
  }),
  'claude-sonnet-5-5': row(2, 10, 2.5, 4, 0.1),
  'claude-opus-5-5': row(4, 20, 5, 8, 0.2, { fast: { input: 8, output: 40 } }),
  'claude-fable-5-1': row(10, 50, 12.5, 20, 0.25),
  'claude-mythos-5-1': row(10, 50, 12.5, 20, 0.25),
  'claude-sonnet-5': row(2, 10, 2.5, 4, 0.2),
  'claude-fable-5': row(10, 50, 12.5, 20, 1),
  'claude-mythos-5': row(10, 50, 12.5, 20, 1),
  'claude-opus-5': row(5, 25, 6.25, 10, 0.5, { fast: { input: 10, output: 50 } }),
  'claude-opus-4-8': row(5, 25, 6.25, 10, 0.5, { fast: { input: 10, output: 50 } }),
  'claude-opus-4-7': row(5, 25, 6.25, 10, 0.5),
  'claude-opus-4-6': row(5, 25, 6.25, 10, 0.5),
  'claude-sonnet-4-6': row(3, 15, 3.75, 6, 0.3),
  'claude-haiku-4-5-20251001': row(1, 5, 1.25, 2, 0.1, { geo: false }),
  'claude-opus-4-5-20251101': row(5, 25, 6.25, 10, 0.5, { geo: false }),
  'claude-sonnet-4-5-20250929': row(3, 15, 3.75, 6, 0.3, { geo: false }),
};
const ALIASES: Record<string, string> = {
  'claude-haiku-4-5': 'claude-haiku-4-5-20251001',
  'claude-opus-4-5': 'claude-opus-4-5-20251101',
  'claude-sonnet-4-5': 'claude-sonnet-4-5-20250929',
};

/** Token use as the API reports it in `usage`, by billing category. */
export interface TokenUsage {
  input: number;
  output: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  /** `output_tokens_details.thinking_tokens`, where reported (part of `output`, not extra). */
  thinking?: number;
  serviceTier?: string;
  inferenceGeo?: string;
  speed?: string;
}

export interface CostEstimate {
  /** USD; undefined when the model has no price in the table. */
  total?: number;
  parts?: { input: number; output: number; cacheWrite: number; cacheRead: number };
  /** What the cache reads saved against paying full input price for the same tokens. */
  cacheSavings?: number;
  /** Which row applied, e.g. "claude-haiku-5-5, prompt over 100,000 tokens". */
  basis: string;
}

export function pricesFor(model: string): ModelPrices | undefined {
  return PRICES[ALIASES[model] ?? model];
}

/** The estimated cost of one response's usage on `model`, by the table above. */
export function estimateCost(model: string, usage: TokenUsage): CostEstimate {
  const id = ALIASES[model] ?? model;
  const priceRow = PRICES[id];
  if (!priceRow) return { basis: `no price for ${model} in the table of ${PRICE_TABLE_DATE}` };
  const notes: string[] = [];
  let prices: ModelPrices = priceRow;
  const prompt = usage.input + usage.cacheWrite5m + usage.cacheWrite1h + usage.cacheRead;
  if (priceRow.longPrompt && prompt > priceRow.longPrompt.threshold) {
    prices = priceRow.longPrompt.prices;
    notes.push(`prompt over ${priceRow.longPrompt.threshold.toLocaleString('en-US')} tokens`);
  }
  let inputPrice = prices.input;
  let outputPrice = prices.output;
  if (usage.speed === 'fast' && priceRow.fast) {
    inputPrice = priceRow.fast.input;
    outputPrice = priceRow.fast.output;
    notes.push('fast mode');
  }
  let factor = 1;
  if (usage.serviceTier === 'batch') notes.push('Batch API: half price on input and output');
  const batch = usage.serviceTier === 'batch' ? 0.5 : 1;
  if (usage.inferenceGeo === 'us' && priceRow.geo) {
    factor = 1.1;
    notes.push('US-only inference ×1.1');
  }
  const perToken = (price: number) => (price * factor) / 1_000_000;
  const parts = {
    input: usage.input * perToken(inputPrice) * batch,
    output: usage.output * perToken(outputPrice) * batch,
    cacheWrite: usage.cacheWrite5m * perToken(prices.cacheWrite5m) + usage.cacheWrite1h * perToken(prices.cacheWrite1h),
    cacheRead: usage.cacheRead * perToken(prices.cacheRead),
  };
  const total = parts.input + parts.output + parts.cacheWrite + parts.cacheRead;
  const cacheSavings = usage.cacheRead > 0 ? usage.cacheRead * (perToken(inputPrice) * batch - perToken(prices.cacheRead)) : undefined;
  return {
    total,
    parts,
    ...(cacheSavings !== undefined ? { cacheSavings } : {}),
    basis: [id, ...notes].join(', '),
  };
}

/** `$0.0123`, `$0.000033` (two significant digits for the tiny sums of one lesson call), `$1.25`. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  const decimals = Math.min(8, Math.max(4, 1 - Math.floor(Math.log10(usd))));
  return `$${usd.toFixed(decimals)}`;
}
