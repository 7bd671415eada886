/**
 * CSS for the build-time highlighted code (`highlight.ts`). Token spans carry `--shiki-light` and
 * `--shiki-dark`; `light-dark()` picks one from the element's `color-scheme`, so the page (or a
 * component) chooses the theme with `color-scheme: light`, `dark` or `light dark` (follow the OS).
 * A plain string so a Lit component can wrap it with `unsafeCSS` without importing shiki.
 */
export const codeThemeCss = `
.tp-code {
  margin: 0;
  padding: 0.75rem 1rem;
  overflow-x: auto;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 0.875rem;
  line-height: 1.5;
  color: light-dark(#24292e, #e1e4e8);
  background: light-dark(#f6f8fa, #161b22);
  border-radius: 6px;
  tab-size: 2;
}
.tp-code span[style] {
  color: light-dark(var(--shiki-light), var(--shiki-dark));
}
`;
