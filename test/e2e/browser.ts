import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
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

/** The focused element, looked up through open shadow roots: its tag, text and accessible label. */
export function focusedElement(page: Page): Promise<{ tag: string; text: string; label: string } | undefined> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return undefined;
    return {
      tag: active.tagName.toLowerCase(),
      text: (active.textContent ?? '').replace(/\s+/g, ' ').trim(),
      label: active.getAttribute('aria-label') ?? '',
    };
  });
}

/** The `## ` headings of a lesson's markdown outside code fences, read from the file (not from our compiler). */
export function lessonSectionTitles(slug: string): string[] {
  const titles: string[] = [];
  let fence: string | undefined;
  for (const line of readFileSync(resolve('lessons', `${slug}.md`), 'utf8').split('\n')) {
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker : undefined;
    else if (fence === undefined && line.startsWith('## ')) titles.push(line.slice(3).trim().replace(/`/g, ''));
  }
  return titles;
}
