/**
 * The sandbox frame's document (its srcdoc), in one place: the page builds it (sandbox-host.ts) and the build
 * hashes its script for the page's Content-Security-Policy (src/site/csp-plugin.ts). A srcdoc document inherits
 * the policy of the page that embeds it, so the page's policy must allow exactly this inline script.
 */

/**
 * The frame's own policy, on top of the page's: no network at all (`connect-src 'none'`: XMLHttpRequest,
 * WebSocket, EventSource and fetch from the frame fail; cells reach the API only through the page), scripts
 * only inline (this frame's), eval (compiled cells) and blob: (the worker, the SDK and course modules).
 */
export const FRAME_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; connect-src 'none'; style-src 'none'";

/** The frame script as it stands inside `<script>…</script>` (a `</script` in it would end the element). */
export function frameScriptText(frameSource: string): string {
  return frameSource.replace(/<\/(script)/gi, '<\\/$1');
}

export function frameDocument(frameSource: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">` +
    `</head><body><script>${frameScriptText(frameSource)}</script></body></html>`
  );
}
