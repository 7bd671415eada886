import { createHighlighterCoreSync, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import bash from '@shikijs/langs/bash';
import http from '@shikijs/langs/http';
import json from '@shikijs/langs/json';
import typescript from '@shikijs/langs/typescript';
import githubDark from '@shikijs/themes/github-dark';
import githubLight from '@shikijs/themes/github-light';

/**
 * Build-time syntax highlighting to `<pre class="tp-code" data-lang="…"><code>…</code></pre>`.
 *
 * Each token is a `<span>` whose inline style only sets CSS variables (`--shiki-light`, `--shiki-dark`):
 * no colour applies until the page's stylesheet picks one (see `code-theme.ts`), so one HTML string
 * works in light and dark themes. Shiki escapes all text it emits (`<` becomes `&#x3C;`), and the
 * fallback path below escapes with `escapeHtml`, so the output never carries markup from the lesson.
 */

/** Languages we grammar-highlight, by the names lessons use in fence info strings. */
const LANGUAGE_ALIASES: Record<string, string> = {
  ts: 'typescript',
  typescript: 'typescript',
  js: 'javascript',
  javascript: 'javascript',
  json: 'json',
  jsonc: 'json',
  bash: 'bash',
  sh: 'bash',
  shell: 'bash',
  console: 'bash',
  http: 'http',
};

let highlighter: HighlighterCore | undefined;

// Highlighting is the slow part of compiling a lesson; in dev, an edit recompiles the whole lesson,
// so unchanged blocks come from here. Keyed by language and code; small enough to keep for the process.
const highlighted = new Map<string, string>();

// Synchronous, WASM-free highlighter (JavaScript regex engine), created on first use and shared.
function getHighlighter(): HighlighterCore {
  highlighter ??= createHighlighterCoreSync({
    themes: [githubLight, githubDark],
    langs: [typescript, json, bash, http],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function plainBlock(code: string, lang: string): string {
  const lines = code.split('\n').map((line) => `<span class="line">${escapeHtml(line)}</span>`);
  return `<pre class="tp-code" data-lang="${escapeHtml(lang)}"><code>${lines.join('\n')}</code></pre>`;
}

/** Highlights `code` as `lang` (any name; unknown languages come out as plain escaped text). */
export function highlightCode(code: string, lang: string): string {
  const normalizedLang = lang.toLowerCase();
  const grammar = LANGUAGE_ALIASES[normalizedLang];
  if (!grammar) return plainBlock(code, normalizedLang || 'text');
  const key = `${normalizedLang}\n${code}`;
  let html = highlighted.get(key);
  if (html === undefined) {
    html = highlightWithGrammar(code, normalizedLang, grammar);
    highlighted.set(key, html);
  }
  return html;
}

function highlightWithGrammar(code: string, normalizedLang: string, grammar: string): string {
  return getHighlighter().codeToHtml(code, {
    lang: grammar,
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: false,
    transformers: [
      {
        pre(node) {
          // Our own class and language only; drop shiki's tabindex and background variables.
          node.properties = { class: 'tp-code', 'data-lang': normalizedLang };
        },
      },
    ],
  });
}
