/**
 * Emulates what a browser sees when it calls api.anthropic.com directly without opting in to browser access.
 *
 * The SDK sends `anthropic-dangerous-direct-browser-access: true` only when `dangerouslyAllowBrowser` is set
 * (SDK:client.ts:2132-2134). Without it the API refuses the CORS request (third-party reports, REF §2, marked
 * unverified there), and `fetch` in a browser can only report a bare network failure: a `TypeError` whose
 * message is "Failed to fetch" in Chromium. The learner cannot see the CORS console message from inside the
 * sandbox, so the emulator appends a hint naming the header and the SDK option.
 */

export const BROWSER_ACCESS_HEADER = 'anthropic-dangerous-direct-browser-access';

export type BrowserAccessMode = 'require-header' | 'ignore';

export const BROWSER_ACCESS_HINT =
  `The API refused this cross-origin (CORS) request from the browser because it did not send the header ` +
  `"${BROWSER_ACCESS_HEADER}: true". With fetch, add that header; with the SDK, pass ` +
  `\`new Anthropic({ dangerouslyAllowBrowser: true })\`.`;

/** The error a browser's fetch rejects with; `message` starts like Chromium's and carries the hint. */
export function browserAccessError(): TypeError {
  const error = new TypeError(`Failed to fetch (${BROWSER_ACCESS_HINT})`);
  return error;
}

/** Returns the TypeError to reject with, or null when the request may proceed. */
export function checkBrowserAccess(request: Request, mode: BrowserAccessMode): TypeError | null {
  if (mode !== 'require-header') return null;
  const value = request.headers.get(BROWSER_ACCESS_HEADER);
  return value !== null && value.trim().toLowerCase() === 'true' ? null : browserAccessError();
}

/**
 * The same rule over plain HTTP (the local Node server), where the client can read the answer: a request that
 * carries an `Origin` header (a browser page) without the opt-in header is a 401 `authentication_error` whose
 * response has no `access-control-allow-origin`, so a browser blocks it; with the opt-in the API answers with
 * `access-control-allow-origin: *` and `access-control-expose-headers: *`. Source: third-party captures of real
 * responses (2024-2026, e.g. github.com/open-pencil/open-pencil/issues/436, ChatGPTNextWeb/NextChat#5429), quoting
 * the message below; not in the official docs (REF §2 marks the CORS behaviour unverified).
 */
export const CORS_OPT_IN_MESSAGE = `CORS requests must set '${BROWSER_ACCESS_HEADER}' header`;

export function isBrowserRequestWithoutOptIn(headers: { origin?: string | null; optIn?: string | null }): boolean {
  if (headers.origin === undefined || headers.origin === null || headers.origin === '') return false;
  return headers.optIn?.trim().toLowerCase() !== 'true';
}
