import type { TokenUsage } from '../inspector/pricing';
import { formatUsd } from '../inspector/pricing';

/** "in 120 · out 48 (thinking 20) · cache write 0 · cache read 1,024 · ≈ $0.0012 · cache saved $0.0009". */
export function usageLine(usage: TokenUsage, cost: number | undefined, cacheSavings: number | undefined): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const parts = [
    `in ${n(usage.input)}`,
    `out ${n(usage.output)}${usage.thinking !== undefined ? ` (thinking ${n(usage.thinking)})` : ''}`,
    `cache write ${n(usage.cacheWrite5m + usage.cacheWrite1h)}`,
    `cache read ${n(usage.cacheRead)}`,
    cost === undefined ? 'cost unknown' : `≈ ${formatUsd(cost)}`,
  ];
  if (cacheSavings !== undefined && cacheSavings > 0) parts.push(`cache saved ≈ ${formatUsd(cacheSavings)}`);
  return `Tokens: ${parts.join(' · ')}`;
}
