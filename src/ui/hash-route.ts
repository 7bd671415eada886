/**
 * Routing by URL hash (`#/01-first-request`): deep links work on a static host under a
 * sub-path (GitHub Pages) with no server fallback, because the path never changes.
 */

/** The lesson slug in `#/<slug>`; `undefined` for the contents (`''`, `#`, `#/`). */
export function slugFromHash(hash: string): string | undefined {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  if (path === '') return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The hash that opens a lesson. */
export function lessonHash(slug: string): string {
  return `#/${encodeURIComponent(slug)}`;
}
