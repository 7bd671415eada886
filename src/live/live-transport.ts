import { PLACEHOLDER_API_KEY, requireApiOrigin } from '../anthropic-api';
import { scrubSecret, scrubSecretStream } from './redact';
import { decideLiveRequest } from './request-policy';
import { ADMIN_KEY_PREFIX } from './key-store';

export interface LiveTransport {
  /** Sends a sandbox request to the real API with the learner's key in place of the placeholder. */
  handle(request: Request): Promise<Response>;
}

export interface LiveTransportOptions {
  /** The learner's key, read at each request (null: none set). */
  getKey: () => string | null;
  /** The real `fetch` (tests inject one). */
  fetch?: typeof fetch;
  /**
   * Asks the learner, once per host per session, whether the API may contact hosts other than its own on
   * their behalf (MCP servers, URL sources, web fetch). Without it such requests are refused.
   */
  confirmOutsideHosts?: (request: { hosts: string[]; fields: string[] }) => Promise<boolean>;
}

/** What a refused request rejects with: a TypeError, as a browser's fetch rejects what it will not send. */
function refused(reason: string): TypeError {
  return new TypeError(`The playground refused this live request: ${reason}`);
}

/**
 * Live mode, page side. The sandbox only ever holds the placeholder key; here, on the way out, the
 * placeholder in `x-api-key` / `authorization` becomes the learner's key, and on the way back any echo
 * of the key in the body or an error message is redacted, so the real key never reaches the sandbox,
 * the exchange log or the output. Only https://api.anthropic.com is ever called.
 */
export function createLiveTransport(options: LiveTransportOptions): LiveTransport {
  const realFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  /** Hosts the learner agreed to in this session (memory only: a reload asks again). */
  const agreedHosts = new Set<string>();
  return {
    async handle(request) {
      const url = requireApiOrigin(request.url, 'live');
      const key = options.getKey();
      if (!key) throw new TypeError('Live mode is on but no API key is set: add your key in the live mode panel, or switch back to the emulator.');
      if (key.startsWith(ADMIN_KEY_PREFIX)) throw refused('an Admin API key is never sent from the playground.');
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
      const decision = decideLiveRequest(request.method, url, body ? new TextDecoder().decode(body) : '');
      if (decision.kind === 'refuse') throw refused(decision.reason);
      if (decision.kind === 'confirm') {
        const newHosts = decision.hosts.filter((host) => !agreedHosts.has(host));
        if (newHosts.length > 0) {
          const agreed = (await options.confirmOutsideHosts?.({ hosts: newHosts, fields: decision.fields })) ?? false;
          if (!agreed) {
            throw refused(
              `${decision.fields.join(', ')} would make the API contact ${newHosts.join(', ')} on your behalf, and that was not confirmed.`,
            );
          }
          for (const host of newHosts) agreedHosts.add(host);
        }
      }

      const headers = new Headers(request.headers);
      const apiKey = headers.get('x-api-key');
      if (apiKey !== null && apiKey.trim() === PLACEHOLDER_API_KEY) headers.set('x-api-key', key);
      const authorization = headers.get('authorization');
      if (authorization !== null && authorization.includes(PLACEHOLDER_API_KEY)) {
        headers.set('authorization', authorization.split(PLACEHOLDER_API_KEY).join(key));
      }

      let response: Response;
      try {
        response = await realFetch(url.href, {
          method: request.method,
          headers,
          body,
          signal: request.signal,
          credentials: 'omit',
          redirect: 'error',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
        });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new TypeError(scrubSecret(message, key));
      }
      const scrubbedHeaders = new Headers();
      response.headers.forEach((value, name) => scrubbedHeaders.set(name, scrubSecret(value, key, true)));
      return new Response(response.body ? scrubSecretStream(response.body, key) : null, {
        status: response.status,
        statusText: response.statusText,
        headers: scrubbedHeaders,
      });
    },
  };
}
