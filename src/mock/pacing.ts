/** How fast replies arrive: realistic for the page, fast for the local server, instant for tests. */

export type Pacing = { timeToFirstTokenMs: number; tokensPerSecond: number } | 'instant';

/** What `pacing` defaults to: a first token after ~0.6 s, then ~60 tokens per second. */
export const REALISTIC_PACING: Pacing = { timeToFirstTokenMs: 600, tokensPerSecond: 60 };

/**
 * The mock server's default: streams still arrive event by event over time, but a 1,000-token reply
 * takes about half a second, so scripts and test suites pointed at the server are not slowed down.
 */
export const FAST_PACING: Pacing = { timeToFirstTokenMs: 50, tokensPerSecond: 2000 };

export function checkPacing(pacing: Pacing): Pacing {
  if (pacing === 'instant') return pacing;
  if (!(pacing.timeToFirstTokenMs >= 0) || !(pacing.tokensPerSecond > 0)) {
    throw new RangeError('pacing needs timeToFirstTokenMs >= 0 and tokensPerSecond > 0, or the string "instant"');
  }
  return pacing;
}

/** Waits `ms`, rejecting with the signal's reason if it aborts first. */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
