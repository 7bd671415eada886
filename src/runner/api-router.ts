import type { Emulator, Pacing } from '../mock/emulator';
import { validateKey } from '../live/key-store';
import { createLiveTransport } from '../live/live-transport';
import { API_ORIGIN } from './worker-protocol';

export type ApiMode = 'emulator' | 'live';

/** Page side; the single place a cell's requests leave the sandbox. */
export interface ApiRouter {
  readonly mode: ApiMode;
  setMode(mode: ApiMode): void;
  /**
   * Sets (or with `undefined` forgets) the learner's key for live mode, kept on the page only. Throws a
   * clear error for something that is not an Anthropic key. Used when no `liveKey` option was given.
   */
  setLiveKey(key: string | undefined): void;
  /** The page's emulator, created (and its module imported) on first use; its state outlives workers. */
  emulator(): Promise<Emulator>;
  /** Answers a request to https://api.anthropic.com with the emulator or, in live mode, the real API. */
  handle(request: Request): Promise<Response>;
}

export interface ApiRouterOptions {
  /** Emulator stream pacing; default: 'instant' when the page URL has `?pacing=instant`, else realistic. */
  pacing?: Pacing;
  /** The learner's key for live mode (see src/live/key-store.ts). */
  liveKey?: () => string | null;
}

export function createApiRouter(options: ApiRouterOptions = {}): ApiRouter {
  let mode: ApiMode = 'emulator';
  let emulator: Promise<Emulator> | undefined;
  const pacing = options.pacing ?? pacingFromPageUrl();
  let ownKey: string | null = null;
  const live = createLiveTransport({ getKey: options.liveKey ?? (() => ownKey) });

  const router: ApiRouter = {
    get mode() {
      return mode;
    },
    setMode(next) {
      if (next !== 'emulator' && next !== 'live') throw new TypeError(`Unknown API mode: ${String(next)}`);
      mode = next;
    },
    setLiveKey(key) {
      if (key === undefined) {
        ownKey = null;
        return;
      }
      const trimmed = key.trim();
      validateKey(trimmed);
      ownKey = trimmed;
    },
    emulator() {
      emulator ??= import('../mock/emulator').then(({ createEmulator }) =>
        createEmulator({ browserAccess: 'require-header', ...(pacing ? { pacing } : {}) }),
      );
      emulator.catch(() => {
        emulator = undefined;
      });
      return emulator;
    },
    async handle(request) {
      const origin = new URL(request.url).origin;
      if (origin !== API_ORIGIN) throw new TypeError(`The playground only lets cells call ${API_ORIGIN}; blocked: ${origin}/`);
      if (mode === 'live') return live.handle(request);
      return (await router.emulator()).handle(request);
    },
  };
  return router;
}

function pacingFromPageUrl(): Pacing | undefined {
  if (typeof location === 'undefined') return undefined;
  return new URLSearchParams(location.search).get('pacing') === 'instant' ? 'instant' : undefined;
}
