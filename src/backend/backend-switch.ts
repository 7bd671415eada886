import { requireApiOrigin } from '../anthropic-api';
import { validateKey } from '../live/key-store';
import type { Backend, BackendMode, BackendSwitch, Pacing } from './backend';
import { createEmulatorBackend } from './emulator-backend';
import { createLiveBackend } from './live-backend';

export interface BackendSwitchOptions {
  /** Emulator stream pacing; default: 'instant' when the page URL has `?pacing=instant`, else realistic. */
  pacing?: Pacing;
  /** The learner's key for live mode (the page passes its key store's; see src/live/key-store.ts). */
  liveKey?: () => string | null;
  /** Live mode asks this before the API may contact other hosts for the learner (src/live/request-policy.ts). */
  confirmOutsideHosts?: (request: { hosts: string[]; fields: string[] }) => Promise<boolean>;
}

/**
 * The one place that chooses who answers a cell's requests: the emulator (the default) or, in live mode,
 * the real API. Every request is checked against the API's origin here, whatever the mode.
 */
export function createBackendSwitch(options: BackendSwitchOptions = {}): BackendSwitch {
  const pacing = options.pacing ?? pacingFromPageUrl();
  let ownKey: string | null = null;
  const emulator = createEmulatorBackend(pacing ? { pacing } : {});
  const backends: Record<BackendMode, Backend> = { emulator, live: createLiveBackend(options.liveKey ?? (() => ownKey), options.confirmOutsideHosts) };
  let current: Backend = emulator;

  return {
    get mode() {
      return current.mode;
    },
    setMode(next) {
      if (next !== 'emulator' && next !== 'live') throw new TypeError(`Unknown API mode: ${String(next)}`);
      current = backends[next];
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
    emulator: () => emulator.controls(),
    pendingFaults: emulator.pendingFaults,
    async handle(request) {
      requireApiOrigin(request.url);
      return current.handle(request);
    },
  };
}

function pacingFromPageUrl(): Pacing | undefined {
  if (typeof location === 'undefined') return undefined;
  return new URLSearchParams(location.search).get('pacing') === 'instant' ? 'instant' : undefined;
}
