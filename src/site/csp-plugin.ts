/**
 * Build-time: the page's own Content-Security-Policy, as a `<meta>` at the top of index.html (a static host
 * such as GitHub Pages cannot send headers). Production builds only: the dev server injects inline scripts
 * and talks over a WebSocket.
 *
 * What it allows, and why:
 * - scripts only from the site itself, plus the exact inline scripts the build knows (by SHA-256): the
 *   theme script in index.html and the sandbox frame's script. The frame is a srcdoc document, and a srcdoc
 *   document inherits the policy of its embedder, so the page's policy must admit its script too;
 * - `'unsafe-eval'` and `blob:`: for the same reason. The sandbox worker inherits this policy through the
 *   frame; it runs the learner's compiled cells with an indirect eval and imports the SDK and course modules
 *   from blob: URLs. The frame's own policy (FRAME_CSP) still forbids it any network access;
 * - workers from the site (Monaco's) and from `blob:` (the sandbox worker, created inside the frame);
 * - connections only to the site and to https://api.anthropic.com (live mode);
 * - inline styles: Monaco injects `<style>` elements (styles cannot run code).
 */
import { createHash } from 'node:crypto';
import type { Plugin, ResolvedConfig } from 'vite';
import { API_ORIGIN } from '../anthropic-api';
import { frameScriptText } from '../runner/sandbox-frame-html';
import { SANDBOX_ASSETS_PLUGIN, type SandboxAssetsApi } from '../runner/vite-plugin';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy for a page whose inline scripts have these texts. */
export function pagePolicy(inlineScripts: readonly string[]): string {
  const hashes = inlineScripts.map(sha256Source).join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes} 'unsafe-eval' blob:`,
    "worker-src 'self' blob:",
    `connect-src 'self' ${API_ORIGIN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

export function contentSecurityPolicyPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'tp-content-security-policy',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const sandbox = config.plugins.find((plugin) => plugin.name === SANDBOX_ASSETS_PLUGIN)?.api as SandboxAssetsApi | undefined;
        const frameSource = sandbox?.frameSource() ?? '';
        if (!frameSource) throw new Error('tp-content-security-policy: the sandbox frame script was not built');
        const inline = [...html.matchAll(INLINE_SCRIPT)].map((match) => match[1]!);
        const policy = pagePolicy([...inline, frameScriptText(frameSource)]);
        return html.replace(/<head>/i, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
      },
    },
  };
}
