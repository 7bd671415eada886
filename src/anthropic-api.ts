/**
 * What every layer knows about https://api.anthropic.com (the sandbox's `fetch`, the backend, live mode, the
 * emulator): its origin, the placeholder key cells hold, and the one origin check. It imports nothing, so any
 * layer may import it without a dependency pointing up.
 */

/** The only origin cells may call; the emulator answers it too. */
export const API_ORIGIN = 'https://api.anthropic.com';

/** The key the sandbox sees as `process.env.ANTHROPIC_API_KEY`; the emulator accepts any `sk-ant-` key. */
export const PLACEHOLDER_API_KEY = 'sk-ant-playground-0000000000000000';

/**
 * `url` parsed, or the TypeError a refused request gets: for a cell's fetch (default) or, from live mode
 * (`'live'`), for a request about to carry the learner's key.
 */
export function requireApiOrigin(url: string | URL, refusedBy: 'cell' | 'live' = 'cell'): URL {
  const parsed = new URL(url);
  if (parsed.origin === API_ORIGIN) return parsed;
  throw new TypeError(
    refusedBy === 'live'
      ? `Live mode only calls ${API_ORIGIN}; refused: ${parsed.origin}/`
      : `The playground only lets cells call ${API_ORIGIN}; blocked: ${parsed.origin}/`,
  );
}
