import { createLiveTransport, type LiveTransportOptions } from '../live/live-transport';
import type { Backend } from './backend';

/** The real API as a `Backend`: the learner's key (read at each request) replaces the sandbox's placeholder. */
export function createLiveBackend(
  getKey: () => string | null,
  confirmOutsideHosts?: LiveTransportOptions['confirmOutsideHosts'],
): Backend {
  const transport = createLiveTransport({ getKey, ...(confirmOutsideHosts ? { confirmOutsideHosts } : {}) });
  return {
    mode: 'live',
    handle: (request) => transport.handle(request),
  };
}
