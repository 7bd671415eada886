import MarkdownIt from 'markdown-it';
import type { Env, MarkdownIt as MarkdownItInstance, Token } from 'markdown-it';
import { highlightCode } from './highlight';
import type { LessonHeading } from './types';

/**
 * Markdown to HTML for lesson prose and hints.
 *
 * Sanitization: this is the only producer of lesson HTML besides `highlight.ts`. markdown-it runs with
 * `html: false`, so raw HTML in a lesson (`<script>`, `<img onerror=…>`) is escaped as text; link and
 * image targets pass `isSafeUrl` (http, https, mailto, relative) or the markdown stays plain text;
 * code blocks come from `highlightCode`, which escapes everything. The UI may therefore insert the
 * compiled HTML with `unsafeHTML` without a runtime sanitizer.
 */

/**
 * Per-lesson render state: heading ids already used, so anchors are unique within one lesson, and every
 * heading met so far in parse order (the lesson's outline).
 */
export interface ProseEnv extends Env {
  usedHeadingIds: Set<string>;
  headings: LessonHeading[];
}

export function createProseEnv(): ProseEnv {
  return { usedHeadingIds: new Set(), headings: [] };
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A link target is safe if it is relative (no scheme) or uses http, https or mailto. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`), so do we.
  const compact = url.trim().replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = SCHEME.exec(compact)?.[1];
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme.toLowerCase());
}

/** `Parse a stream!` becomes `parse-a-stream`. */
export function slugifyHeading(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/[\s-]+/g, '-');
  return slug || 'section';
}

function createMarkdown(): MarkdownItInstance {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = isSafeUrl;

  // Static code blocks (json, bash, http, …, and any code inside hints) are highlighted at build time.
  md.renderer.rules.fence = (tokens, index) => {
    const token = tokens[index]!;
    const lang = token.info.trim().split(/\s+/)[0] ?? '';
    return highlightCode(token.content.replace(/\n$/, ''), lang) + '\n';
  };
  md.renderer.rules.code_block = (tokens, index) => highlightCode(tokens[index]!.content.replace(/\n$/, ''), 'text') + '\n';

  // External links open in a new tab without giving it a handle on this page.
  const renderLinkOpen = md.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    if (/^https?:/i.test(String(token.attrGet('href') ?? ''))) {
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer');
    }
    return renderLinkOpen(tokens, index, options, env, self);
  };

  // Headings get ids so the page can link to `#/<slug>#a-section` and list them in the lesson's contents.
  md.core.ruler.push('tp_heading_ids', (state) => {
    const env = state.env as Partial<ProseEnv>;
    const used = (env.usedHeadingIds ??= new Set());
    const headings = (env.headings ??= []);
    state.tokens.forEach((token, index) => {
      if (token.type !== 'heading_open') return;
      const inline = state.tokens[index + 1];
      const text = inline?.children?.map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : '')).join('') ?? '';
      const base = slugifyHeading(text);
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      token.attrSet('id', id);
      headings.push({ id, text: text.trim(), level: Number(token.tag.slice(1)) });
    });
  });
  return md;
}

/** The one markdown-it instance of the compiler (parsing and rendering must agree). */
export const lessonMarkdown = createMarkdown();

/** Renders a run of block tokens produced by `lessonMarkdown.parse`. */
export function renderProseTokens(tokens: Token[], env: ProseEnv): string {
  return lessonMarkdown.renderer.render(tokens, lessonMarkdown.options, env);
}

/** Renders a markdown snippet (a hint) with the same rules as the prose. */
export function renderMarkdown(source: string, env: ProseEnv): string {
  return lessonMarkdown.render(source, env);
}
