/** Typography of lesson prose (build-time HTML rendered inside `<tp-lesson>`). */
import { css } from 'lit';

export const proseStyles = css`
  .prose {
    line-height: 1.65;
    font-size: 1rem;
  }
  .prose h2 {
    font-size: 1.4rem;
    margin: 2.25rem 0 0.75rem;
    line-height: 1.3;
  }
  .prose h3 {
    font-size: 1.15rem;
    margin: 1.75rem 0 0.5rem;
  }
  .prose p,
  .prose ul,
  .prose ol {
    margin: 0.75rem 0;
  }
  .prose li + li {
    margin-top: 0.25rem;
  }
  .prose code {
    font-family: var(--tp-font-mono);
    font-size: 0.875em;
    background: var(--tp-code-bg);
    border-radius: 4px;
    padding: 0.1em 0.3em;
  }
  .prose pre code {
    background: none;
    padding: 0;
    font-size: inherit;
  }
  .prose pre {
    margin: 1rem 0;
  }
  .prose blockquote {
    margin: 1rem 0;
    padding: 0.25rem 1rem;
    border-left: 4px solid var(--tp-accent);
    background: var(--tp-surface);
    border-radius: 0 6px 6px 0;
  }
  .prose table {
    border-collapse: collapse;
    margin: 1rem 0;
    font-size: 0.9375rem;
    display: block;
    overflow-x: auto;
  }
  .prose th,
  .prose td {
    border: 1px solid var(--tp-border);
    padding: 0.35rem 0.6rem;
    text-align: left;
    vertical-align: top;
  }
  .prose th {
    background: var(--tp-surface);
  }
  .prose a {
    color: var(--tp-link);
  }
  .prose img {
    max-width: 100%;
  }
`;
