import type { Locator } from 'playwright-core';
import { inject } from 'vitest';

export { launchChromium } from './chromium';

/** The URL of the production build served under the sub-path, e.g. http://127.0.0.1:1234/claude-playground/. */
export function siteUrl(): string {
  return inject('siteUrl');
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

/** Text of an element including the shadow trees inside it (innerText and textContent stop at shadow roots). */
export function deepText(target: Locator): Promise<string> {
  return target.evaluate((root) => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      node.childNodes.forEach(walk);
    };
    walk(root);
    return parts.join('').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
  });
}
