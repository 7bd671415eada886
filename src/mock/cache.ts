/**
 * Prompt caching, as documented: an exact-prefix cache over the canonical order
 * tools → system → messages.
 *  - Breakpoints are the blocks with `cache_control`, plus (with top-level `cache_control`) the
 *    last cacheable block of the prompt ("automatic caching").
 *  - Lookup: at each breakpoint, the longest previously written prefix ending at that block or up
 *    to 20 blocks before it is a hit; the longest hit over all breakpoints wins, and reading
 *    refreshes its lifetime.
 *  - Writes happen only at breakpoints after the hit, and only for prefixes of at least the
 *    model's `minCacheableTokens`; shorter prefixes are processed uncached, without error.
 *  - Entries live 5 minutes (default) or 1 hour (`ttl: "1h"`) on the injected clock; the tokens
 *    written are split by the TTL of the breakpoint that ends each segment.
 *  - `input_tokens` is what comes after the last cache hit or write. The cache is keyed by model.
 */
import type { CacheControlEphemeral, MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import { fingerprintText } from './hash';
import type { ModelFacts } from './models';
import { promptUnits } from './tokens';

export interface CacheAccounting {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

/** How far back from a breakpoint the API looks for an earlier cache entry. */
export const LOOKBACK_BLOCKS = 20;

const TTL_MS: Record<'5m' | '1h', number> = { '5m': 5 * 60_000, '1h': 60 * 60_000 };

interface Entry {
  expiresAt: number;
  ttl: '5m' | '1h';
}

function ttlOf(control: CacheControlEphemeral): '5m' | '1h' {
  return control.ttl === '1h' ? '1h' : '5m';
}

/**
 * Entries kept at most (the emulator's own bound, far above what a course uses): past it the oldest written go first.
 * Expired entries are swept once per `SWEEP_INTERVAL_MS` of emulator time, so a prefix never requested again does
 * not stay in memory for hours.
 */
export const MAX_CACHE_ENTRIES = 5_000;
const SWEEP_INTERVAL_MS = 60_000;

export class PromptCache {
  private readonly entries = new Map<string, Entry>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number) {}

  /** Entries currently held (expired ones included until the next sweep). */
  get size(): number {
    return this.entries.size;
  }

  /** Drops expired entries (at most once a minute of emulator time), then the oldest past the bound. */
  private sweep(now: number): void {
    if (now - this.lastSweep >= SWEEP_INTERVAL_MS) {
      this.lastSweep = now;
      for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_CACHE_ENTRIES) break;
      this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  /** Reads and writes the cache for one request and reports the usage split. */
  account(params: MessageCreateParamsBase, model: ModelFacts): CacheAccounting {
    const units = promptUnits(params);
    const total = units.reduce((sum, unit) => sum + unit.tokens, 0);
    const now = this.now();
    this.sweep(now);

    // Prefix keys: a hash chain, so key[i] identifies units[0..i] exactly (and the model).
    const keys: string[] = [];
    const prefixTokens: number[] = [];
    let chain = `model:${model.id}`;
    let running = 0;
    for (const unit of units) {
      chain = fingerprintText(`${chain}\u0000${unit.section}\u0000${unit.content}`);
      keys.push(chain);
      running += unit.tokens;
      prefixTokens.push(running);
    }

    const breakpoints = new Map<number, '5m' | '1h'>();
    units.forEach((unit, index) => {
      if (unit.cacheControl && unit.cacheable) breakpoints.set(index, ttlOf(unit.cacheControl));
    });
    if (params.cache_control) {
      let last = units.length - 1;
      while (last >= 0 && !units[last]!.cacheable) last--;
      if (last >= 0 && !breakpoints.has(last)) breakpoints.set(last, ttlOf(params.cache_control));
    }
    const positions = [...breakpoints.keys()].sort((a, b) => a - b);

    const live = (index: number): Entry | null => {
      const entry = this.entries.get(keys[index]!);
      if (!entry) return null;
      if (entry.expiresAt <= now) {
        this.entries.delete(keys[index]!);
        return null;
      }
      return entry;
    };

    // Longest hit within each breakpoint's lookback window.
    let hit = -1;
    for (const position of positions) {
      for (let index = position; index >= 0 && index >= position - LOOKBACK_BLOCKS; index--) {
        if (live(index)) {
          hit = Math.max(hit, index);
          break;
        }
      }
    }
    if (hit >= 0) {
      const entry = live(hit)!;
      entry.expiresAt = now + TTL_MS[entry.ttl];
    }

    const readTokens = hit >= 0 ? prefixTokens[hit]! : 0;
    const creation = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 };
    let written = hit;
    for (const position of positions) {
      if (position <= hit) {
        // A breakpoint inside the hit prefix: its own entry (if any) is refreshed too.
        const entry = live(position);
        if (entry) entry.expiresAt = now + TTL_MS[entry.ttl];
        continue;
      }
      if (prefixTokens[position]! < model.minCacheableTokens) continue;
      const ttl = breakpoints.get(position)!;
      const segment = prefixTokens[position]! - (written >= 0 ? prefixTokens[written]! : 0);
      if (ttl === '1h') creation.ephemeral_1h_input_tokens += segment;
      else creation.ephemeral_5m_input_tokens += segment;
      this.entries.set(keys[position]!, { expiresAt: now + TTL_MS[ttl], ttl });
      written = position;
    }

    const creationTokens = creation.ephemeral_5m_input_tokens + creation.ephemeral_1h_input_tokens;
    return {
      input_tokens: total - readTokens - creationTokens,
      cache_creation_input_tokens: creationTokens,
      cache_read_input_tokens: readTokens,
      cache_creation: creation,
    };
  }
}
